package par.proc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One process as the hub sees it: its name and pid, its channel, what it holds, who waits to
 * join it, and how it ended. The root program is process 0, with no channel. Once the JVM has
 * exited the channel is let go, and the record itself once nothing can ask about it any more
 * (see {@link Hub#forgetIfDone}). Guarded by the hub.
 */
final class HubProcess {
    final long id;
    final String name;
    final long pid;
    /** The channel, until the JVM has exited (its buffers and its Process are then let go). */
    ChildConn conn;
    final Set<HubLock> held = new LinkedHashSet<>();
    final List<Waiter> joiners = new ArrayList<>();
    boolean finished;
    /** The encoded return value, once it finished well. */
    byte[] result;
    /** Why joining it fails, once it finished badly. */
    String failure;
    Integer exitcode;
    /** The JVM has really exited (not only finished its function). */
    boolean exited;
    /** The wait this process is in with no time-out, if any: nothing but another process can end it. */
    Waiter blockedOn;
    /** For a pool worker: its pool, and the task it is running. */
    HubPool pool;
    HubTask task;
    /** A worker told to leave (its pool closed): its exit is no death to report. */
    boolean retiring;
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

    String describe() {
        return id == 0 ? "the main process (pid " + pid + ")" : "process " + name + " (pid " + pid + ")";
    }
}
