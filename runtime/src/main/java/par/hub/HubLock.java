package par.hub;

import java.util.ArrayDeque;

import par.proc.Slots;
import par.wire.Answer;

/**
 * A lock as the hub keeps it: its state (who holds it, how many wait) is its slot in the shared
 * memory ({@link Slots}, where the protocol is), which processes may change without the hub;
 * the hub keeps the line of waiters, first come first served. A lock whose holder died is
 * released and remembered as abandoned, so the next holder is warned. Guarded by the hub's
 * monitor.
 */
final class HubLock extends HubObject {
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    final Slots.Slot slot;
    private final Hub hub;
    /** An rlock: its holder may take it again ({@link Locks#acquire}), counted in depth. */
    boolean reentrant;
    /** How many times its holder has taken it (1 for a plain lock that is held). */
    int depth;
    /** Who died holding it, until the next holder has been told. */
    String abandonedBy;

    HubLock(long id, String label, Slots.Slot slot, Hub hub) {
        super(id, "lock", label);
        this.slot = slot;
        this.hub = hub;
    }

    /** Its holder now, as the slot says; null when free. */
    HubProcess holder() {
        long id = slot.holder();
        return id < 0 ? null : id == 0 ? hub.root : hub.procs.get(id);
    }

    /** The line its holder took it at, 0 when not known. */
    int takenAt() {
        return slot.line();
    }

    /** Grants the lock to proc now if free. */
    boolean tryTake(HubProcess proc) {
        return tryTake(proc, "");
    }

    boolean tryTake(HubProcess proc, String site) {
        if (!slot.hubTake(proc.id, Slots.lineOf(site))) {
            return false;
        }
        granted(proc, site);
        return true;
    }

    /**
     * Takes it for proc, or counts proc as a waiter, in one step (see {@link Slots}); the
     * caller parks proc on false.
     */
    boolean takeOrWait(HubProcess proc, String site) {
        if (!slot.takeOrWait(proc.id, Slots.lineOf(site))) {
            return false;
        }
        granted(proc, site);
        return true;
    }

    private void granted(HubProcess proc, String site) {
        depth = 1;
        hub.trace.event(proc, "acquire", this, site);
        if (abandonedBy != null) {
            hub.warn(described() + " was released because " + abandonedBy + " died holding it; " + proc.describe()
                    + " now holds it");
            abandonedBy = null;
        }
    }

    void release(HubProcess holder) {
        hub.trace.event(holder, "release", this, "");
        slot.hubFree(false);
        grantNext();
    }

    /** A waiter left the line without being granted (a time-out). */
    void leave(Waiter w) {
        if (waiters.remove(w)) {
            slot.waiterLeft();
        }
    }

    /**
     * Hands the lock to the first live waiter. It is taken before the waiter leaves the count:
     * while the count is not zero no process can take the lock by itself.
     */
    private void grantNext() {
        while (!waiters.isEmpty()) {
            Waiter w = waiters.poll();
            boolean granted = !w.done && !w.proc.finished && !w.proc.stopping && tryTake(w.proc, w.site);
            slot.waiterLeft();
            if (granted) {
                w.ok(Answer.Flag.TRUE);
                return;
            }
        }
    }

    /** Its holder died: free the lock for the next waiter (or the next taker), who will be warned. */
    void holderDied(HubProcess holder) {
        hub.trace.event(holder, "release", kind, label + " (abandoned)", "", -1, null);
        abandonedBy = holder.stopping ? null : holder.describe(); // a deadlock's victims were reported already
        slot.hubFree(abandonedBy != null);
        grantNext();
    }
}
