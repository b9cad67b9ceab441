package par.wire;

import java.util.List;

/**
 * The requests about processes beyond spawn, join and terminate (which are in {@link Request}):
 * what a course using Python's multiprocessing reaches for next. kill, daemon, the current
 * process, its live children and its parent's pid. A family of its own, so that adding one of
 * its requests touches this file, the hub part that serves it and the handle that asks it.
 */
public sealed interface ProcessRequest<A extends Answer> extends Request<A> {

    /** Ends the process at once with SIGKILL: no last words, no cleanup. */
    record Kill(long process, String site) implements ProcessRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.processRequests().kill(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(process);
            w.str(site);
        }
    }

    /** Sets (set 1), clears (0) or reads (2) whether the process is a daemon; the answer is the flag after. */
    record Daemon(long process, int set) implements ProcessRequest<Answer.Flag> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Flag> r) {
            h.processRequests().daemon(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(process);
            w.b(set);
        }
    }

    /** The process that asks, as a spawn's answer describes one (the main program is id 0). */
    record Me() implements ProcessRequest<Answer.Spawned> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Spawned> r) {
            h.processRequests().me(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
        }
    }

    /** The asker's live children: an encoded list of process handles. */
    record Children() implements ProcessRequest<Answer.Value> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Value> r) {
            h.processRequests().children(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
        }
    }

    /** The pid of the process that spawned the asker (for the main program, its own parent's). */
    record Parent() implements ProcessRequest<Answer.Count> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Count> r) {
            h.processRequests().parent(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
        }
    }

    List<String> TAGS = List.of("Kill", "Daemon", "Me", "Children", "Parent");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, Codec.Reader r) {
        switch (tag) {
            case "Kill": return new Kill(r.i64(), r.str());
            case "Daemon": return new Daemon(r.i64(), r.b());
            case "Me": return new Me();
            case "Children": return new Children();
            case "Parent": return new Parent();
            default: return null;
        }
    }

    /** What serves this family in the hub: the part that {@link Request.Handler#processRequests} gives. */
    interface Handler<P> {
        void kill(P from, Kill k, Reply<Answer.Done> r);

        void daemon(P from, Daemon d, Reply<Answer.Flag> r);

        void me(P from, Me m, Reply<Answer.Spawned> r);

        void children(P from, Children c, Reply<Answer.Value> r);

        void parent(P from, Parent p, Reply<Answer.Count> r);
    }
}
