package par.wire;

import java.util.List;

/**
 * The requests for pipes: {@code a, b = pipe()} makes two connected ends, and whatever one end
 * sends the other receives, in order. A family of its own (see {@link ProcessRequest}).
 */
public sealed interface PipeRequest<A extends Answer> extends Request<A> {

    /** A pipe; the answer is its two ends' ids. Not duplex: the first end only receives, the second only sends. */
    record NewPipe(boolean duplex, String name) implements PipeRequest<Answer.Ids> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Ids> r) {
            h.pipeRequests().newPipe(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.b(duplex ? 1 : 0);
            Fields.writeOptional(w, name);
        }
    }

    /** An item into the pipe from this end, for the other end to receive. */
    record Send(long end, byte[] item, String site) implements PipeRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.pipeRequests().send(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(end);
            w.bytes(item);
            w.str(site);
        }
    }

    /** The next item sent to this end: waits for one; refused at the end of the pipe (other end closed, nothing left). */
    record Recv(long end, String site) implements PipeRequest<Answer.Value> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Value> r) {
            h.pipeRequests().recv(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(end);
            w.str(site);
        }
    }

    /** Whether a recv on this end would not wait, waiting at most timeout (null: as long as it takes) to know. */
    record Poll(long end, Request.Timeout timeout, String site) implements PipeRequest<Answer.Flag> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Flag> r) {
            h.pipeRequests().poll(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(end);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    /** Closes this end: it may not be used again, and the other end reaches the end of the pipe once drained. */
    record CloseEnd(long end, String site) implements PipeRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.pipeRequests().closeEnd(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(end);
            w.str(site);
        }
    }

    List<String> TAGS = List.of("NewPipe", "Send", "Recv", "Poll", "CloseEnd");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, Codec.Reader r) {
        switch (tag) {
            case "NewPipe": return new NewPipe(r.b() != 0, Fields.readOptional(r));
            case "Send": return new Send(r.i64(), r.bytes(), r.str());
            case "Recv": return new Recv(r.i64(), r.str());
            case "Poll": return new Poll(r.i64(), Fields.readTimeout(r), r.str());
            case "CloseEnd": return new CloseEnd(r.i64(), r.str());
            default: return null;
        }
    }

    /** What serves this family in the hub: the part that {@link Request.Handler#pipeRequests} gives. */
    interface Handler<P> {
        void newPipe(P from, NewPipe n, Reply<Answer.Ids> r);

        void send(P from, Send s, Reply<Answer.Done> r);

        void recv(P from, Recv rc, Reply<Answer.Value> r);

        void poll(P from, Poll p, Reply<Answer.Flag> r);

        void closeEnd(P from, CloseEnd c, Reply<Answer.Done> r);
    }
}
