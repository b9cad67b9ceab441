package par.proc;

import java.util.ArrayDeque;

/**
 * A queue as the hub keeps it: encoded items in FIFO order, and the processes waiting to get
 * (when empty) or to put (when a bounded queue is full). Items live here, in the root, so a
 * producer can be joined before its queue is drained. Guarded by the hub's monitor.
 */
final class HubQueue {
    final long id;
    final int capacity; // 0: unbounded
    final ArrayDeque<byte[]> items = new ArrayDeque<>();
    final ArrayDeque<Waiter> getters = new ArrayDeque<>();
    final ArrayDeque<Waiter> putters = new ArrayDeque<>();

    HubQueue(long id, int capacity) {
        this.id = id;
        this.capacity = capacity;
    }

    boolean full() {
        return capacity > 0 && items.size() >= capacity;
    }

    /** Adds an item, handing it straight to a waiting getter if there is one. */
    void add(byte[] item) {
        while (!getters.isEmpty()) {
            Waiter g = getters.poll();
            if (!g.done) {
                g.ok(item);
                return;
            }
        }
        items.add(item);
    }

    /** Takes the head item, letting one blocked putter in behind it. */
    byte[] take() {
        byte[] item = items.poll();
        while (!putters.isEmpty() && !full()) {
            Waiter p = putters.poll();
            if (!p.done) {
                add(p.payload);
                p.ok(par.interp.Nil.NIL);
            }
        }
        return item;
    }
}
