package par.hub;

/**
 * A shared value as the hub keeps it: the encoded value, and a lock of its own that
 * {@code with s { }} holds for an atomic read-modify-write. Guarded by the hub's monitor.
 */
final class HubShared extends HubObject {
    byte[] value;
    final HubLock guard;

    HubShared(long id, String label, byte[] value, HubLock guard) {
        super(id, "shared", label);
        this.value = value;
        this.guard = guard;
    }
}
