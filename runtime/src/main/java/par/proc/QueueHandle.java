package par.proc;

import par.interp.Builtin;
import par.interp.Interpreter;
import par.interp.Nil;
import par.wire.Answer;
import par.wire.Codec;
import par.wire.Request;

/**
 * What {@code queue()} returns: a FIFO queue the hub owns. A put into an unbounded queue is
 * sent without waiting for an answer (it cannot block), which is what makes queues fast; a
 * put into a bounded queue waits for room. A get takes from this process's batch first
 * ({@link QueueBatches}), which the hub gives a queue's only getter when items are waiting.
 */
final class QueueHandle extends HubHandle {
    private final long capacity;

    QueueHandle(ProcessSupport support, long id, long capacity) {
        super(support, id);
        this.capacity = capacity;
    }

    @Override
    public byte kind() {
        return KIND_QUEUE;
    }

    @Override
    public long meta() {
        return capacity;
    }

    @Override
    public String typeName() {
        return "queue";
    }

    @Override
    public Object callMethod(Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "put": {
                Builtin.checkArity("put", args, 1, 1);
                if (capacity == 0) {
                    support.broker().putNoWait(id, args[0], interp.site());
                } else {
                    interp.out().flush();
                    support.broker().call(new Request.Put(id, Codec.encode(args[0]), interp.site()));
                }
                return Nil.NIL;
            }
            case "get": {
                Builtin.checkArity("get", args, 0, 1);
                byte[] ready = support.batches.next(id);
                if (ready == null) {
                    ready = support.broker().tryGet(id, interp.site());
                }
                if (ready != null) {
                    return support.decode(ready);
                }
                interp.out().flush();
                Request.Timeout timeout = ProcessSupport.timeout(args.length == 0 ? Nil.NIL : args[0]);
                Answer.Items got = support.broker().call(new Request.Get(id, timeout, interp.site()));
                return support.decode(support.batches.got(id, got.items(), support.broker().slots()));
            }
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
}
