package par.wire;

import java.util.List;

import par.interp.ParError;

/**
 * What a child sends the hub: that it is ready, its printed lines, its requests, its unbounded
 * queue puts, and how its job or a pool task ended. Each kind is a frame kind; both halves of
 * every message, {@link #frame} and {@link #read}, live here, but for a job's
 * {@link ProcessRequest.Result}, which is with the rest of a spawn's messages.
 */
public sealed interface ChildMessage permits ChildMessage.Ready, ChildMessage.Output, ChildMessage.Call, ChildMessage.Put,
        ProcessRequest.Result, ChildMessage.Failed, ChildMessage.Exit, ChildMessage.TaskResults, ChildMessage.TaskFailed {
    byte READY = 1, OUTPUT = 2, CALL = 3, RESULT = 4, FAILED = 5, EXIT = 6, TASK_RESULTS = 7, TASK_FAILED = 8,
            PUT = 15, OUTPUT_PART = 16;

    /** Warmed up and waiting for its job. */
    record Ready() implements ChildMessage {
    }

    /** A printed line (or, with more to come, the start of one too long for a frame). */
    record Output(String text, boolean more) implements ChildMessage {
    }

    /** A request, numbered so its answer can be matched to it. */
    record Call(long number, Request<?> request) implements ChildMessage {
    }

    /**
     * A put into an unbounded queue, which cannot block, so it is sent and not answered: the
     * commonest message, with a compact form a producer writes in one piece (see
     * {@link #writePut}). item is the value's encoding.
     */
    record Put(long queue, String site, byte[] item) implements ChildMessage {
    }

    /** The job's function failed with this error. */
    record Failed(String message, List<ParError.TraceEntry> trace) implements ChildMessage {
    }

    /** The job called exit(status). */
    record Exit(int status) implements ChildMessage {
    }

    /** A pool task's results, the encoded list. */
    record TaskResults(byte[] results) implements ChildMessage {
    }

    /** A pool task failed on the item at index (its chunk's size: the results could not be sent). */
    record TaskFailed(int index, String message, List<ParError.TraceEntry> trace) implements ChildMessage {
    }

    /** The frame that carries message m. */
    static Wire.Frame frame(ChildMessage m) {
        if (m instanceof Ready) {
            return new Wire.Frame(READY, new byte[0]);
        }
        if (m instanceof Output o) {
            return new Wire.Frame(o.more ? OUTPUT_PART : OUTPUT, Codec.strForm(o.text));
        }
        Codec.Writer w = new Codec.Writer();
        byte kind;
        if (m instanceof Call c) {
            kind = CALL;
            w.i64(c.number);
            Request.write(c.request, w);
        } else if (m instanceof Put p) {
            writePut(w, p.queue, Codec.strForm(p.site));
            w.raw(p.item);
            return new Wire.Frame(PUT, w.toBytes());
        } else if (m instanceof ProcessRequest.Result r) {
            kind = RESULT;
            r.write(w);
        } else if (m instanceof Failed f) {
            kind = FAILED;
            w.str(f.message);
            Answer.trace(w, f.trace);
        } else if (m instanceof Exit e) {
            kind = EXIT;
            w.i32(e.status);
        } else if (m instanceof TaskResults t) {
            kind = TASK_RESULTS;
            w.raw(t.results);
        } else {
            TaskFailed t = (TaskFailed) m;
            kind = TASK_FAILED;
            w.i32(t.index);
            w.str(t.message);
            Answer.trace(w, t.trace);
        }
        return new Wire.Frame(kind, w.toBytes());
    }

    /**
     * The head of a put's payload: the queue and the call site (in {@link Codec#strForm}, which
     * a producer makes once per site). The item's encoding follows it, to the end.
     */
    static void writePut(Codec.Writer w, long queue, byte[] siteForm) {
        w.i64(queue);
        w.raw(siteForm);
    }

    /**
     * The message a frame carries. sites: read a put's call site; without it the site is
     * skipped, as only the trace ever shows where an item was put.
     */
    static ChildMessage read(Wire.Frame f, boolean sites) {
        byte[] p = f.payload();
        switch (f.kind()) {
            case READY: return new Ready();
            case OUTPUT: return new Output(Codec.readStr(p), false);
            case OUTPUT_PART: return new Output(Codec.readStr(p), true);
            default: break;
        }
        Codec.Reader r = new Codec.Reader(p, null);
        ChildMessage m;
        switch (f.kind()) {
            case CALL: m = new Call(r.i64(), Request.read(r)); break;
            case PUT: return new Put(r.i64(), sites ? r.str() : r.skip(), r.rest());
            case RESULT: return ProcessRequest.Result.read(r);
            case FAILED: m = new Failed(r.str(), Answer.trace(r)); break;
            case EXIT: m = new Exit(r.i32()); break;
            case TASK_RESULTS: return new TaskResults(r.rest());
            case TASK_FAILED: m = new TaskFailed(r.i32(), r.str(), Answer.trace(r)); break;
            default: throw new WireException("malformed frame: unknown kind " + f.kind());
        }
        r.end();
        return m;
    }
}
