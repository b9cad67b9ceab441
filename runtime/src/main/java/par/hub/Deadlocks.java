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
            report(stuck);
            hub.stopStuck();
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

    /**
     * A deadlock, said on stderr: one line per process (where it waits, for what, what it
     * holds and since which line), then the cycle of waits on one line if there is one.
     */
    private void report(List<HubProcess> stuck) {
        for (HubProcess p : stuck) {
            HubProcess next = next(p);
            hub.trace.event(p, "deadlock", "", p.blockedOn.what, p.blockedOn.site, -1,
                    next == null ? null : () -> next.name);
        }
        hub.flushOut();
        hub.err.println("error: deadlock");
        for (HubProcess p : stuck) {
            hub.err.println("  " + p.stuckLine(hub.locks.heldBy(p)));
        }
        if (isCycle(stuck)) {
            hub.err.println("  " + cycleLine(stuck));
        }
        hub.err.flush();
    }

    /**
     * The REPL's :graph: the wait-for graph as it is now, a line per waiting process with an
     * arrow to the process it waits for where there is one, then the cycle if there is one.
     */
    List<String> graph() {
        List<String> lines = new ArrayList<>();
        for (HubProcess p : hub.liveProcesses()) {
            if (p.blockedOn != null) {
                lines.add(p.graphLine(next(p)));
            }
        }
        List<HubProcess> cycle = cycle();
        if (cycle != null) {
            lines.add(cycleLine(cycle));
        }
        return lines;
    }

    /** A cycle of waits on one line: {@code the cycle: a holds x, waits for y -> b holds y, waits for x -> a}. */
    private String cycleLine(List<HubProcess> stuck) {
        return "the cycle: " + String.join(" -> ", stuck.stream().map(p -> p.cycleStep(hub.locks.heldBy(p))).toList())
                + " -> " + stuck.get(0).name;
    }
}
