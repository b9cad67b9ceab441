package par.wire;

import java.util.ArrayList;
import java.util.List;

import par.interp.ParError;

/**
 * The hub's answers to {@link Request}s, one record per shape of answer; each request names the
 * one it gets. A refusal is not an answer: it travels as a message of its own (see
 * {@link HubMessage.Refused}). Both halves of the wire form live here, as in Request.
 */
public sealed interface Answer {

    /** The request was carried out; there is nothing more to say. */
    record Done() implements Answer {
        public static final Done DONE = new Done();
    }

    /** The id of what the request made. */
    record Id(long id) implements Answer {
    }

    record Ids(List<Long> ids) implements Answer {
    }

    record Flag(boolean value) implements Answer {
        public static final Flag TRUE = new Flag(true);
        public static final Flag FALSE = new Flag(false);

        public static Flag of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    record Count(long value) implements Answer {
    }

    /** A Par value in the codec's form, decoded only by the process that asked. */
    record Value(byte[] encoded) implements Answer {
    }

    record Spawned(long id, long pid, String name) implements Answer {
    }

    /** exitcode: null while it runs. */
    record ProcessState(boolean alive, Long exitcode, String name) implements Answer {
    }

    record ConditionMade(long id, long lock) implements Answer {
    }

    /** How a pool task ended: its results, its failure, or cancelled with the rest of its map. */
    sealed interface Outcome extends Answer {
    }

    /** The encoded list of the chunk's results. */
    record Results(byte[] encoded) implements Outcome {
    }

    /**
     * index: the item that failed, its place in the chunk; -1 when the worker died, and the
     * chunk's size when the results could not be sent.
     */
    record TaskFailed(int index, String message, List<ParError.TraceEntry> trace, String worker, long pid)
            implements Outcome {
    }

    record Cancelled() implements Outcome {
        public static final Cancelled CANCELLED = new Cancelled();
    }

    /** Which of several tasks ended, and how. */
    record TaskEnded(long task, Outcome outcome) implements Answer {
    }

    // ================================================================== the wire form

    List<Class<?>> TAGS = List.of(Done.class, Id.class, Ids.class, Flag.class, Count.class, Value.class,
            Spawned.class, ProcessState.class, ConditionMade.class, Results.class, TaskFailed.class,
            Cancelled.class, TaskEnded.class);

    static void write(Answer a, Codec.Writer w) {
        w.b(TAGS.indexOf(a.getClass()));
        if (a instanceof Id id) {
            w.i64(id.id);
        } else if (a instanceof Ids ids) {
            w.i32(ids.ids.size());
            ids.ids.forEach(w::i64);
        } else if (a instanceof Flag f) {
            w.b(f.value ? 1 : 0);
        } else if (a instanceof Count c) {
            w.i64(c.value);
        } else if (a instanceof Value v) {
            w.bytes(v.encoded);
        } else if (a instanceof Spawned s) {
            w.i64(s.id);
            w.i64(s.pid);
            w.str(s.name);
        } else if (a instanceof ProcessState s) {
            w.b(s.alive ? 1 : 0);
            w.b(s.exitcode == null ? 0 : 1);
            w.i64(s.exitcode == null ? 0 : s.exitcode);
            w.str(s.name);
        } else if (a instanceof ConditionMade c) {
            w.i64(c.id);
            w.i64(c.lock);
        } else if (a instanceof Results res) {
            w.bytes(res.encoded);
        } else if (a instanceof TaskFailed f) {
            w.i32(f.index);
            w.str(f.message);
            trace(w, f.trace);
            w.str(f.worker);
            w.i64(f.pid);
        } else if (a instanceof TaskEnded e) {
            w.i64(e.task);
            write(e.outcome, w);
        } // Done and Cancelled have no fields
    }

    static Answer read(CodecReader r) {
        int tag = r.b();
        if (tag < 0 || tag >= TAGS.size()) {
            throw new WireException("malformed reply: unknown answer " + tag);
        }
        switch (TAGS.get(tag).getSimpleName()) {
            case "Done": return Done.DONE;
            case "Id": return new Id(r.i64());
            case "Ids": return new Ids(Request.ids(r));
            case "Flag": return Flag.of(r.b() != 0);
            case "Count": return new Count(r.i64());
            case "Value": return new Value(r.bytes());
            case "Spawned": return new Spawned(r.i64(), r.i64(), r.str());
            case "ProcessState": return processState(r);
            case "ConditionMade": return new ConditionMade(r.i64(), r.i64());
            case "Results": return new Results(r.bytes());
            case "TaskFailed": return new TaskFailed(r.i32(), r.str(), trace(r), r.str(), r.i64());
            case "Cancelled": return Cancelled.CANCELLED;
            case "TaskEnded": return taskEnded(r);
            default: throw new IllegalStateException("an answer tag with no reader: " + tag);
        }
    }

    private static ProcessState processState(CodecReader r) {
        boolean alive = r.b() != 0;
        boolean exited = r.b() != 0;
        long code = r.i64();
        return new ProcessState(alive, exited ? code : null, r.str());
    }

    private static TaskEnded taskEnded(CodecReader r) {
        long task = r.i64();
        Answer outcome = read(r);
        if (!(outcome instanceof Outcome)) {
            throw new WireException("malformed reply: a task ended with " + outcome.getClass().getSimpleName());
        }
        return new TaskEnded(task, (Outcome) outcome);
    }

    /** A Par call stack, as an error carries it from one process to another. */
    static void trace(Codec.Writer w, List<ParError.TraceEntry> trace) {
        w.i32(trace.size());
        for (ParError.TraceEntry t : trace) {
            w.str(t.function());
            w.str(t.file());
            w.i32(t.line());
        }
    }

    static List<ParError.TraceEntry> trace(CodecReader r) {
        int n = r.count();
        List<ParError.TraceEntry> trace = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trace.add(new ParError.TraceEntry(r.str(), r.str(), r.i32()));
        }
        return trace;
    }
}
