package par.hub;

import java.util.ArrayList;
import java.util.List;

import par.launch.ChildConn;

/**
 * One process as the hub sees it: its name and pid, its channel, what it holds, who waits to
 * join it, and how it ended. The root program is process 0, with no channel. Once the JVM has
 * exited the channel is let go, and the record itself once nothing can ask about it any more
 * (see {@link Hub#forgetIfDone}). Guarded by the hub.
 */
public final class HubProcess {
    final long id;
    final String name;
    final long pid;
    /** The channel, until the JVM has exited (its buffers and its Process are then let go). */
    ChildConn conn;
    final List<Waiter> joiners = new ArrayList<>();
    boolean finished;
    /** The encoded return value, once it finished well. */
    byte[] result;
    /** Why joining it fails, once it finished badly. */
    String failure;
    Integer exitcode;
    /** The JVM has really exited (not only finished its function). */
    boolean exited;
    /**
     * Under a schedule: between two of its requests (its last one answered), so the scheduler
     * waits for it to reach its next before choosing. A new process runs until its first.
     */
    boolean running = true;
    /** The wait this process is in with no time-out, if any: nothing but another process can end it. */
    Waiter blockedOn;
    /** For a pool worker: its pool, and the task it is running. */
    HubPool pool;
    HubTask task;
    /** Stopped for a deadlock already reported: the locks it held go with no warning, and to no one stopping too. */
    boolean stopping;
    /** A worker told to leave (its pool closed): its exit is no death to report. */
    boolean retiring;
    /** The process that spawned it (null for the main program and pool workers). */
    HubProcess parent;
    /** Ended, not waited for, when its parent's program ends (Python's daemon). */
    boolean daemon;
    /** How many handles to it the root program holds (one from the spawn, more that arrived in values). */
    int rootHandles;
    /**
     * Another process may hold a handle to it (a child spawned it, or the root sent one away):
     * that handle may still ask, so the record stays.
     */
    boolean namedElsewhere;

    HubProcess(long id, String name, long pid, ChildConn conn) {
        this.id = id;
        this.name = name;
        this.pid = pid;
        this.conn = conn;
    }

    boolean alive() {
        return !finished;
    }

    /**
     * Its row in the REPL's :ps: name, pid, state, what it holds and waits for. pending: the
     * request it waits to have served while stepping ("wants read 1 at <repl>:4"), or null;
     * held: the locks it holds (their slots say so, see {@link Locks#heldBy}).
     */
    String row(String pending, List<HubLock> held) {
        String state = pending != null ? pending : blockedOn != null ? "waiting"
                : pool != null ? (task != null ? "working" : "idle") : "running";
        StringBuilder row = new StringBuilder(String.format("%-8s pid %-7d %-8s", name, pid, state));
        if (!held.isEmpty()) {
            row.append(" holds ").append(heldLabels(held));
        }
        if (blockedOn != null) {
            row.append(" ").append(blockedOn.what);
        }
        if (pool != null) {
            row.append(" (pool worker)");
        }
        return row.toString().stripTrailing();
    }

    /** Its line in a deadlock report: where it waits, for what, and what it holds. */
    String stuckLine(List<HubLock> held) {
        StringBuilder line = new StringBuilder(name).append(" (pid ").append(pid).append(")");
        if (!blockedOn.site.isEmpty()) {
            line.append(" at ").append(blockedOn.site);
        }
        line.append(' ').append(blockedOn.what);
        if (!held.isEmpty()) {
            line.append(", holds ").append(String.join(", ", held.stream().map(HubProcess::heldSince).toList()));
        }
        return line.toString();
    }

    /** A lock it holds and the line it took it at: {@code fork0 (taken at line 5)}. */
    private static String heldSince(HubLock l) {
        int line = l.takenAt();
        return line == 0 ? l.label : l.label + " (taken at line " + line + ")";
    }

    /** Its line in :graph: {@code phil0 -> phil1: waits for fork1, which phil1 holds}. */
    String graphLine(HubProcess next) {
        String line = next == null ? name + ": " : name + " -> " + next.name + ": ";
        return line + blockedOn.what + (blockedOn.on instanceof HubLock && next != null ? ", which " + next.name + " holds" : "");
    }

    /** Its step in a deadlock's cycle: {@code phil0 holds fork0, waits for fork1}. */
    String cycleStep(List<HubLock> held) {
        return name + (held.isEmpty() ? "" : " holds " + heldLabels(held)) + ", " + blockedOn.what;
    }

    private static String heldLabels(List<HubLock> held) {
        return String.join(", ", held.stream().map(l -> l.label).toList());
    }

    String describe() {
        return id == 0 ? "the main process (pid " + pid + ")" : "process " + name + " (pid " + pid + ")";
    }
}
