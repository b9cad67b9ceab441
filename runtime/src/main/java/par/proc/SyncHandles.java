package par.proc;

import par.interp.Builtin;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.Values;
import par.wire.Answer;
import par.wire.Request;
import par.wire.SyncRequest;

/**
 * What {@code semaphore(n)}, {@code event()}, {@code barrier(n)} and {@code condition()} return:
 * thin handles whose every operation is a request to the hub, which owns the state; but a
 * semaphore's permits and a condition's lock are taken in the shared memory when they can be
 * (see {@link Slots}).
 */
final class SyncHandles {
    private SyncHandles() {
    }

    /** What the event and barrier handles share: a request to the hub, a time-out argument. */
    private abstract static class Base extends HubHandle {

        Base(ProcessSupport support, long id) {
            super(support, id);
        }

        <A extends Answer> A call(Request<A> request) {
            return support.broker().call(request);
        }

        static Request.Timeout timeout(Object[] args) {
            return ProcessSupport.timeout(args.length == 0 ? Nil.NIL : args[0]);
        }
    }

    static final class Semaphore extends Acquirable {
        /** Its permits in the shared memory, made when the fast path is first taken. */
        private SemaphoreSlot permits;

        Semaphore(ProcessSupport support, long id) {
            super(support, id, id);
        }

        private SemaphoreSlot permits(Slots.Slot slot) {
            if (permits == null) {
                permits = new SemaphoreSlot(slot);
            }
            return permits;
        }

        @Override
        boolean tryFast(Slots.Slot slot) {
            return permits(slot).tryAcquire(fast.self());
        }

        @Override
        boolean releaseFast(Slots.Slot slot) {
            return permits(slot).tryRelease(fast.self());
        }

        @Override
        Request<Answer.Flag> acquireRequest(Request.Timeout timeout, String site) {
            return new Request.SemAcquire(id, timeout, site);
        }

        @Override
        Request<Answer.Done> releaseRequest(String site) {
            return new Request.SemRelease(id, site);
        }

        @Override
        public byte kind() {
            return KIND_SEMAPHORE;
        }

        @Override
        public Object getAttribute(String name) {
            if (name.equals("value")) {
                return support.broker().call(new SyncRequest.SemValue(id)).value();
            }
            return super.getAttribute(name);
        }

        @Override
        public String typeName() {
            return "semaphore";
        }
    }

    /**
     * What {@code rlock()} returns: a lock its holder may take again, released as often as it was
     * taken. Always through the hub, which keeps the count (no fast path: the shared memory's
     * lock word has no room for one).
     */
    static final class RLock extends Acquirable {
        RLock(ProcessSupport support, long id) {
            super(support, id, 0);
        }

        @Override
        public byte kind() {
            return KIND_RLOCK;
        }

        @Override
        public String typeName() {
            return "rlock";
        }

        @Override
        public Object getAttribute(String name) {
            if (name.equals("count")) {
                return count();
            }
            return super.getAttribute(name);
        }

        @Override
        Object otherMethod(Interpreter interp, String method, Object[] args) {
            if (method.equals("locked")) {
                Builtin.checkArity("locked", args, 0, 0);
                return count() > 0;
            }
            return super.otherMethod(interp, method, args);
        }

        private long count() {
            return support.broker().call(new SyncRequest.LockCount(id)).value();
        }
    }

    static final class Event extends Base {
        Event(ProcessSupport support, long id) {
            super(support, id);
        }

        @Override
        public byte kind() {
            return KIND_EVENT;
        }

        @Override
        public String typeName() {
            return "event";
        }

        @Override
        public Object callMethod(Interpreter interp, String method, Object[] args) {
            switch (method) {
                case "set":
                    Builtin.checkArity("set", args, 0, 0);
                    interp.out().flush();
                    call(new Request.SetEvent(id, true));
                    return Nil.NIL;
                case "clear":
                    Builtin.checkArity("clear", args, 0, 0);
                    call(new Request.SetEvent(id, false));
                    return Nil.NIL;
                case "is_set":
                    Builtin.checkArity("is_set", args, 0, 0);
                    return call(new Request.IsSet(id)).value();
                case "wait":
                    Builtin.checkArity("wait", args, 0, 1);
                    interp.out().flush();
                    return call(new Request.AwaitEvent(id, timeout(args), interp.site())).value();
                default:
                    throw noMethod(method);
            }
        }
    }

    /**
     * A barrier. One with an action: the party that arrives last gets the action from the hub,
     * runs it, and says so, and only then do the others go through; a failing action breaks the
     * barrier for them and is raised in the last party.
     */
    static final class Barrier extends Base {
        /** The bit of the handle's meta above the parties that says the barrier has an action. */
        static final long ACTION = 1L << 32;
        private final long meta;

