package par.wire;

import java.util.List;

/**
 * The requests for pools beyond those in {@link Request}: a pool whose workers are replaced
 * after so many tasks, terminating a pool, waiting for a task at most so long, and letting go
 * of tasks whose outcome nobody will ask for again. A family of its own (see
 * {@link ProcessRequest}).
 */
public sealed interface PoolRequest<A extends Answer> extends Request<A> {

    /** A pool whose every worker is replaced by a new one after maxTasks tasks (0: never). */
    record NewPoolWith(long size, long maxTasks, byte[] image, String name) implements PoolRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) {
            h.poolRequests().newPoolWith(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(size);
            w.i64(maxTasks);
            w.bytes(image);
            Fields.writeOptional(w, name);
        }
    }

    /** Stops a pool's workers at once: every task not ended fails, and the pool is closed. */
    record TerminatePool(long pool, String site) implements PoolRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.poolRequests().terminatePool(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(pool);
            w.str(site);
        }
    }

    /** A task's outcome, waiting at most timeout for it; refused if it has not ended by then. */
    record AwaitTaskWithin(long task, Request.Timeout timeout, String site) implements PoolRequest<Answer.Outcome> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Outcome> r) {
            h.poolRequests().awaitTaskWithin(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(task);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    /** Whether a task ended without an error (refused while it runs, as Python's successful() is). */
    record TaskSucceeded(long task) implements PoolRequest<Answer.Flag> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Flag> r) {
            h.poolRequests().taskSucceeded(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(task);
        }
    }

    /**
     * The process that submitted these tasks will not ask about them again (its map has its
     * results, its task handle keeps the outcome): the hub lets their records go, at once for
     * those ended, as they end for the others.
     */
    record ForgetTasks(List<Long> tasks) implements PoolRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.poolRequests().forgetTasks(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i32(tasks.size());
            tasks.forEach(w::i64);
        }

        @Override
        public boolean bookkeeping() {
            return true;
        }
    }

    List<String> TAGS = List.of("NewPoolWith", "TerminatePool", "AwaitTaskWithin", "TaskSucceeded", "ForgetTasks");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, Codec.Reader r) {
        switch (tag) {
            case "NewPoolWith": return new NewPoolWith(r.i64(), r.i64(), r.bytes(), Fields.readOptional(r));
            case "TerminatePool": return new TerminatePool(r.i64(), r.str());
            case "AwaitTaskWithin": return new AwaitTaskWithin(r.i64(), Fields.readTimeout(r), r.str());
            case "TaskSucceeded": return new TaskSucceeded(r.i64());
            case "ForgetTasks": return new ForgetTasks(Request.ids(r));
            default: return null;
        }
    }

    /** What serves this family in the hub: the part that {@link Request.Handler#poolRequests} gives. */
    interface Handler<P> {
        void newPoolWith(P from, NewPoolWith n, Reply<Answer.Id> r);

        void terminatePool(P from, TerminatePool t, Reply<Answer.Done> r);

        void awaitTaskWithin(P from, AwaitTaskWithin a, Reply<Answer.Outcome> r);

        void taskSucceeded(P from, TaskSucceeded t, Reply<Answer.Flag> r);

        void forgetTasks(P from, ForgetTasks f, Reply<Answer.Done> r);
    }
}
