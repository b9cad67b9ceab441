package par.hub;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import par.proc.SemaphoreSlot;
import par.wire.Answer;

/**
 * The classic primitives as the hub keeps them, with Python's meaning: a counting semaphore
 * (which remembers who holds its permits, so a process that dies gives them back), an event,
 * and a barrier. Guarded by the hub's monitor.
 */
final class HubSync {
    private HubSync() {
    }

    /**
     * Its permits live in its slot of the shared memory ({@link SemaphoreSlot}, where the
     * protocol is), which processes change without the hub while nobody waits; the hub keeps the
     * line of waiters, and the permits it granted to a process the slot has no room for.
     */
    static final class Semaphore extends HubObject {
        final SemaphoreSlot slot;
        /** Permits held by processes that have no entry in the slot. */
        final Map<HubProcess, Integer> holders = new HashMap<>();
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        Semaphore(long id, String label, int permits, SemaphoreSlot slot) {
            super(id, "semaphore", label);
            this.slot = slot;
            slot.init(permits);
        }

        boolean tryTake(HubProcess p) {
            if (!slot.hubTake()) {
                return false;
            }
            taken(p);
            return true;
        }

        /** Takes a permit for p, or counts p as a waiter, in one step; the caller parks p on false. */
        boolean takeOrWait(HubProcess p) {
            if (!slot.takeOrWait()) {
                return false;
            }
            taken(p);
            return true;
        }

        private void taken(HubProcess p) {
            if (!slot.recordTaken(p.id)) {
                holders.merge(p, 1, Integer::sum);
            }
        }

        /** A permit comes back (from p, if it holds one) and goes to the next waiter; false if too many are free. */
        boolean give(HubProcess p) {
            if (!slot.hubGive()) {
                return false;
            }
            Integer held = holders.remove(p);
            if (held == null) {
                slot.recordGiven(p.id);
            } else if (held > 1) {
                holders.put(p, held - 1);
            }
            grantNext();
            return true;
        }

        /** Hands free permits to the waiters, first come first served; each leaves the count once served. */
        private void grantNext() {
            while (!waiters.isEmpty() && slot.free() > 0) {
                Waiter w = waiters.poll();
                boolean granted = !w.done && !w.proc.finished && tryTake(w.proc);
                slot.waiterLeft();
                if (granted) {
                    w.ok(Answer.Flag.TRUE);
                }
            }
        }

        /** A waiter left the line without a permit (a time-out). */
        void leave(Waiter w) {
            if (waiters.remove(w)) {
                slot.waiterLeft();
            }
        }

        void holderDied(HubProcess p) {
            Integer kept = holders.remove(p);
            int n = slot.ended(p.id) + (kept == null ? 0 : kept);
            for (int i = 0; i < n; i++) {
                slot.hubGive();
            }
            grantNext();
        }
    }

    static final class Event extends HubObject {
        boolean set;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        Event(long id, String label) {
            super(id, "event", label);
        }

        void set() {
            set = true;
            for (Waiter w : waiters) {
                if (!w.done) {
                    w.ok(Answer.Flag.TRUE);
                }
            }
            waiters.clear();
        }
    }

    static final class Barrier extends HubObject {
        final int parties;
        final ArrayDeque<Waiter> arrived = new ArrayDeque<>();
        boolean broken;

        Barrier(long id, String label, int parties) {
            super(id, "barrier", label);
            this.parties = parties;
        }

        /** The last party lets everybody through; each learns its arrival index. */
        void release() {
            long index = 0;
            for (Waiter w : arrived) {
                w.ok(new Answer.Count(index++));
            }
            arrived.clear();
        }

        void breakFor(String why) {
            broken = true;
            for (Waiter w : arrived) {
                if (!w.done) {
                    w.fail(described() + " is broken: " + why);
                }
            }
            arrived.clear();
        }
    }
}
