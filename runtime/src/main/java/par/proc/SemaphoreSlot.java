package par.proc;

/**
 * A semaphore's state in its slot of the shared memory ({@link Slots}), and every step the
 * processes and the hub take on it. Like a lock's, a permit is taken and given back by
 * compare-and-set when nobody waits in the hub; a process that must wait asks the hub, which
 * counts it in the same word, so a fast release then fails and goes to the hub, which hands the
 * permit on.
 *
 * <p>Unlike a lock, a semaphore has many holders, and a process that dies must give back the
 * permits it held. So the slot keeps, besides the state word, seven holder entries: a process's
 * id + 1 (low 32 bits), how many permits it holds (bits 32..62) and a parity bit that flips with
 * every change of the entry. Taking or giving back a permit changes two words, the state and the
 * entry; a kill between the two must not lose a permit. So the CAS on the state that moves the
 * permit also sets the state's claim: which entry changes next, how (take or give) and to which
 * parity. The process then writes its entry and clears the claim. A hub that finds the claim of a
 * dead process knows from the entry's parity whether the entry was written, and finishes the
 * change if not. While a claim stands no other process starts one (it spins, then asks the hub;
 * the hub's own steps need no claim: it writes the entries only of processes that are waiting on
 * it or dead).
 *
 * <p>The state word: free permits in the low 32 bits, the processes waiting in the hub in bits
 * 32..47, the claim in bits 48..63 (0: none; else entry index 1..7, bit 3 set for a give, bit 4
 * the parity the entry will have). A process with no entry (more than seven processes use the
 * semaphore) goes to the hub, which keeps what it grants them in its own memory.
 */
public final class SemaphoreSlot {
    private static final int STATE = 0, ENTRIES = 7;
    private static final long LOW = 0xFFFFFFFFL, WAITER = 1L << 32, WAITERS = 0xFFFFL << 32;
    private static final int CLAIM_SHIFT = 48;
    private static final long GIVE = 8, PARITY = 16;
    private static final long ENTRY_PARITY = 1L << 63, ENTRY_COUNT = ((1L << 31) - 1) << 32, ONE = 1L << 32;

    private final Slots.Slot slot;
    /** This process's entry, once found or made (0: not yet looked for; -1: there is none free). */
    private int mine;

    public SemaphoreSlot(Slots.Slot slot) {
        this.slot = slot;
    }

    private static int entryAt(int index) {
        return index * 8;
    }

    private static long claim(long state) {
        return state >>> CLAIM_SHIFT;
    }

    // ------------------------------------------------------------ by a process

    /**
     * Takes a permit for process me if one is free, or comes free within a short spin; false
     * when the hub must be asked (none free, someone waits, or me has no entry).
     */
    public boolean tryAcquire(long me) {
        int index = entry(me);
        if (index <= 0) {
            return false;
        }
        long deadline = 0;
        for (int i = 0; ; i++) {
            long s = slot.get(STATE);
            if ((s & WAITERS) != 0) {
                return false;
            }
            if (claim(s) == 0 && (s & LOW) != 0 && change(s, s - 1, index, false)) {
                return true;
            }
            deadline = Slots.Slot.spin(i, deadline);
            if (deadline < 0) {
                return false;
            }
        }
    }

    /**
     * Gives back one of the permits me took without the hub, if nobody waits; false when the
     * hub must (someone waits, or me holds none that the slot knows of).
     */
    public boolean tryRelease(long me) {
        int index = entry(me);
        if (index <= 0 || (slot.get(entryAt(index)) & ENTRY_COUNT) == 0) {
            return false;
        }
        long deadline = 0;
        for (int i = 0; ; i++) {
            long s = slot.get(STATE);
            if ((s & WAITERS) != 0 || (s & LOW) == LOW >>> 1) {
                return false;
            }
            if (claim(s) == 0 && change(s, s + 1, index, true)) {
                return true;
            }
            deadline = Slots.Slot.spin(i, deadline);
            if (deadline < 0) {
                return false;
            }
        }
    }

    /** Moves the state from s to next with the claim for entry index, then writes the entry and clears the claim. */
    private boolean change(long s, long next, int index, boolean give) {
        long e = slot.get(entryAt(index));
        long parity = (e & ENTRY_PARITY) == 0 ? PARITY : 0;
        long claim = index | (give ? GIVE : 0) | parity;
        if (!slot.cas(STATE, s, next | claim << CLAIM_SHIFT)) {
            return false;
        }
        slot.set(entryAt(index), applied(e, give));
        clearClaim();
        return true;
    }

