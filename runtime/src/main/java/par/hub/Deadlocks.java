package par.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds deadlocks in the hub's wait-for graph, each time a process starts waiting with no
 * time-out or stops being able to help: a cycle of processes each waiting for a lock the next
 * holds or to join the next, or a stall in which every live process (the main program too)
 * waits, with no time-out, for something only another of them could give. A waiter with a
 * time-out is never part of a deadlock: its time-out frees it. Called under the hub's monitor.
 */
final class Deadlocks {
    private final Hub hub;
    private boolean reported;

    Deadlocks(Hub hub) {
        this.hub = hub;
    }

    /** The REPL goes on after a deadlock: later ones are reported too. */
    void reset() {
        reported = false;
    }

    void check() {
        if (reported || victimsStillEnding()) {
            return;
        }
        List<HubProcess> stuck = cycle();
        if (stuck == null) {
            stuck = stall();
        }
        if (stuck != null) {
            reported = true;
            hub.deadlock(stuck);
        }
    }

    /**
     * The processes stopped for a deadlock already reported have not all ended: until they have,
     * whoever waits for them (the main program joining one, in a session that goes on after a
     * deadlock) will be answered, so no new deadlock can be judged. Without this, a session
     * reported the same deadlock twice when a victim's end was noticed before the main
     * program's interrupt.
     */
    private boolean victimsStillEnding() {
        for (HubProcess p : hub.liveProcesses()) {
            if (p.stopping) {
                return true;
            }
        }
        return false;
    }

    /**
     * The process a blocked process waits for, where there is exactly one: a lock's holder, a
     * joined process. The trace gives it with a deadlock, for the timeline's arrows.
     */
    static HubProcess next(HubProcess p) {
        Waiter w = p.blockedOn;
        if (w == null) {
            return null;
        }
        if (w.on instanceof HubLock) {
            return ((HubLock) w.on).holder();
        }
        if (w.on instanceof HubProcess && !((HubProcess) w.on).finished) {
            return (HubProcess) w.on;
        }
        return null;
    }

    /** Whether the stuck processes, in order, each wait for the next and the last for the first. */
    static boolean isCycle(List<HubProcess> stuck) {
        for (int i = 0; i < stuck.size(); i++) {
            if (next(stuck.get(i)) != stuck.get((i + 1) % stuck.size())) {
                return false;
            }
        }
        return true;
    }

    List<HubProcess> cycle() {
        for (HubProcess start : hub.liveProcesses()) {
            List<HubProcess> path = new ArrayList<>();
            HubProcess p = start;
            while (p != null && p.blockedOn != null && !path.contains(p)) {
                path.add(p);
                p = next(p);
            }
            if (p != null && path.contains(p)) {
                return path.subList(path.indexOf(p), path.size());
            }
        }
        return null;
    }

    /** Every live process waits without a time-out (idle pool workers cannot help by themselves). */
    private List<HubProcess> stall() {
        List<HubProcess> waiting = new ArrayList<>();
        for (HubProcess p : hub.liveProcesses()) {
            boolean idleWorker = p.pool != null && p.task == null;
            if (idleWorker) {
                continue;
            }
            if (p.blockedOn == null) {
                return null;
            }
            waiting.add(p);
        }
        return waiting.isEmpty() ? null : waiting;
    }
}
