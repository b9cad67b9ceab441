package par.wire;

import java.util.List;

/**
 * The requests for queues beyond put, get and size (which are in {@link Request}): a put that
 * gives up, and joinable queues (task_done and join). A family of its own
 * (see {@link ProcessRequest}).
 */
public sealed interface QueueRequest<A extends Answer> extends Request<A> {

    /** A put into a bounded queue that waits at most timeout for room (0: not at all); refused if none came. */
    record PutWithin(long queue, byte[] item, Request.Timeout timeout, String site) implements QueueRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.queueRequests().putWithin(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(queue);
            w.bytes(item);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    /** A queue that counts its unfinished items: each put adds one, each task_done takes one away. */
    record NewJoinableQueue(long capacity, String name) implements QueueRequest<Answer.Id> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Id> r) {
            h.queueRequests().newJoinableQueue(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(capacity);
            Fields.writeOptional(w, name);
        }
    }

    /** An item taken from a joinable queue has been dealt with. */
    record ItemDone(long queue, String site) implements QueueRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.queueRequests().itemDone(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(queue);
            w.str(site);
        }
    }

    /** Waits until every item put into a joinable queue has been dealt with. */
    record JoinQueue(long queue, String site) implements QueueRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.queueRequests().joinQueue(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(queue);
            w.str(site);
        }
    }

    List<String> TAGS = List.of("PutWithin", "NewJoinableQueue", "ItemDone", "JoinQueue");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, Codec.Reader r) {
        switch (tag) {
            case "PutWithin": return new PutWithin(r.i64(), r.bytes(), Fields.readTimeout(r), r.str());
            case "NewJoinableQueue": return new NewJoinableQueue(r.i64(), Fields.readOptional(r));
            case "ItemDone": return new ItemDone(r.i64(), r.str());
            case "JoinQueue": return new JoinQueue(r.i64(), r.str());
            default: return null;
        }
    }

    /** What serves this family in the hub: the part that {@link Request.Handler#queueRequests} gives. */
    interface Handler<P> {
        void putWithin(P from, PutWithin p, Reply<Answer.Done> r);

        void newJoinableQueue(P from, NewJoinableQueue n, Reply<Answer.Id> r);

        void itemDone(P from, ItemDone d, Reply<Answer.Done> r);

        void joinQueue(P from, JoinQueue j, Reply<Answer.Done> r);
    }
}
