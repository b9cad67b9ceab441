package par.hub;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

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

    static final class Semaphore extends HubObject {
        int free;
        final Map<HubProcess, Integer> holders = new HashMap<>();
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        /** A bounded semaphore's first count (no release may go past it); 0 for an unbounded one. */
        final int bound;

        Semaphore(long id, String label, int permits, boolean bounded) {
            super(id, "semaphore", label);
            this.free = permits;
            this.bound = bounded ? permits : 0;
        }

        /** Bounded, with every permit free: one more release would go past the bound. */
        boolean full() {
            return bound > 0 && free >= bound;
        }

        boolean tryTake(HubProcess p) {
            if (free == 0) {
                return false;
            }
            free--;
            holders.merge(p, 1, Integer::sum);
            return true;
        }

        /** A permit comes back (from p, if it holds one) and goes to the next waiter, whom it gives (or null). */
        Waiter give(HubProcess p) {
            holders.computeIfPresent(p, (k, n) -> n == 1 ? null : n - 1);
            free++;
            while (free > 0 && !waiters.isEmpty()) {
                Waiter w = waiters.poll();
                if (!w.done && !w.proc.finished && tryTake(w.proc)) {
                    w.ok(Answer.Flag.TRUE);
                    return w;
                }
            }
            return null;
        }

        void holderDied(HubProcess p) {
            Integer n = holders.get(p);
            for (int i = 0; n != null && i < n; i++) {
                give(p);
            }
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
