package par.proc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One process as the hub sees it: its name and pid, its channel, what it holds, who waits to
 * join it, and how it ended. The root program is process 0, with no channel. Guarded by the hub.
 */
final class HubProcess {
    final long id;
    final String name;
    final long pid;
    final ChildConn conn;
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
