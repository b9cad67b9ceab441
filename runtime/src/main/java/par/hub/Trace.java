package par.hub;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The hub's events as they happen (spawn, exit, acquire, wait, release, read, write, put, get,
 * join, task start and end, deadlock): printed one per line on stderr for {@code --trace}, and
 * kept for {@code --timeline}. Each knows when (ms since the program started, or the step under
 * a schedule), which process, what happened, to which object, the data it moved, and where in
 * the program. Called under the hub's monitor.
 */
public final class Trace {
    /** How much of a value the trace shows: enough to tell values apart, not a whole list. */
    static final int SHOWN = 40;

    /**
     * One hub event. kind: the object's kind (lock, queue, shared, process, task...), or "" for
     * an event about no object; value: the data read, written, put or got, or a task's item, as
     * the program would print it, at most {@value #SHOWN} characters ("" for none); item: which
     * queue item a put or get moved (for arrows), else -1.
     */
    public record Event(double ms, String process, long pid, String what, String kind, String object,
                        String value, String site, long item) {
        /** The event as --trace shows it, without the time: {@code p1  write  counter <- 5  at f.par:9}. */
        public String shown() {
            String data = value.isEmpty() ? "" : (flowsIn() ? " <- " : " -> ") + value;
            return String.format("%-8s %-12s %-14s%s", process, what, object + data,
                    site.isEmpty() ? "" : " at " + site).stripTrailing();
        }

        private boolean flowsIn() {
            return what.equals("write") || what.equals("put") || what.equals("send") || what.equals("task start");
        }
    }

    private volatile long start = System.nanoTime();
    private final PrintStream print;
    private volatile boolean keep;
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

    /** An event about one of the hub's objects. */
    void event(HubProcess p, String what, HubObject o, String site) {
        event(p, what, o.kind, o.label, site, -1, null);
    }

    /** An event that moved data: value is shown only when the trace is on (decoding costs). */
    void event(HubProcess p, String what, HubObject o, String site, long item, Supplier<String> value) {
        event(p, what, o.kind, o.label, site, item, value);
    }

    /** An event about a process: a spawn, a join, a wait for one. */
    void event(HubProcess p, String what, HubProcess other, String site) {
        event(p, what, "process", other.name, site, -1, null);
    }

    /** An event about no object: an exit with its status, a sleep with its length. */
    void event(HubProcess p, String what, String detail, String site) {
        event(p, what, "", detail, site, -1, null);
    }

    void event(HubProcess p, String what, String kind, String object, String site, long item, Supplier<String> value) {
        if (!on()) {
            return;
        }
        double when = steps != null ? steps.step() : (System.nanoTime() - start) / 1e6;
        Event e = new Event(when, p.name, p.pid, what, kind, object, value == null ? "" : shorten(value.get()),
                site == null ? "" : site, item);
        if (keep) {
            synchronized (this) {
                events.add(e);
            }
        }
        if (print != null) {
            String at = steps != null ? String.format("[step %6d]", (long) e.ms())
                    : String.format("[%9.1f ms]", e.ms());
            print.println(at + " " + e.shown());
            print.flush();
        }
    }

    static String shorten(String shown) {
        return shown.length() <= SHOWN ? shown : shown.substring(0, SHOWN - 3) + "...";
    }

    /**
     * From now on events are kept, timed from now, and those kept before are forgotten: a
     * session (the kernel's %timeline) keeps one input's events at a time.
     */
    public synchronized void startKeeping() {
        events.clear();
        start = System.nanoTime();
        keep = true;
    }

    /** No more events are kept (those kept stay, for {@link #events}). */
    public void stopKeeping() {
        keep = false;
    }

    public synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    public double elapsedMs() {
        return (System.nanoTime() - start) / 1e6;
    }
}
