package par.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a run's hub events as one self-contained HTML page (inline SVG, no scripts, nothing
 * fetched): a lane per process over time, lock holds and waits as coloured bars, pool tasks as
 * spans, queue traffic as arrows from each put to its get, spawns as dashed arrows, exits with
 * their status, and a deadlock marked where it formed. Hovering a bar shows what and where.
 */
public final class Timeline {
    private static final int LEFT = 190;
    private static final int WIDTH = 900;
    private static final int LANE = 46;
    private static final int TOP = 70;

    private final List<Trace.Event> events;
    private final double start;
    private final double end;
    private final Map<String, Integer> lanes = new LinkedHashMap<>();
    private final Map<String, Long> pids = new HashMap<>();
    private final StringBuilder svg = new StringBuilder();

    private Timeline(List<Trace.Event> events, double end) {
        this.events = events;
        // the page shows the part of the run where processes met: from a little before the first event
        double first = events.isEmpty() ? 0 : events.get(0).ms();
        double last = Math.max(end, first + 1);
        this.start = Math.max(0, first - (last - first) * 0.03);
        this.end = last;
        lane("main", events.stream().filter(e -> e.process().equals("main")).mapToLong(Trace.Event::pid).findFirst()
                .orElse(ProcessHandle.current().pid()));
        for (Trace.Event e : events) {
            lane(e.process(), e.pid());
            if (e.what().equals("spawn")) {
                lanes.putIfAbsent(e.object(), lanes.size());
            }
        }
    }

    private void lane(String process, long pid) {
        lanes.putIfAbsent(process, lanes.size());
        if (pid > 0) {
            pids.putIfAbsent(process, pid);
        }
    }

    public static void write(Path file, String program, List<Trace.Event> events, double endMs) throws IOException {
        Files.writeString(file, new Timeline(events, endMs).page(program), StandardCharsets.UTF_8);
    }

    private double x(double ms) {
        return LEFT + (ms - start) / (end - start) * WIDTH;
    }

    private int y(String process) {
        return TOP + lanes.getOrDefault(process, 0) * LANE;
    }

    private String page(String program) {
        int height = TOP + lanes.size() * LANE + 60;
        axis(height);
        lifelines();
        spans("acquire", "release", "hold", "#4caf50");
        waits();
        spans("task start", "task end", "task", "#2979ff");
        arrows();
        marks();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Par timeline: " + esc(program)
                + "</title>\n<style>body{font-family:sans-serif;margin:20px;color:#222}"
                + "svg text{font-size:12px;font-family:sans-serif}.lane{font-weight:bold}"
                + ".legend span{display:inline-block;width:14px;height:10px;margin:0 4px 0 14px}</style></head>\n"
                + "<body><h2>" + esc(program) + "</h2>\n<div class=\"legend\">"
                + "<span style=\"background:#4caf50\"></span>holds a lock"
                + "<span style=\"background:#ff9800\"></span>waits"
                + "<span style=\"background:#2979ff\"></span>pool task"
                + "<span style=\"background:#7e57c2;height:2px\"></span>queue item"
                + "<span style=\"background:#e53935\"></span>deadlock</div>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (LEFT + WIDTH + 110) + "\" height=\"" + height
                + "\" role=\"img\">\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#7e57c2\"/>"
                + "</marker></defs>\n" + svg + "</svg>\n<p>" + events.size() + " events; the run took " + fmt(end) + " ms (times are since Par started). Hover a bar or a mark for what it is and where in the program.</p>\n</body></html>\n";
    }

