package par.hub;

/**
 * The end of a run, the hub's part for it: the root program has ended (or the REPL quits), so
 * the children are waited for or stopped, pools closed, the schedule and its log stopped, the
 * spare JVMs stopped and the shared memory deleted. No child outlives the root. Works under the
 * hub's monitor, except while it waits for JVMs to stop.
 */
final class Ending {
    private final Hub hub;

    Ending(Hub hub) {
        this.hub = hub;
    }

    /** Stops every live child now (the REPL's quit); returns how many there were. */
    int stopChildren() {
        int live;
        synchronized (hub) {
            live = (int) hub.procs.values().stream().filter(p -> !p.finished && p.pool == null).count();
        }
        shutdown(false);
        return live;
    }

    /** After a normal end the children are waited for, as Python does; after an error they are stopped. */
    void shutdown(boolean waitForChildren) {
        synchronized (hub) {
            endRoot(waitForChildren);
            if (waitForChildren) {
                awaitChildren();
            }
            stopSchedule();
        }
        if (!hub.launcher.reuses()) {
            hub.launcher.stopAll();
        }
        if (hub.trace.on()) {
            awaitExits();
        }
        hub.timers.shutdownNow();
        synchronized (hub) {
            if (hub.slots != null) {
                hub.slots.delete();
            }
        }
        hub.flushOut();
    }

    private void endRoot(boolean normally) {
        hub.pools.closeAll(normally);
        if (!hub.root.finished) {
            hub.trace.event(hub.root, "exit", normally ? "status 0" : "status 1", "");
        }
        hub.root.finished = true;
        hub.scheduleNext();
    }

    /** Until every child has finished, or they are stuck: children left waiting on each other, with no main program to help. */
    private void awaitChildren() {
        hub.deadlocks.check();
        while (!hub.deadlocked && hub.procs.values().stream().anyMatch(p -> !p.finished)) {
            try {
                hub.wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopSchedule() {
        if (hub.scheduler != null) {
            hub.scheduler.stop();
        }
        if (hub.scheduleLog != null) {
            hub.scheduleLog.close();
        }
        if (hub.launcher.reuses()) {
            hub.processes.stopUnfinished(); // the spares, and the JVMs whose job is done, stay for the next run
        }
    }

    /**
     * Waits, up to two seconds, until every child (pool workers too) has been seen to exit:
     * their exits (signal 9 after a deadlock) belong in the trace, which the timeline draws as
     * soon as this returns. Each exit is noticed on the child's reader thread, which notifies.
     * A deadlock interrupts the main program's thread, so the interrupt is put aside meanwhile.
     */
    private void awaitExits() {
        synchronized (hub) {
            boolean interrupted = Thread.interrupted();
            long deadline = System.nanoTime() + 2_000_000_000L;
            long left;
            while (hub.procs.values().stream().anyMatch(p -> !p.finished)
                    && (left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                try {
                    hub.wait(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
