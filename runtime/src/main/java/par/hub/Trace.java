package par.hub;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's events as they happen (spawn, exit, acquire, wait, release, put, get, join, task
 * start and end, deadlock): printed one per line on stderr for {@code --trace}, and kept for
 * {@code --timeline}. Each knows when (ms since the program started), which process, what
 * happened, to which object, and where in the program. Called under the hub's monitor.
 */
public final class Trace {
    /** One hub event. item: which queue item a put or get moved (for arrows), else -1. */
    public record Event(double ms, String process, long pid, String what, String object, String site, long item) {
    }

    private final long start = System.nanoTime();
    private final PrintStream print;
    private final boolean keep;
    private final List<Event> events = new ArrayList<>();

    /** print: where --trace writes (null for none); keep: remember events for a timeline. */
    public Trace(PrintStream print, boolean keep) {
        this.print = print;
        this.keep = keep;
    }

    /** Under a schedule: events are placed by step, not by time, so two runs trace alike. */
    private Scheduler steps;

    void countSteps(Scheduler scheduler) {
        this.steps = scheduler;
    }

    boolean on() {
        return print != null || keep;
    }

    void event(HubProcess p, String what, String object, String site) {
        event(p, what, object, site, -1);
    }

    void event(HubProcess p, String what, String object, String site, long item) {
        if (!on()) {
            return;
        }
        double when = steps != null ? steps.step() : (System.nanoTime() - start) / 1e6;
        Event e = new Event(when, p.name, p.pid, what, object, site == null ? "" : site, item);
        if (keep) {
            events.add(e);
        }
        if (print != null) {
            String at = steps != null ? String.format("[step %6d]", (long) e.ms())
                    : String.format("[%9.1f ms]", e.ms());
            print.println(String.format("%s %-8s %-12s %-14s%s", at, e.process(), e.what(), e.object(),
                    e.site().isEmpty() ? "" : " at " + e.site()));
            print.flush();
        }
    }

    public synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    public double elapsedMs() {
        return (System.nanoTime() - start) / 1e6;
    }
}
