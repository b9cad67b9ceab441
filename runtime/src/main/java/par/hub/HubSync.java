package par.hub;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import par.proc.SemaphoreSlot;
import par.wire.Answer;
import par.wire.Request;

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

        Semaphore(long id, String label, int permits, SemaphoreSlot slot, boolean bounded,
                  java.util.function.BiConsumer<Waiter, Semaphore> granted) {
            super(id, "semaphore", label);
            this.slot = slot;
            this.bound = bounded ? permits : 0;
            this.granted = granted;
            slot.init(permits);
        }

        /** A bounded semaphore's first count (no release may go past it); 0 for an unbounded one. */
        final int bound;
        /** Told of each waiter granted a permit (for the trace). */
        private final java.util.function.BiConsumer<Waiter, Semaphore> granted;

        /**
         * Bounded, with every permit free: one more release would go past the bound. A release
         * without the hub is only ever of a permit its process holds, so it never needs this check.
         */
        boolean full() {
            return bound > 0 && slot.free() >= bound;
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
                boolean given = !w.done && !w.proc.finished && tryTake(w.proc);
                slot.waiterLeft();
                if (given) {
                    w.ok(Answer.Flag.TRUE);
                    granted.accept(w, this);
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
        /** The encoded function the last party runs before any goes through, or null. */
        final byte[] action;
        /** The time-out of a wait that gives none, or null. */
        final Request.Timeout timeout;
        /** While the last party runs the action: that party, and the others, held until it is done. */
        HubProcess passing;
        final ArrayDeque<Waiter> held = new ArrayDeque<>();

        Barrier(long id, String label, int parties, byte[] action, Request.Timeout timeout) {
            super(id, "barrier", label);
            this.parties = parties;
            this.action = action;
            this.timeout = timeout;
        }

        /** The last party lets everybody through; each learns its arrival index. */
        void release() {
            long index = 0;
            for (Waiter w : arrived) {
                w.ok(new Answer.Count(index++));
            }
            arrived.clear();
        }

        /** The last party arrived (it is answered, as the last index) and runs the action; the others wait on. */
        void holdFor(Waiter last) {
            held.addAll(arrived);
            arrived.clear();
            passing = last.proc;
            last.ok(new Answer.Count(parties - 1));
        }

        /** The action ran: the parties held go through, with their indices. */
        void releaseHeld() {
            long index = 0;
            for (Waiter w : held) {
                w.ok(new Answer.Count(index++));
            }
            held.clear();
            passing = null;
        }

        void breakFor(String why) {
            broken = true;
            fail(described() + " is broken: " + why);
        }

        /** Every party waiting, or held while the action runs, gets the error. */
        void fail(String message) {
            for (Waiter w : arrived) {
                if (!w.done) {
                    w.fail(message);
                }
            }
            for (Waiter w : held) {
                if (!w.done) {
                    w.fail(message);
                }
            }
            arrived.clear();
            held.clear();
            passing = null;
        }
    }
}
