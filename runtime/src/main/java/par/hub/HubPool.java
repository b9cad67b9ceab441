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
final class HubPool {
    final long id;
    final byte[] image;
    final List<HubProcess> workers = new ArrayList<>();
    final ArrayDeque<HubProcess> idle = new ArrayDeque<>();
    final ArrayDeque<HubTask> queued = new ArrayDeque<>();
    final List<HubTask> unfinished = new ArrayList<>();
    final List<Waiter> closers = new ArrayList<>();
    boolean closed;

    private final Hub hub;

    HubPool(long id, byte[] image, Hub hub) {
        this.id = id;
        this.image = image;
        this.hub = hub;
    }

    /** Hands queued tasks to idle workers. */
    void dispatch() {
        while (!idle.isEmpty() && !queued.isEmpty()) {
            HubProcess w = idle.poll();
            HubTask t = queued.poll();
            t.worker = w;
            w.task = t;
            w.conn.send(new HubMessage.Task(t.id, t.work));
            hub.trace.event(w, "task start", "task#" + t.id, "");
        }
    }
}