    private void axis(int height) {
        for (int i = 0; i <= 10; i++) {
            double ms = start + (end - start) * i / 10;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#888\">%s ms</text>\n",
                    x(ms), TOP - 25, x(ms), height - 40, x(ms), TOP - 32, fmt(ms)));
        }
    }

    /** A lane per process: its label, and a line from its start to its exit. */
    private void lifelines() {
        for (String p : lanes.keySet()) {
            double from = p.equals("main") ? start : first(p, "spawn-of");
            double to = last(p, "exit");
            int y = y(p);
            svg.append(String.format(Locale.ROOT, "<text class=\"lane\" x=\"10\" y=\"%d\">%s</text>"
                    + "<line class=\"lifeline\" data-process=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#999\" stroke-width=\"2\"/>\n",
                    y + 4, esc(p + (pids.containsKey(p) ? " (pid " + pids.get(p) + ")" : "")), esc(p),
                    x(from), y, x(to), y));
        }
    }

    private double first(String process, String what) {
        if (what.equals("spawn-of")) {
            for (Trace.Event e : events) {
                if (e.what().equals("spawn") && e.object().equals(process)) {
                    return e.ms();
                }
            }
            for (Trace.Event e : events) {
                if (e.process().equals(process)) {
                    return e.ms();
                }
            }
            return 0;
        }
        return 0;
    }

    private double last(String process, String what) {
        for (Trace.Event e : events) {
            if (e.process().equals(process) && e.what().equals(what)) {
                return e.ms();
            }
        }
        return end;
    }

    /** Bars from each opening event to the matching closing one, per process and object. */
    private void spans(String open, String close, String kind, String colour) {
        Map<String, Trace.Event> opened = new HashMap<>();
        for (Trace.Event e : events) {
            String object = e.object().replace(" (abandoned)", "").replace(" (failed)", "");
            String key = e.process() + "|" + object;
            if (e.what().equals(open)) {
                opened.put(key, e);
            } else if (e.what().equals(close) && opened.containsKey(key)) {
                bar(opened.remove(key), e.ms(), kind, colour, 0);
            }
        }
        for (Trace.Event e : opened.values()) {
            bar(e, last(e.process(), "exit"), kind, colour, 0);
        }
    }

    /** A wait lasts until the same process next gets somewhere. */
    private void waits() {
        for (int i = 0; i < events.size(); i++) {
            Trace.Event e = events.get(i);
            if (!e.what().equals("wait")) {
                continue;
            }
            double until = last(e.process(), "exit");
            for (int j = i + 1; j < events.size(); j++) {
                Trace.Event f = events.get(j);
                if (f.process().equals(e.process()) && !f.what().equals("release")) {
                    until = f.ms();
                    break;
                }
            }
            bar(e, until, "wait", "#ff9800", 12);
        }
    }

    private void bar(Trace.Event e, double until, String kind, String colour, int dy) {
        int y = y(e.process()) - 8 + dy;
        double x0 = x(e.ms());
        double w = Math.max(2, x(until) - x0);
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                + "fill=\"%s\" opacity=\"0.85\" rx=\"2\"><title>%s</title></rect>\n",
                kind, x0, y, w, dy == 0 ? 10 : 6, colour,
                esc(e.process() + " " + kind + "s " + e.object() + " from " + fmt(e.ms()) + " to " + fmt(until) + " ms"
                        + (e.site().isEmpty() ? "" : " at " + e.site()))));
    }

    /** Queue items from their put to their get, and spawns from parent to child. */
    private void arrows() {
        Map<String, Trace.Event> puts = new HashMap<>();
        for (Trace.Event e : events) {
            if (e.what().equals("put")) {
                puts.put(e.object() + "#" + e.item(), e);
            } else if (e.what().equals("get")) {
                Trace.Event put = puts.remove(e.object() + "#" + e.item());
                if (put != null) {
                    line(put.process(), put.ms(), e.process(), e.ms(), "#7e57c2", "", "queue",
                            e.object() + " item from " + put.process() + " to " + e.process()
                                    + (put.site().isEmpty() ? "" : " (put at " + put.site() + ")"));
                }
            } else if (e.what().equals("spawn")) {
                line(e.process(), e.ms(), e.object(), e.ms(), "#999", "4,3", "spawn",
                        e.process() + " spawns " + e.object() + (e.site().isEmpty() ? "" : " at " + e.site()));
            }
        }
    }

    private void line(String from, double t0, String to, double t1, String colour, String dash, String kind,
                      String title) {
        svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                + "stroke=\"%s\" stroke-width=\"1.5\"%s%s><title>%s</title></line>\n",
                kind, x(t0), y(from), x(t1), y(to), colour, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"",
                kind.equals("queue") ? " marker-end=\"url(#arrow)\"" : "", esc(title)));
    }

    /** Exits with their status, and the deadlock, where they happened. */
    private void marks() {
        for (Trace.Event e : events) {
            if (e.what().equals("exit")) {
                double x = x(e.ms());
                int y = y(e.process());
                svg.append(String.format(Locale.ROOT, "<circle class=\"exit\" cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\">"
                        + "<title>%s</title></circle><text x=\"%.1f\" y=\"%d\" fill=\"#555\">%s</text>\n",
                        x, y, e.object().equals("status 0") ? "#555" : "#e53935",
                        esc(e.process() + " exits, " + e.object()), x + 8, y + 16, esc(e.object())));
            } else if (e.what().equals("deadlock")) {
                double x = x(e.ms());
                int y = y(e.process());
                svg.append(String.format(Locale.ROOT, "<g class=\"deadlock\"><path d=\"M%.1f,%d l10,10 m0,-10 l-10,10\" "
                        + "stroke=\"#e53935\" stroke-width=\"3\"/><title>%s</title></g>"
                        + "<text x=\"%.1f\" y=\"%d\" fill=\"#e53935\">deadlock</text>\n",
                        x - 5, y - 5, esc("deadlock: " + e.process() + " " + e.object()
                                + (e.site().isEmpty() ? "" : " at " + e.site())), x + 8, y - 10));
            }
        }
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
