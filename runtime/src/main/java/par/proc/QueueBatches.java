package par.proc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batches of queue items this process holds: when it is a queue's only getter, the hub may
 * answer a get with the items waiting behind the head too, and the next gets take them from
 * here, each counted in the queue's slot first (see {@link Slots}), so the hub can take back
 * exactly the ones not taken (another process gets from the queue, or this one ends). One batch
 * per queue at most; each in the queue's order.
 */
final class QueueBatches {
    private final Map<Long, Batch> batches = new HashMap<>();

    private record Batch(List<byte[]> items, Slots.Slot slot) {
    }

    /** The next item of queue's batch, or null when there is none (ask the hub). */
    byte[] next(long queue) {
        if (batches.isEmpty()) {
            return null;
        }
        Batch b = batches.get(queue);
        if (b == null) {
            return null;
        }
        int i = b.slot.takeFromBatch();
        if (i < 0) {
            batches.remove(queue); // used up, or taken back by the hub
            return null;
        }
        return b.items.get(i);
    }

    /** What a get was answered with: the head item, which is returned, and maybe a batch after it. */
    byte[] got(long queue, List<byte[]> items, Slots slots) {
        if (items.size() > 1) {
            batches.put(queue, new Batch(items, slots.slot(queue)));
        }
        return items.get(0);
    }
}
