package par.proc;

/**
 * A handle's way to its slot in the shared memory ({@link Slots}): looked up once, then checked
 * before each operation against the switch that turns the fast path off for everybody. Also
 * knows the process's id, and the line of the call site the interpreter is at.
 */
final class FastPath {
    private final ProcessSupport support;
    private final long id;
    private boolean looked;
    private Slots slots;
    private Slots.Slot slot;
    private Broker broker;
    private long self;
    private String lastSite;
    private int lastLine;

    /** id: the object whose slot holds the state (a condition's lock, a shared value). */
    FastPath(ProcessSupport support, long id) {
        this.support = support;
        this.id = id;
    }

    /** The slot, when the fast path may be taken now; else null (go to the hub). */
    Slots.Slot slot() {
        if (!looked) {
            looked = true;
            broker = support.broker();
            self = broker.self();
            slots = broker.slots();
            slot = slots == null ? null : slots.slot(id);
        }
        return slot != null && slots.fast() ? slot : null;
    }

    /** The slot for a change others see (a release, a write): only once this process is settled. */
    Slots.Slot publishing() {
        Slots.Slot s = slot();
        return s != null && broker.settled() ? s : null;
    }

    long self() {
        return self;
    }

    /** The line the program is at, for the deadlock report's "taken at line N". */
    int line() {
        String site = support.interp.site();
        if (site != lastSite) {
            lastSite = site;
            lastLine = Slots.lineOf(site);
        }
        return lastLine;
    }
}
