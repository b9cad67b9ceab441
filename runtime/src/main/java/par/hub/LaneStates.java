package par.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one process was doing over the run, for its timeline lane: starting (its JVM booting,
 * from its spawn to its first own event), running, waiting (for a lock, a queue, a join, a
 * barrier, or something else), and finished after its exit; above the lane, the locks it held
 * and the pool tasks it ran, with their item. Works on the events the page draws, already cut
 * at the end of the run.
 */
final class LaneStates {
    private final String process;
    private final int lane;
    private final boolean root;
    private final double end;
    private final double spawned;
    /** The process's own events, in order. */
    private final List<Trace.Event> own = new ArrayList<>();
    private final List<TimelineShape> shapes = new ArrayList<>();

    /** spawned: when its parent spawned it, NaN when no spawn was traced (the root, a pool worker). */
    LaneStates(String process, int lane, boolean root, double spawned, List<Trace.Event> drawn, double end) {
        this.process = process;
        this.lane = lane;
        this.root = root;
        this.end = end;
        this.spawned = spawned;
        for (Trace.Event e : drawn) {
            if (e.process().equals(process)) {
                own.add(e);
            }
        }
    }

    List<TimelineShape> shapes() {
        double first = root ? 0 : own.isEmpty() ? end : own.get(0).ms();
        double exit = exit();
        if (!Double.isNaN(spawned) && first > spawned) {
            segment("starting", spawned, first, "JVM starting",
                    process + "'s JVM starts: spawned at " + ms(spawned) + ", first event at " + ms(first)
                            + " (" + ms(first - spawned) + ")");
        }
        states(first, exit);
        if (exit < end) {
            segment("finished", exit, end, "", process + " has finished");
        }
        spans("acquire", "release", "hold");
        spans("task start", "task end", "task");
        return shapes;
    }

    /** When the process exited, or the end of the drawing if it had not. */
    private double exit() {
        for (Trace.Event e : own) {
            if (e.what().equals("exit")) {
                return e.ms();
            }
        }
        return end;
    }

    /** Running from its first event to its exit, but for its waits: each lasts until its next event. */
    private void states(double first, double exit) {
        double now = first;
        for (int i = 0; i < own.size(); i++) {
            Trace.Event e = own.get(i);
            if (!isWait(e) || e.ms() < now) {
                continue;
            }
            double until = next(i, exit);
            running(now, e.ms());
            boolean stuck = own.stream().skip(i).anyMatch(f -> f.what().equals("deadlock")) && until >= exit;
            segment("wait-" + waitKind(e), e.ms(), until, label(e),
                    process + " waits for "
                    + waited(e) + " from " + ms(e.ms()) + " to " + ms(until) + at(e) + (stuck ? ", deadlocked" : ""));
            now = until;
        }
        running(now, exit);
    }

    private void running(double from, double to) {
        if (to > from) {
            segment("running", from, to, "", process + " runs from " + ms(from) + " to " + ms(to));
        }
    }

    /** A pool worker between tasks waits for the next one, as much as a process in a wait. */
    private static boolean isWait(Trace.Event e) {
        return e.what().equals("wait") || e.what().equals("sleep") || e.what().equals("task end");
    }

    /** The next own event that ends a wait: anything but the deadlock report, which only says why it lasts. */
    private double next(int i, double exit) {
        for (int j = i + 1; j < own.size(); j++) {
            if (!own.get(j).what().equals("deadlock")) {
                return Math.min(own.get(j).ms(), exit);
            }
        }
        return exit;
    }

    /** The colour of a wait: the kinds a student meets first each have their own. */
    private static String waitKind(Trace.Event e) {
        switch (e.kind()) {
            case "lock": return "lock";
            case "queue":
            case "pipe":
                return "queue";
            case "process": return "join";
            case "barrier": return "barrier";
            default: return "other";
        }
    }

    private static String label(Trace.Event e) {
        return e.what().equals("task end") ? "idle" : e.kind().equals("process") ? "join " + e.object() : e.object();
    }

    private static String waited(Trace.Event e) {
        if (e.what().equals("sleep")) {
            return "a sleep of " + e.object();
        }
        if (e.what().equals("task end")) {
            return "its next task (a pool worker, idle)";
        }
        return e.kind().equals("process") ? e.object() + " to end (join)"
                : e.object() + (e.kind().isEmpty() ? "" : " (" + e.kind() + ")");
    }

    /** Holds (acquire to release) and tasks (start to end) of this process, as bars above its lane. */
    private void spans(String open, String close, String cls) {
        Map<String, Trace.Event> opened = new HashMap<>();
        for (Trace.Event e : own) {
            String key = e.object().split(" ")[0]; // "lock#1 (abandoned)", "task#4 (failed)"
            if (e.what().equals(open)) {
                opened.put(key, e);
            } else if (e.what().equals(close) && opened.containsKey(key)) {
                overlay(cls, opened.remove(key), e.ms());
            }
        }
        opened.values().forEach(e -> overlay(cls, e, exit()));
    }

    private void overlay(String cls, Trace.Event e, double until) {
        boolean task = cls.equals("task");
        String label = task ? e.value() : e.object();
        String title = task ? process + " runs " + e.object() + " on " + e.value()
                : process + " holds " + e.object();
        shapes.add(TimelineShape.span("overlay", cls, lane, e.ms(), Math.max(until, e.ms()), label,
                title + " from " + ms(e.ms()) + " to " + ms(until) + at(e)));
    }

    private void segment(String cls, double from, double to, String label, String title) {
        shapes.add(TimelineShape.span("segment", cls, lane, from, to, label, title));
    }

    static String at(Trace.Event e) {
        return e.site().isEmpty() ? "" : " at " + e.site();
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : "%.1f ms", ms);
    }
}
