package par.wire;

import java.util.ArrayList;
import java.util.List;

import par.interp.ParError;
import par.syntax.SourceLines;

/**
 * The hub's answers to {@link Request}s, one record per shape of answer; each request names the
 * one it gets. A refusal is not an answer: it travels as a message of its own (see
 * {@link HubMessage.Refused}). Both halves of the wire form live here, as in Request; the
 * answers only processes get ({@link ProcessRequest.Spawned}, {@link ProcessRequest.Returned})
 * are in their family's file, beside the requests that get them.
 */
public sealed interface Answer permits Answer.Done, Answer.Id, Answer.Ids, Answer.Flag, Answer.Count, Answer.Value,
        Answer.Items, Answer.ProcessState, Answer.ConditionMade, Answer.Outcome, Answer.TaskEnded,
        ProcessRequest.Spawned, ProcessRequest.Returned {

    /** The request was carried out; there is nothing more to say. */
    record Done() implements Answer {
        public static final Done DONE = new Done();
    }

    /** The id of what the request made. */
    record Id(long id) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i64(id);
        }
    }

    record Ids(List<Long> ids) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i32(ids.size());
            ids.forEach(w::i64);
        }
    }

    record Flag(boolean value) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.b(value ? 1 : 0);
        }
        public static final Flag TRUE = new Flag(true);
        public static final Flag FALSE = new Flag(false);

        public static Flag of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    record Count(long value) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i64(value);
        }
    }

    /** A Par value in the codec's form, decoded only by the process that asked. */
    record Value(byte[] encoded) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.bytes(encoded);
        }
    }

    /**
     * What a get takes from a queue: its head item, and after it, when the getter is the
     * queue's only one, more that were waiting (a batch; see par.proc.Slots), in the queue's order.
     */
    record Items(List<byte[]> items) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i32(items.size());
            for (byte[] item : items) { // a loop, not a lambda: this is on every child's get path
                w.bytes(item);
            }
        }
    }

    /** exitcode: null while it runs. */
    record ProcessState(boolean alive, Long exitcode, String name) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.b(alive ? 1 : 0);
            w.b(exitcode == null ? 0 : 1);
            w.i64(exitcode == null ? 0 : exitcode);
            w.str(name);
        }
    }

    record ConditionMade(long id, long lock) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i64(id);
            w.i64(lock);
        }
    }

    /** How a pool task ended: its results, its failure, or cancelled with the rest of its map. */
    sealed interface Outcome extends Answer {
    }

    /** The encoded list of the chunk's results. */
    record Results(byte[] encoded) implements Outcome {
        @Override
        public void writeFields(Codec.Writer w) {
            w.bytes(encoded);
        }
    }

    /**
     * index: the item that failed, its place in the chunk; -1 when the worker died, and the
     * chunk's size when the results could not be sent.
     */
    record TaskFailed(int index, String message, List<ParError.TraceEntry> trace, String worker, long pid)
            implements Outcome {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i32(index);
            w.str(message);
            Answer.trace(w, trace);
            w.str(worker);
            w.i64(pid);
        }
    }

    record Cancelled() implements Outcome {
        public static final Cancelled CANCELLED = new Cancelled();
    }

    /** Which of several tasks ended, and how. */
    record TaskEnded(long task, Outcome outcome) implements Answer {
        @Override
        public void writeFields(Codec.Writer w) {
            w.i64(task);
            write(outcome, w);
        }
    }

    // ================================================================== the wire form

    /** Each kind of answer's tag on the wire: its name's place here (names: see Request.TAGS). */
    List<String> TAGS = List.of("Done", "Id", "Ids", "Flag", "Count", "Value", "Spawned",
            "ProcessState", "ConditionMade", "Results", "TaskFailed", "Cancelled", "TaskEnded", "Items", "Returned");

    /** Writes the answer's tag, then its fields. */
    static void write(Answer a, Codec.Writer w) {
        w.b(TAGS.indexOf(a.getClass().getSimpleName()));
        a.writeFields(w);
    }

    /** The answer's fields, in the order {@link #read} takes them; none by default. */
    default void writeFields(Codec.Writer w) {
    }

    static Answer read(Codec.Reader r) {
        int tag = r.b();
        if (tag < 0 || tag >= TAGS.size()) {
            throw new WireException("malformed reply: unknown answer " + tag);
        }
        switch (TAGS.get(tag)) {
            case "Done": return Done.DONE;
            case "Id": return new Id(r.i64());
            case "Ids": return new Ids(Request.ids(r));
            case "Flag": return Flag.of(r.b() != 0);
            case "Count": return new Count(r.i64());
            case "Value": return new Value(r.bytes());
            case "Spawned": return ProcessRequest.Spawned.read(r);
            case "ProcessState": return processState(r);
            case "ConditionMade": return new ConditionMade(r.i64(), r.i64());
            case "Results": return new Results(r.bytes());
            case "TaskFailed": return new TaskFailed(r.i32(), r.str(), trace(r), r.str(), r.i64());
            case "Cancelled": return Cancelled.CANCELLED;
            case "TaskEnded": return taskEnded(r);
            case "Items": return items(r);
            case "Returned": return ProcessRequest.Returned.read(r);
            default: throw new IllegalStateException("an answer tag with no reader: " + tag);
        }
    }

    private static ProcessState processState(Codec.Reader r) {
        boolean alive = r.b() != 0;
        boolean exited = r.b() != 0;
        long code = r.i64();
        return new ProcessState(alive, exited ? code : null, r.str());
    }

    private static Items items(Codec.Reader r) {
        int n = r.count();
        List<byte[]> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(r.bytes());
        }
        if (items.isEmpty()) {
            throw new WireException("malformed reply: a get answered with no item");
        }
        return new Items(items);
    }

    private static TaskEnded taskEnded(Codec.Reader r) {
        long task = r.i64();
        Answer outcome = read(r);
        if (!(outcome instanceof Outcome)) {
            throw new WireException("malformed reply: a task ended with " + outcome.getClass().getSimpleName());
        }
        return new TaskEnded(task, (Outcome) outcome);
    }

    /**
     * A Par call stack, as an error carries it from one process to another: each frame with its
     * place and the text of its line ("" when not known), for the receiver to show.
     */
    static void trace(Codec.Writer w, List<ParError.TraceEntry> trace) {
        w.i32(trace.size());
        for (ParError.TraceEntry t : trace) {
            w.str(t.function());
            w.str(t.file());
            w.i32(t.line());
            w.i32(t.col());
            w.i32(t.endCol());
            String text = t.text();
            w.str(text == null ? "" : text);
        }
    }

    static List<ParError.TraceEntry> trace(Codec.Reader r) {
        int n = r.count();
        List<ParError.TraceEntry> trace = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String function = r.str();
            String file = r.str();
            int line = r.i32();
            int col = r.i32();
            int endCol = r.i32();
            String text = r.str();
            trace.add(new ParError.TraceEntry(function, file, line, col, endCol,
                    text.isEmpty() ? null : new SourceLines(text, line)));
        }
        return trace;
    }
}
