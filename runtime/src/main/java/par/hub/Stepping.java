package par.hub;

/**
 * The REPL's {@code :sched step}: the student as the scheduler. While on, a process spawned
 * waits at each of its scheduling points until {@code :step} lets it go (the hub's
 * {@link Scheduler} with no choice); the prompt itself never waits. Each call takes the hub's
 * monitor, and waits on it for processes to arrive where a step needs them.
 */
final class Stepping {
    private Stepping() {
    }

    /** How long a step waits for a process to arrive at a step, or to reach its next. */
    private static final long PATIENCE_NANOS = 60_000_000_000L;

    /** :sched step (on), :sched run (off): off serves whatever waits and lets all run free. */
    static void set(Hub hub, boolean on) {
        synchronized (hub) {
            if (on && hub.scheduler == null) {
                hub.scheduler = new Scheduler(hub, null, null);
            } else if (!on && hub.scheduler != null && hub.scheduler.manual()) {
                Scheduler s = hub.scheduler;
                hub.scheduler = null;
                s.releaseAll();
            }
            hub.updateFastPath();
        }
    }

    /**
     * :step NAME (or any, for null): what was served and where that took the process (its next
     * step, a wait, its end), or why nothing was served. A process on its way to a step (a JVM
     * starting, say) is waited for.
     */
    static String step(Hub hub, String name) throws InterruptedException {
        synchronized (hub) {
            long deadline = System.nanoTime() + PATIENCE_NANOS;
            while (hub.scheduler != null && hub.scheduler.manual()) {
                String done = hub.scheduler.step(name);
                if (done != null) {
                    return done.startsWith("step ") ? done + "; " + whereNow(hub, hub.scheduler.lastStepped) : done;
                }
                if (!waitUntil(hub, deadline)) {
                    return (name == null ? "no process" : name) + " reached no step in a minute: it is still running";
                }
            }
            return "not stepping (:sched step starts)";
        }
    }

    /** Where a stepped process has got to, once it gets there (or "still running" after a minute). */
    private static String whereNow(Hub hub, HubProcess p) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        String where;
        while ((where = hub.scheduler == null ? "running free" : hub.scheduler.arrived(p)) == null) {
            if (!waitUntil(hub, deadline)) {
                return p.name + " is still running";
            }
        }
        return where;
    }

    /** Waits on the hub's monitor for a change, at most until deadline; false once it has passed. */
    private static boolean waitUntil(Hub hub, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        hub.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        return true;
    }
}
