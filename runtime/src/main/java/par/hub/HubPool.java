package par.hub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import par.wire.HubMessage;

/**
 * A pool as the hub keeps it: its worker processes (started once, each given the image once),
 * the tasks waiting for a worker, and the idle workers. A worker that dies is replaced from the
 * same image. Guarded by the hub.
 */
final class HubPool extends HubObject {
    final byte[] image;
    final List<HubProcess> workers = new ArrayList<>();
    final ArrayDeque<HubProcess> idle = new ArrayDeque<>();
    final ArrayDeque<HubTask> queued = new ArrayDeque<>();
    final List<HubTask> unfinished = new ArrayList<>();
    final List<Waiter> closers = new ArrayList<>();
    boolean closed;
    /** maxtasksperchild: a worker that has run this many tasks is replaced (0: never); the counts so far. */
    long maxTasks;
    final java.util.Map<HubProcess, Integer> tasksRun = new java.util.HashMap<>();

    private final Hub hub;

    HubPool(long id, String label, byte[] image, Hub hub) {
        super(id, "pool", label);
        this.image = image;
        this.hub = hub;
    }

    /** Hands queued tasks to idle workers; under a schedule only when it chooses to ({@link #handOut}). */
    void dispatch() {
        if (hub.scheduler != null && !hub.scheduler.manual()) {
            return;
        }
        handOut();
    }

    /** Hands queued tasks to idle workers, those with the smallest ids first; true if any. */
    boolean handOut() {
        boolean any = false;
        if (hub.scheduler != null && idle.size() > 1) {
            List<HubProcess> byId = new ArrayList<>(idle);
            byId.sort(java.util.Comparator.comparingLong(p -> p.id));
            idle.clear();
            idle.addAll(byId);
        }
        while (!idle.isEmpty() && !queued.isEmpty()) {
            any = true;
            HubProcess w = idle.poll();
            HubTask t = queued.poll();
            t.worker = w;
            w.task = t;
            w.conn.send(new HubMessage.Task(t.id, t.work));
            hub.trace.event(w, "task start", "task", "task#" + t.id, "", -1, () -> hub.shown.items(t.work));
        }
        return any;
    }
}