    /** The entry e after one permit taken or given, its parity flipped. */
    private static long applied(long e, boolean give) {
        return (give ? e - ONE : e + ONE) ^ ENTRY_PARITY;
    }

    private void clearClaim() {
        while (true) {
            long s = slot.get(STATE);
            if (slot.cas(STATE, s, s & ~(-1L << CLAIM_SHIFT))) {
                return;
            }
        }
    }

    /** me's entry index, found or made once; -1 when all seven belong to others. */
    private int entry(long me) {
        if (mine == 0) {
            mine = entryOf(me, true);
        }
        return mine;
    }

    /** The index of id's entry; with make, an empty one taken for it if it has none; -1 if none. */
    private int entryOf(long id, boolean make) {
        for (int i = 1; i <= ENTRIES; i++) {
            if ((slot.get(entryAt(i)) & LOW) == id + 1) {
                return i;
            }
        }
        for (int i = 1; make && i <= ENTRIES; i++) {
            if (slot.get(entryAt(i)) == 0 && slot.cas(entryAt(i), 0, id + 1)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------ by the hub

    /** The starting permits (before any process can see the slot). */
    public void init(int permits) {
        for (int i = 1; i <= ENTRIES; i++) {
            slot.set(entryAt(i), 0);
        }
        slot.set(STATE, permits);
    }

    /** Permits free now. */
    public int free() {
        return (int) (slot.get(STATE) & LOW);
    }

    /** Takes a permit if one is free (the caller records whose it is). */
    public boolean hubTake() {
        while (true) {
            long s = slot.get(STATE);
            if ((s & LOW) == 0) {
                return false;
            }
            if (slot.cas(STATE, s, s - 1)) {
                return true;
            }
        }
    }

    /** Takes a permit if one is free, else counts one more waiter, in one step. */
    public boolean takeOrWait() {
        while (true) {
            long s = slot.get(STATE);
            if ((s & LOW) != 0) {
                if (slot.cas(STATE, s, s - 1)) {
                    return true;
                }
            } else if (slot.cas(STATE, s, s + WAITER)) {
                return false;
            }
        }
    }

    /** One waiter fewer (granted, timed out, withdrawn or dead). */
    public void waiterLeft() {
        while (true) {
            long s = slot.get(STATE);
            if ((s & WAITERS) == 0 || slot.cas(STATE, s, s - WAITER)) {
                return;
            }
        }
    }

    /** A permit comes back (the hub hands it to a waiter next); false if 2^31 - 1 are free already. */
    public boolean hubGive() {
        while (true) {
            long s = slot.get(STATE);
            if ((s & LOW) == LOW >>> 1) {
                return false;
            }
            if (slot.cas(STATE, s, s + 1)) {
                return true;
            }
        }
    }

    /**
     * The hub granted process id a permit: written into id's entry (id waits on the hub, so it
     * changes no entry of its own meanwhile) so that id may give it back without the hub; false
     * when id has no entry and the hub must remember it.
     */
    public boolean recordTaken(long id) {
        return record(entryOf(id, true), false);
    }

    /** Process id, waiting on the hub, gives back a permit its entry holds: false if it holds none there. */
    public boolean recordGiven(long id) {
        return record(entryOf(id, false), true);
    }

    private boolean record(int index, boolean give) {
        if (index < 0) {
            return false;
        }
        long e = slot.get(entryAt(index));
        if (give && (e & ENTRY_COUNT) == 0) {
            return false;
        }
        slot.set(entryAt(index), applied(e, give));
        return true;
    }

    /**
     * Process id has ended: a change it had claimed is finished, its entry is emptied for another
     * process, and the permits it held there are returned (the caller gives them back).
     */
    public int ended(long id) {
        int index = entryOf(id, false);
        if (index < 0) {
            return 0;
        }
        long s = slot.get(STATE);
        long claim = claim(s);
        if (claim != 0 && (claim & 7) == index) {
            long e = slot.get(entryAt(index));
            boolean written = ((e & ENTRY_PARITY) != 0) == ((claim & PARITY) != 0);
            if (!written) {
                slot.set(entryAt(index), applied(e, (claim & GIVE) != 0));
            }
            clearClaim();
        }
        int held = (int) ((slot.get(entryAt(index)) & ENTRY_COUNT) >>> 32);
        slot.set(entryAt(index), 0);
        return held;
    }
}
