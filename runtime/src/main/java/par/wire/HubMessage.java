package par.wire;

/**
 * What the hub sends a child: its job (a spawned call, or a pool worker's image), a pool task,
 * and the answer to each of its requests or the refusal. Each kind is a frame kind; both halves
 * of every message, {@link #frame} and {@link #read}, live here, but for a spawned call's
 * {@link ProcessRequest.Job}, which is with the rest of a spawn's messages.
 */
public sealed interface HubMessage permits ProcessRequest.Job, HubMessage.Worker, HubMessage.Task, HubMessage.Answered,
        HubMessage.Refused {
    byte JOB = 10, ANSWERED = 11, REFUSED = 12, WORKER = 13, TASK = 14;

    /**
     * Become a pool worker: keep this image for every task. seed and slots: as a
     * {@link ProcessRequest.Job}'s, whose frame's layout this one's is.
     */
    record Worker(long id, String name, Long seed, String slots, byte[] image) implements HubMessage {
    }

    /** Run a pool task: work is a function (or its name) and a chunk of items, encoded. */
    record Task(long id, byte[] work) implements HubMessage {
    }

    /**
     * What a pool task's work holds, in the order PoolHandle writes it: the function (or the
     * name of one the workers have), whether each item is a list of arguments, the chunk of
     * items (a list, or a range), and the globals the task carries for a function shipped whole.
     */
    record Work(Object function, boolean spread, Object chunk, Object globals) {
        /** A task's work read back: the one place that knows its layout on the reading side. */
        public static Work decode(byte[] work, Codec.Receiver receiver) {
            Object[] parts = Codec.decodeAll(work, 4, receiver);
            return new Work(parts[0], (Boolean) parts[1], parts[2], parts[3]);
        }
    }

    /** The answer to request number. */
    record Answered(long number, Answer answer) implements HubMessage {
    }

    /** Request number was refused, for this reason: the caller raises it as a Par error. */
    record Refused(long number, String message) implements HubMessage {
    }

    static Wire.Frame frame(HubMessage m) {
        Codec.Writer w = new Codec.Writer();
        byte kind;
        if (m instanceof ProcessRequest.Job j) {
            kind = JOB;
            j.write(w);
        } else if (m instanceof Worker j) {
            kind = WORKER;
            ProcessRequest.Job.write(w, j.id, j.name, j.seed, j.slots, j.image);
        } else if (m instanceof Task t) {
            kind = TASK;
            w.i64(t.id);
            w.raw(t.work);
        } else if (m instanceof Answered a) {
            kind = ANSWERED;
            w.i64(a.number);
            Answer.write(a.answer, w);
        } else {
            Refused f = (Refused) m;
            kind = REFUSED;
            w.i64(f.number);
            w.str(f.message);
        }
        return new Wire.Frame(kind, w.toBytes());
    }

    static HubMessage read(Wire.Frame f) {
        Codec.Reader r = new Codec.Reader(f.payload(), null);
        HubMessage m;
        switch (f.kind()) {
            case JOB: return ProcessRequest.Job.read(r);
            case WORKER: {
                ProcessRequest.Job j = ProcessRequest.Job.read(r);
                return new Worker(j.id(), j.name(), j.seed(), j.slots(), j.image());
            }
            case TASK: return new Task(r.i64(), r.rest());
            case ANSWERED: m = new Answered(r.i64(), Answer.read(r)); break;
            case REFUSED: m = new Refused(r.i64(), r.str()); break;
            default: throw new WireException("malformed frame: unknown kind " + f.kind());
        }
        r.end();
        return m;
    }
}
