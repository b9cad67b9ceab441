package par.hub;

import par.proc.Slots;
import par.wire.Codec;

/**
 * A shared value as the hub keeps it: an int or a float lives in its slot in the shared memory
 * (see {@link Slots}), where processes read and write it without the hub; any other value is
 * kept here, encoded, and the slot says so for good. It has a lock of its own that
 * {@code with s { }} holds for an atomic read-modify-write. Guarded by the hub's monitor.
 */
final class HubShared extends HubObject {
    /** The value when it is not a number (the slot's tag is then {@link Slots#HUB}). */
    private byte[] value;
    final HubLock guard;
    final Slots.Slot slot;

    HubShared(long id, String label, byte[] value, HubLock guard, Slots.Slot slot) {
        super(id, "shared", label);
        this.guard = guard;
        this.slot = slot;
        Object number = Codec.number(value);
        if (number != null) {
            slot.init(tagOf(number), bitsOf(number));
        } else {
            slot.init(Slots.HUB, 0);
            this.value = value;
        }
    }

    /** The value now, encoded. */
    byte[] value() {
        Object number = slot.number();
        return number != null ? Codec.encode(number) : value;
    }

    /** A write through the hub: a number stays in the slot while it can; anything else moves here. */
    void set(HubProcess from, byte[] encoded, Hub hub) {
        Object number = Codec.number(encoded);
        if (number != null && slot.number() != null) {
            slot.hubWrite(from.id, tagOf(number), bitsOf(number), hub::alive);
            return;
        }
        value = encoded;
        if (slot.number() != null) {
            slot.hubWrite(from.id, Slots.HUB, 0, hub::alive);
        }
    }

    private static long tagOf(Object number) {
        return number instanceof Long ? Slots.INT : Slots.FLOAT;
    }

    private static long bitsOf(Object number) {
        return number instanceof Long ? (Long) number : Double.doubleToRawLongBits((Double) number);
    }
}
