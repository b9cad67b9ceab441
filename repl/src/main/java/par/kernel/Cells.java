package par.kernel;

import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import par.hub.Timeline;
import par.hub.Trace;
import par.repl.Session;

/**
 * Runs the code of execute_request in the kernel's one session, so a cell sees what the cells
 * before it defined, and tells the notebook what happened: the input, each expression's value
 * as an {@code execute_result} (as the REPL echoes it), an error with Par's located text, and
 * with {@code %timeline} (or {@code :timeline}) on its first line the cell's timeline page.
 */
final class Cells {
    private final Session session;
    private final Trace trace;
    private final Channel iopub;
    private int count;
    /** The execute_request running, or the last one: whose cell printed lines belong to. */
    private volatile Message current;
    /** Whether the cell running is silent: its values are not shown. */
    private volatile boolean silent;

    Cells(Session session, Trace trace, Channel iopub) {
        this.session = session;
        this.trace = trace;
        this.iopub = iopub;
        session.interp().setEcho(this::result);
    }

    Message current() {
        return current;
    }

    /** Runs the cell request asks for; answers the content of its execute_reply. */
    JsonObject execute(Message request) {
        JsonObject c = request.content();
        String code = c.get("code").getAsString();
        silent = c.has("silent") && c.get("silent").getAsBoolean();
        boolean store = !silent && (!c.has("store_history") || c.get("store_history").getAsBoolean());
        if (store) {
            count++;
        }
        current = request;
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            iopub.publish("execute_input", request, input);
        }
        String rest = withoutTimeline(code);
        Session.Outcome outcome = rest == null ? run(code) : runTraced(rest, request);
        JsonObject reply = new JsonObject();
        reply.addProperty("execution_count", count);
        if (outcome.error() != null) {
            return error(request, reply, outcome);
        }
        if (outcome.exit() != null) {
            new CellOutput(iopub, "stderr", this::current).line("exit(" + outcome.exit()
                    + ") ends a script; the kernel goes on (restart it to start afresh)");
        }
        reply.addProperty("status", "ok");
        reply.add("user_expressions", new JsonObject());
        reply.add("payload", new JsonArray());
        return reply;
    }

    private Session.Outcome run(String code) {
        return session.evaluate(code, "<cell " + count + ">", true);
    }

    /**
     * The cell's code with its first line blanked when that line asks for a timeline (so the
     * lines an error names are still the cell's); else null.
     */
    static String withoutTimeline(String code) {
        int start = 0;
        while (start < code.length() && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        int eol = code.indexOf('\n', start);
        String first = (eol < 0 ? code.substring(start) : code.substring(start, eol)).strip();
        if (!first.equals("%timeline") && !first.equals(":timeline")) {
            return null;
        }
        return code.substring(0, start) + (eol < 0 ? "" : code.substring(eol));
    }

    /** Runs the cell with the hub's events kept, then shows them as a timeline page. */
    private Session.Outcome runTraced(String code, Message request) {
        trace.startKeeping();
        Session.Outcome outcome;
        try {
            outcome = run(code);
        } finally {
            trace.stopKeeping();
        }
        List<Trace.Event> events = trace.events();
        String page = Timeline.page("cell " + count, events, trace.elapsedMs());
        JsonObject data = new JsonObject();
        // a frame of its own: the page's style and script stay out of the notebook's
        data.addProperty("text/html", "<iframe style=\"width:100%;height:480px;border:0\" srcdoc=\""
                + page.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe>");
        data.addProperty("text/plain", "timeline of cell " + count + ": " + events.size() + " events");
        JsonObject display = new JsonObject();
        display.add("data", data);
        display.add("metadata", new JsonObject());
        display.add("transient", new JsonObject());
        iopub.publish("display_data", request, display);
        return outcome;
    }

    /** An expression's value, shown as the cell's result. */
    private void result(String shown) {
        if (silent) {
            return;
        }
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", shown);
        JsonObject content = new JsonObject();
        content.addProperty("execution_count", count);
        content.add("data", data);
        content.add("metadata", new JsonObject());
        iopub.publish("execute_result", current, content);
    }

    /** The error message on IOPub and the reply's content: the located text, line by line, as the traceback. */
    private JsonObject error(Message request, JsonObject reply, Session.Outcome outcome) {
        String text = outcome.error();
        JsonArray traceback = new JsonArray();
        Arrays.stream(text.split("\n")).forEach(traceback::add);
        String first = text.lines().findFirst().orElse("");
        int at = first.indexOf("error: ");
        JsonObject content = new JsonObject();
        content.addProperty("ename", outcome.syntax() ? "SyntaxError" : "Error");
        content.addProperty("evalue", at < 0 ? first : first.substring(at + "error: ".length()));
        content.add("traceback", traceback);
        iopub.publish("error", request, content);
        reply.addProperty("status", "error");
        content.entrySet().forEach(e -> reply.add(e.getKey(), e.getValue()));
        return reply;
    }
}
