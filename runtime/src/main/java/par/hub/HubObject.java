package par.hub;

/**
 * What every object the hub keeps for the program has (a lock, a shared value, a queue, a
 * pool, a semaphore, an event, a barrier, a condition): the id handles carry, its kind, and
 * the name messages, {@code :ps}, the trace and the timeline call it by. Guarded by the hub's
 * monitor, like its subclasses.
 */
abstract class HubObject {
    final long id;
    final String kind;
    final String label;

    HubObject(long id, String kind, String label) {
        this.id = id;
        this.kind = kind;
        this.label = label;
    }

    /** For messages: its kind and name, {@code lock fork0}, or what says both, {@code lock#3}. */
    String described() {
        return label.startsWith(kind + "#") ? label : kind + " " + label;
    }
}