        Barrier(ProcessSupport support, long id, long meta) {
            super(support, id);
            this.meta = meta;
        }

        private long parties() {
            return meta & (ACTION - 1);
        }

        @Override
        public byte kind() {
            return KIND_BARRIER;
        }

        @Override
        public long meta() {
            return meta;
        }

        @Override
        public String typeName() {
            return "barrier";
        }

        @Override
        public Object getAttribute(String name) {
            switch (name) {
                case "parties": return parties();
                case "n_waiting": return Math.max(0, call(new SyncRequest.BarrierState(id)).value());
                case "broken": return call(new SyncRequest.BarrierState(id)).value() < 0;
                default: return super.getAttribute(name);
            }
        }

        @Override
        public Object callMethod(Interpreter interp, String method, Object[] args) {
            switch (method) {
                case "wait":
                    Builtin.checkArity("wait", args, 0, 1);
                    interp.out().flush();
                    return pass(interp, call(new Request.AwaitBarrier(id, timeout(args), interp.site())).value());
                case "abort":
                    Builtin.checkArity("abort", args, 0, 0);
                    call(new SyncRequest.AbortBarrier(id, interp.site()));
                    return Nil.NIL;
                case "reset":
                    Builtin.checkArity("reset", args, 0, 0);
                    call(new SyncRequest.ResetBarrier(id, interp.site()));
                    return Nil.NIL;
                default:
                    throw noMethod(method);
            }
        }

        /** The last party of a barrier with an action runs it before the others go through. */
        private Object pass(Interpreter interp, long index) {
            if ((meta & ACTION) == 0 || index != parties() - 1) {
                return index;
            }
            Object action = support.decode(call(new SyncRequest.BarrierAction(id)).encoded());
            try {
                interp.call(action, new Object[0]);
            } catch (ParError e) {
                call(new SyncRequest.ActionDone(id, e.getMessage()));
                throw e;
            }
            interp.out().flush(); // what the action printed comes before what the others print next
            call(new SyncRequest.ActionDone(id, null));
            return index;
        }
    }

    /** A condition holds its lock with acquire, release and with; wait and notify need it held. */
    static final class Condition extends Acquirable {
        private final long lockId;

        Condition(ProcessSupport support, long id, long lockId) {
            super(support, id, lockId);
            this.lockId = lockId;
        }

        @Override
        long lockId() {
            return lockId;
        }

        @Override
        public byte kind() {
            return KIND_CONDITION;
        }

        @Override
        public long meta() {
            return lockId;
        }

        @Override
        public String typeName() {
            return "condition";
        }

        /**
         * Python's wait_for: calls the predicate (a Par function, here, with the lock held) and
         * waits until it gives something true, or until the time-out has passed in all; gives
         * the predicate's last result. Each wake-up checks again, as a loop round wait() would.
         */
        private Object waitFor(Interpreter interp, Object predicate, Object timeout) {
            Request.Timeout limit = ProcessSupport.timeout(timeout);
            double end = limit == null ? 0 : interp.clock().now() + limit.seconds();
            Object result = interp.call(predicate, new Object[0]);
            while (!Values.truthy(result)) {
                Request.Timeout left = null;
                if (limit != null) {
                    double seconds = end - interp.clock().now();
                    if (seconds <= 0) {
                        break;
                    }
                    left = new Request.Timeout(seconds, limit.shown());
                }
                interp.out().flush();
                support.broker().call(new Request.AwaitCondition(id, left, interp.site()));
                result = interp.call(predicate, new Object[0]);
            }
            return result;
        }

        @Override
        Object otherMethod(Interpreter interp, String method, Object[] args) {
            switch (method) {
                case "wait":
                    Builtin.checkArity("wait", args, 0, 1);
                    interp.out().flush();
                    return support.broker().call(new Request.AwaitCondition(id, Base.timeout(args), interp.site())).value();
                case "wait_for":
                    Builtin.checkArity("wait_for", args, 1, 2);
                    return waitFor(interp, args[0], args.length == 2 ? args[1] : Nil.NIL);
                case "notify":
                    Builtin.checkArity("notify", args, 0, 1);
                    support.broker().call(new Request.Notify(id, args.length == 0 ? 1L : Values.toLong(args[0], "notify() count")));
                    return Nil.NIL;
                case "notify_all":
                    Builtin.checkArity("notify_all", args, 0, 0);
                    support.broker().call(new Request.Notify(id, Integer.MAX_VALUE));
                    return Nil.NIL;
                default:
                    return super.otherMethod(interp, method, args);
            }
        }
    }
}
