package par.hub;

import java.util.ArrayDeque;

import par.wire.Answer;

/**
 * A queue as the hub keeps it: encoded items in FIFO order, and the processes waiting to get
 * (when empty) or to put (when a bounded queue is full). Items live here, in the root, so a
 * producer can be joined before its queue is drained. Guarded by the hub's monitor.
 */
final class HubQueue extends HubObject {
    final int capacity; // 0: unbounded
    final ArrayDeque<byte[]> items = new ArrayDeque<>();
    /** Each item's number, in step with items: which put a get takes, for the timeline's arrows. */
    final ArrayDeque<Long> numbers = new ArrayDeque<>();
    long puts;
    private final Hub hub;
    final ArrayDeque<Waiter> getters = new ArrayDeque<>();
    final ArrayDeque<Waiter> putters = new ArrayDeque<>();

    HubQueue(long id, String label, int capacity, Hub hub) {
        super(id, "queue", label);
        this.capacity = capacity;
        this.hub = hub;
    }

    boolean full() {
        return capacity > 0 && items.size() >= capacity;
    }

    /** Adds an item put by p, handing it straight to a waiting getter if there is one. */
    void add(byte[] item, HubProcess p, String site) {
        long number = puts++;
        hub.trace.event(p, "put", this, site, number, () -> hub.shown.value(item));
        while (!getters.isEmpty()) {
            Waiter g = getters.poll();
            if (!g.done && !g.proc.finished) {
                hub.trace.event(g.proc, "get", this, g.site, number, () -> hub.shown.value(item));
                g.ok(new Answer.Value(item));
                return;
            }
        }
        items.add(item);
        numbers.add(number);
    }

    /** Takes the head item for p, letting one blocked putter in behind it. */
    byte[] take(HubProcess p, String site) {
        byte[] item = items.poll();
        hub.trace.event(p, "get", this, site, numbers.poll(), () -> hub.shown.value(item));
        while (!putters.isEmpty() && !full()) {
            Waiter w = putters.poll();
            if (!w.done && !w.proc.finished) {
                add(w.payload, w.proc, w.site);
                w.ok(Answer.Done.DONE);
            }
        }
        return item;
    }
}
