package par.wire;

import java.util.List;

/**
 * The requests about processes: spawn and join, a process's state, terminate, and what a course
 * using Python's multiprocessing reaches for next (kill, daemon, the current process, its live
 * children and its parent's pid). A family of its own, served by the hub's {@code Processes},
 * so that adding one of its requests touches this file, that part and the handle that asks it.
 *
 * <p>Every message a spawn and its join exchange is here, each with both halves of its wire
 * form: {@link Spawn} and its answer {@link Spawned}, the {@link Job} frame the hub sends the
 * child, the {@link Result} frame the child sends back, {@link Join} and its answer
 * {@link Returned}. {@link HubMessage} and {@link ChildMessage} only tell a frame's kind.
 */
public sealed interface ProcessRequest<A extends Answer> extends Request<A> {

    // ------------------------------------------------------------------ the requests

    /** Starts a child running the image's call; name is null for the default pN. */
    record Spawn(byte[] image, String name, String site) implements ProcessRequest<Spawned> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Spawned> r) {
            h.processRequests().spawn(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.bytes(image);
            Fields.writeOptional(w, name);
            w.str(site);
        }
    }

    /** Waits for the process to end (at most timeout, if one is given); the answer is its result. */
    record Join(long process, Request.Timeout timeout, String site) implements ProcessRequest<Returned> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Returned> r) {
            h.processRequests().join(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(process);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    record Info(long process) implements ProcessRequest<Answer.ProcessState> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.ProcessState> r) {
            h.processRequests().info(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(process);
        }
    }

    record Terminate(long process) implements ProcessRequest<Answer.Done> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Answer.Done> r) {
            h.processRequests().terminate(from, this, r);
        }

        public void writeFields(Codec.Writer w) {
            w.i64(process);
        }
    }

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
    record Me() implements ProcessRequest<Spawned> {
        public <P> void dispatch(Request.Handler<P> h, P from, Reply<Spawned> r) {
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

    // ------------------------------------------------------------------ the answers

    /** A process, as a spawn or current_process() learns of it: its id in the hub, pid and name. */
    record Spawned(long id, long pid, String name) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i64(id);
            w.i64(pid);
            w.str(name);
        }

        static Spawned read(Codec.Reader r) {
            return new Spawned(r.i64(), r.i64(), r.str());
        }
    }

    /** What a joined process returned, in the codec's form, decoded only by the joiner. */
    record Returned(byte[] value) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.bytes(value);
        }

        static Returned read(Codec.Reader r) {
            return new Returned(r.bytes());
        }
    }

    // ------------------------------------------------------------------ a spawned job's frames

    /**
     * What the hub sends the child a spawn started (a JOB frame): run the image's call as
     * process id, named name. seed: the run is under a schedule (its requests and lines wait
     * for their turn, its clock is the hub's, its random() is seeded from this), or null when
     * processes run free. slots: the file of the shared memory where locks and shared numbers
     * live (see par.proc.Slots), "" for none: the fast path is then never taken, and whether it
     * may be taken is read from the file before each operation.
     */
    record Job(long id, String name, Long seed, String slots, byte[] image) implements HubMessage {
        void write(Codec.Writer w) {
            write(w, id, name, seed, slots, image);
        }

        /** A job's payload; a pool worker's ({@link HubMessage.Worker}) is laid out the same. */
        static void write(Codec.Writer w, long id, String name, Long seed, String slots, byte[] image) {
            w.i64(id);
            w.str(name);
            w.b(seed == null ? 0 : 1);
            w.i64(seed == null ? 0 : seed);
            w.str(slots);
            w.raw(image);
        }

        static Job read(Codec.Reader r) {
            long id = r.i64();
            String name = r.str();
            boolean scheduled = r.b() != 0;
            long seed = r.i64();
            String slots = r.str();
            return new Job(id, name, scheduled ? seed : null, slots, r.rest());
        }
    }

    /** What the child sends back when the job's function returned (a RESULT frame): the value, encoded. */
    record Result(byte[] value) implements ChildMessage {
        void write(Codec.Writer w) {
            w.raw(value);
        }

        static Result read(Codec.Reader r) {
            return new Result(r.rest());
        }
    }

    // ------------------------------------------------------------------ the wire form

    List<String> TAGS = List.of("Spawn", "Join", "Info", "Terminate", "Kill", "Daemon", "Me", "Children", "Parent");

    /** The request of this family with that tag, read; null if the tag is another family's. */
    static Request<?> read(String tag, Codec.Reader r) {
        switch (tag) {
            case "Spawn": return new Spawn(r.bytes(), Fields.readOptional(r), r.str());
            case "Join": return new Join(r.i64(), Fields.readTimeout(r), r.str());
            case "Info": return new Info(r.i64());
            case "Terminate": return new Terminate(r.i64());
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
        void spawn(P from, Spawn s, Reply<Spawned> r);

        void join(P from, Join j, Reply<Returned> r);

        void info(P from, Info i, Reply<Answer.ProcessState> r);

        void terminate(P from, Terminate t, Reply<Answer.Done> r);

        void kill(P from, Kill k, Reply<Answer.Done> r);

        void daemon(P from, Daemon d, Reply<Answer.Flag> r);

        void me(P from, Me m, Reply<Spawned> r);

        void children(P from, Children c, Reply<Answer.Value> r);

        void parent(P from, Parent p, Reply<Answer.Count> r);
    }
}
