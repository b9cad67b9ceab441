package par.proc;

import par.interp.Builtin;
import par.interp.Interpreter;
import par.interp.Nil;
import par.wire.Answer;
import par.interp.ParError;
import par.wire.Codec;
import par.wire.QueueRequest;
import par.wire.Request;

/**
 * What {@code queue()} returns: a FIFO queue the hub owns. A put into an unbounded queue is
 * sent without waiting for an answer (it cannot block), which is what makes queues fast; a
 * put into a bounded queue waits for room. A get takes from this process's batch first
 * ({@link QueueBatches}), which the hub gives a queue's only getter when items are waiting.
 */
final class QueueHandle extends HubHandle {
    /** The capacity's bits of the handle's meta; the bit above says the queue is joinable. */
    static final long CAPACITY = (1L << 32) - 1;
    private final long capacity;
    private final boolean joinable;

    QueueHandle(ProcessSupport support, long id, long capacity, boolean joinable) {
        super(support, id);
        this.capacity = capacity;
        this.joinable = joinable;
    }

    @Override
    public byte kind() {
        return KIND_QUEUE;
    }

    @Override
    public long meta() {
        return joinable ? capacity | (CAPACITY + 1) : capacity;
    }

    @Override
    public String typeName() {
        return joinable ? "joinable_queue" : "queue";
    }

    @Override
    public Object callMethod(Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "put":
                Builtin.checkArity("put", args, 1, 2);
                put(interp, args[0], args.length == 2 ? ProcessSupport.timeout(args[1]) : null);
                return Nil.NIL;
            case "put_nowait":
                Builtin.checkArity("put_nowait", args, 1, 1);
                put(interp, args[0], NO_WAIT);
                return Nil.NIL;
            case "get":
                Builtin.checkArity("get", args, 0, 1);
                return get(interp, ProcessSupport.timeout(args.length == 0 ? Nil.NIL : args[0]));
            case "get_nowait":
                Builtin.checkArity("get_nowait", args, 0, 0);
                return get(interp, NO_WAIT);
            case "full":
                Builtin.checkArity("full", args, 0, 0);
                return capacity > 0 && support.broker().call(new Request.Size(id)).value() >= capacity;
            case "close":
                Builtin.checkArity("close", args, 0, 0);
                support.closedQueues.add(id);
                return Nil.NIL;
            case "task_done":
                Builtin.checkArity("task_done", args, 0, 0);
                support.broker().call(new QueueRequest.ItemDone(id, interp.site()));
                return Nil.NIL;
            case "join":
                Builtin.checkArity("join", args, 0, 0);
                interp.out().flush();
                support.broker().call(new QueueRequest.JoinQueue(id, interp.site()));
                return Nil.NIL;
            case "size":
                Builtin.checkArity("size", args, 0, 0);
                return support.broker().call(new Request.Size(id)).value();
            case "empty":
                Builtin.checkArity("empty", args, 0, 0);
                return support.broker().call(new Request.Size(id)).value() == 0;
            default:
                throw noMethod(method);
        }
    }

    /** A time-out of 0: put_nowait and get_nowait. */
    private static final Request.Timeout NO_WAIT = new Request.Timeout(0, "0");

    /** timeout: null to wait for room as long as it takes. */
    private void put(Interpreter interp, Object item, Request.Timeout timeout) {
        checkOpen();
        if (capacity == 0) {
            support.broker().putNoWait(id, item, interp.site());
            return;
        }
        interp.out().flush();
        if (timeout == null) {
            support.broker().call(new Request.Put(id, Codec.encode(item), interp.site()));
        } else {
            support.broker().call(new QueueRequest.PutWithin(id, Codec.encode(item), timeout, interp.site()));
        }
    }

    private Object get(Interpreter interp, Request.Timeout timeout) {
        checkOpen();
        byte[] ready = support.batches.next(id);
        if (ready == null) {
            ready = support.broker().tryGet(id, interp.site());
        }
        if (ready != null) {
            return support.decode(ready);
        }
        interp.out().flush();
        Answer.Items got = support.broker().call(new Request.Get(id, timeout, interp.site()));
        return support.decode(support.batches.got(id, got.items(), support.broker().slots()));
    }

    /** After close() this process may neither put nor get, as in Python. */
    private void checkOpen() {
        if (support.closedQueues.contains(id)) {
            throw new ParError("the queue is closed: this process called close() on it");
        }
    }
}
