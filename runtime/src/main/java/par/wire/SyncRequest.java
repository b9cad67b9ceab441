package par.wire;

import java.util.List;

/**
 * The requests for locks and semaphores beyond acquire and release (which are in
 * {@link Request}): re-entrant locks, whether a lock is held, bounded semaphores and a
 * semaphore's value. A family of its own (see {@link ProcessRequest}).
 */
public sealed interface SyncRequest<A extends Answer> extends Request<A> {

    /** A re-entrant lock: its holder may take it again, and must release it as often. */
    record NewRLock(String name) implements SyncRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) { h.newRLock(from, this, r); }

        public void writeFields(Codec.Writer w) {
            Fields.writeOptional(w, name);
        }
    }

    /** How many times the lock is held: 0 when free, 1 for a plain lock that is held, n for an rlock. */
    record LockCount(long lock) implements SyncRequest<Answer.Count> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Count> r) { h.lockCount(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(lock);
        }
    }

    /** A semaphore that may never hold more than its first count: releasing past it is an error. */
    record NewBoundedSemaphore(long permits, String name) implements SyncRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) { h.newBoundedSemaphore(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(permits);
            Fields.writeOptional(w, name);
        }
    }

    /** The permits a semaphore has free now. */
    record SemValue(long semaphore) implements SyncRequest<Answer.Count> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Count> r) { h.semValue(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(semaphore);
        }
    }

    List<String> TAGS = List.of("NewRLock", "LockCount", "NewBoundedSemaphore", "SemValue");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, CodecReader r) {
        switch (tag) {
            case "NewRLock": return new NewRLock(Fields.readOptional(r));
            case "LockCount": return new LockCount(r.i64());
            case "NewBoundedSemaphore": return new NewBoundedSemaphore(r.i64(), Fields.readOptional(r));
            case "SemValue": return new SemValue(r.i64());
            default: return null;
        }
    }

    /** What the hub implements for this family (part of {@link Request.Handler}). */
    interface Handler<P> {
        void newRLock(P from, NewRLock n, Reply<Answer.Id> r);

        void lockCount(P from, LockCount c, Reply<Answer.Count> r);

        void newBoundedSemaphore(P from, NewBoundedSemaphore n, Reply<Answer.Id> r);

        void semValue(P from, SemValue v, Reply<Answer.Count> r);
    }
}
