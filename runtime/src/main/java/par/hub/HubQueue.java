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
    /** A joinable queue counts the items put and not yet marked done; its joiners wait for none. */
    boolean joinable;
    long unfinished;
    final ArrayDeque<Waiter> joiners = new ArrayDeque<>();

    /** Where a batch in its getter's hand is counted (see {@link par.proc.Slots}). */
    private final par.proc.Slots.Slot slot;
    /** The one process that has got from it, while only one has; null once a second did. */
    private HubProcess soleGetter;
    private boolean manyGetters;
    /** The batch its sole getter holds (items and their numbers, in order), or null. */
    private java.util.List<byte[]> batch;
    private java.util.List<Long> batchNumbers;
    /** The most items, and about the most bytes, one batch holds. */
    private static final int BATCH_ITEMS = 1024, BATCH_BYTES = 1 << 20;

    HubQueue(long id, String label, int capacity, Hub hub) {
        super(id, "queue", label);
        this.capacity = capacity;
        this.hub = hub;
        this.slot = hub.slots().slot(id);
    }

    /**
     * p gets from it. While p is the only process that ever has, it may be given batches; the
     * first get by another process ends that for good, and takes back what p's batch still
     * holds, so the newcomer finds those items at the head and nobody sees an item after one
     * that was put later.
     */
    void getter(HubProcess p) {
        if (manyGetters || soleGetter == p) {
            return;
        }
        if (soleGetter == null) {
            soleGetter = p;
            return;
        }
        manyGetters = true;
        soleGetter = null;
        takeBack();
    }

    /** p ended: what its batch still holds goes back to the head, and another may be the sole getter. */
    void getterEnded(HubProcess p) {
        if (soleGetter == p) {
            takeBack();
            soleGetter = null;
        }
    }

    /** The items a batch holds that its getter has not taken go back to the head, in order. */
    private void takeBack() {
        if (batch == null) {
            return;
        }
        int taken = slot.batchTakenBack();
        for (int i = batch.size() - 1; i >= taken; i--) {
            items.addFirst(batch.get(i));
            numbers.addFirst(batchNumbers.get(i));
        }
        batch = null;
        batchNumbers = null;
    }

    /** How many items it holds, counting those in a getter's batch not yet taken. */
    int size() {
        return items.size() + (batch == null ? 0 : slot.batchLeft());
    }

    /**
     * The head item for p, and, when p is its sole getter (a child), the fast path is on and
     * more are waiting, those after it too: a batch.
     */
    java.util.List<byte[]> takeFor(HubProcess p, String site) {
        takeBack(); // p asks only once its last batch is used up: nothing comes back
        byte[] first = take(p, site);
        if (p != soleGetter || p == hub.root || slot == null || capacity != 0 || items.isEmpty() || !hub.slots().fast()) {
            return java.util.List.of(first);
        }
        java.util.List<byte[]> given = new java.util.ArrayList<>();
        java.util.List<Long> givenNumbers = new java.util.ArrayList<>();
        given.add(first);
        givenNumbers.add(-1L); // taken at once: never comes back
        long bytes = first.length;
        while (!items.isEmpty() && given.size() < BATCH_ITEMS && bytes < BATCH_BYTES) {
            bytes += items.peek().length;
            givenNumbers.add(numbers.peek());
            given.add(take(p, site));
        }
        batch = given;
        batchNumbers = givenNumbers;
        slot.batchGiven(given.size());
        return given;
    }

    boolean full() {
        return capacity > 0 && items.size() >= capacity;
    }

    /** Adds an item put by p, handing it straight to a waiting getter if there is one. */
    void add(byte[] item, HubProcess p, String site) {
        long number = puts++;
        if (joinable) {
            unfinished++;
        }
        hub.trace.event(p, "put", this, site, number, () -> hub.shown.value(item));
        while (!getters.isEmpty()) {
            Waiter g = getters.poll();
            if (!g.done && !g.proc.finished) {
                hub.trace.event(g.proc, "get", this, g.site, number, () -> hub.shown.value(item));
                g.ok(new Answer.Items(java.util.List.of(item)));
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
