package par.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a run's hub events as one self-contained HTML page that loads nothing from the
 * network: the page (timeline/page.html), its style and its script are resources inlined here,
 * and the run itself is a JSON object in the page ({@link TimelineModel} makes it). The script
 * draws the lanes as SVG and lets the reader zoom with the wheel, pan by dragging, and hover.
 */
public final class Timeline {
    private Timeline() {
    }

    /** Writes the page; returns how many of the events it draws (those after the end are not). */
    public static int write(Path file, String program, List<Trace.Event> events, double endMs) throws IOException {
        TimelineModel model = new TimelineModel(events, endMs);
        Files.writeString(file, page(program, model), StandardCharsets.UTF_8);
        return model.drawn.size();
    }

    /** The page itself, as text (the kernel shows it inside a notebook cell). */
    public static String page(String program, List<Trace.Event> events, double endMs) {
        return page(program, new TimelineModel(events, endMs));
    }

    private static String page(String program, TimelineModel model) {
        Map<String, String> parts = Map.of("title", esc(program), "style", resource("timeline.css"),
                "data", model.json(program), "script", resource("timeline.js"));
        return fill(resource("page.html"), parts);
    }

    /** The template with each {{name}} replaced, in one pass: a program's text may hold "{{...}}" too. */
    private static String fill(String template, Map<String, String> parts) {
        Matcher m = PLACE.matcher(template);
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(page, Matcher.quoteReplacement(parts.get(m.group(1))));
        }
        return m.appendTail(page).toString();
    }

    private static final Pattern PLACE = Pattern.compile("\\{\\{(title|style|data|script)\\}\\}");

    private static String resource(String name) {
        try (InputStream in = Timeline.class.getResourceAsStream("timeline/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks par/hub/timeline/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
