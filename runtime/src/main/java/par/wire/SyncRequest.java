package par.wire;

import java.util.List;

/**
 * The requests for locks, semaphores and barriers beyond those in {@link Request}: re-entrant
 * locks, whether a lock is held, bounded semaphores and a semaphore's value, barriers with an
 * action or a time-out, abort, reset and their state. A family of its own (see {@link ProcessRequest}).
 */
public sealed interface SyncRequest<A extends Answer> extends Request<A> {

    /** A re-entrant lock: its holder may take it again, and must release it as often. */
    record NewRLock(String name) implements SyncRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) {
            h.syncRequests().newRLock(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            Fields.writeOptional(w, name);
        }
    }

    /** How many times the lock is held: 0 when free, 1 for a plain lock that is held, n for an rlock. */
    record LockCount(long lock) implements SyncRequest<Answer.Count> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Count> r) {
            h.syncRequests().lockCount(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(lock);
        }
    }

    /** A semaphore that may never hold more than its first count: releasing past it is an error. */
    record NewBoundedSemaphore(long permits, String name) implements SyncRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) {
            h.syncRequests().newBoundedSemaphore(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(permits);
            Fields.writeOptional(w, name);
        }
    }

    /** The permits a semaphore has free now. */
    record SemValue(long semaphore) implements SyncRequest<Answer.Count> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Count> r) {
            h.syncRequests().semValue(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(semaphore);
        }
    }

    /**
     * A barrier with an action (an encoded function, or no bytes for none) that the last party
     * to arrive runs before any goes through, and a time-out every wait without one of its own
     * takes (null for none).
     */
    record NewBarrierWith(long parties, byte[] action, Request.Timeout timeout, String name)
            implements SyncRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) {
            h.syncRequests().newBarrierWith(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(parties);
            w.bytes(action);
            Fields.writeTimeout(w, timeout);
            Fields.writeOptional(w, name);
        }
    }

    /** The action of a barrier, for the party that arrived last: an encoded function. */
    record BarrierAction(long barrier) implements SyncRequest<Answer.Value> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Value> r) {
            h.syncRequests().barrierAction(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(barrier);
        }
    }

    /** The last party ran the barrier's action: the others go through, or (failure not null) the barrier breaks. */
    record ActionDone(long barrier, String failure) implements SyncRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.syncRequests().actionDone(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(barrier);
            Fields.writeOptional(w, failure);
        }
    }

    /** Breaks a barrier: its waiters, and every later wait, get an error. */
    record AbortBarrier(long barrier, String site) implements SyncRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.syncRequests().abortBarrier(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(barrier);
            w.str(site);
        }
    }

    /** Empties a barrier and mends it if broken; its waiters get an error. */
    record ResetBarrier(long barrier, String site) implements SyncRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.syncRequests().resetBarrier(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(barrier);
            w.str(site);
        }
    }

    /** How many parties wait at a barrier now, or -1 if it is broken. */
    record BarrierState(long barrier) implements SyncRequest<Answer.Count> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Count> r) {
            h.syncRequests().barrierState(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(barrier);
        }
    }

    List<String> TAGS = List.of("NewRLock", "LockCount", "NewBoundedSemaphore", "SemValue", "NewBarrierWith",
            "BarrierAction", "ActionDone", "AbortBarrier", "ResetBarrier", "BarrierState");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, Codec.Reader r) {
        switch (tag) {
            case "NewRLock": return new NewRLock(Fields.readOptional(r));
            case "LockCount": return new LockCount(r.i64());
            case "NewBoundedSemaphore": return new NewBoundedSemaphore(r.i64(), Fields.readOptional(r));
            case "SemValue": return new SemValue(r.i64());
            case "NewBarrierWith": return new NewBarrierWith(r.i64(), r.bytes(), Fields.readTimeout(r), Fields.readOptional(r));
            case "BarrierAction": return new BarrierAction(r.i64());
            case "ActionDone": return new ActionDone(r.i64(), Fields.readOptional(r));
            case "AbortBarrier": return new AbortBarrier(r.i64(), r.str());
            case "ResetBarrier": return new ResetBarrier(r.i64(), r.str());
            case "BarrierState": return new BarrierState(r.i64());
            default: return null;
        }
    }

    /** What serves this family in the hub: the part that {@link Request.Handler#syncRequests} gives. */
    interface Handler<P> {
        void newRLock(P from, NewRLock n, Reply<Answer.Id> r);

        void lockCount(P from, LockCount c, Reply<Answer.Count> r);

        void newBoundedSemaphore(P from, NewBoundedSemaphore n, Reply<Answer.Id> r);

        void semValue(P from, SemValue v, Reply<Answer.Count> r);

        void newBarrierWith(P from, NewBarrierWith n, Reply<Answer.Id> r);

        void barrierAction(P from, BarrierAction a, Reply<Answer.Value> r);

        void actionDone(P from, ActionDone d, Reply<Answer.Done> r);

        void abortBarrier(P from, AbortBarrier a, Reply<Answer.Done> r);

        void resetBarrier(P from, ResetBarrier a, Reply<Answer.Done> r);

        void barrierState(P from, BarrierState s, Reply<Answer.Count> r);
    }
}
