package par.proc;

import par.interp.Builtin;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.wire.Codec;
import par.wire.PipeRequest;
import par.wire.Request;

/**
 * One end of what {@code pipe()} returns: {@code send(v)} gives the other end an item,
 * {@code recv()} takes the next one sent to this end (waiting for it), {@code poll([timeout])}
 * says whether a recv would not wait, {@code close()} ends this end's use. The pipe lives in
 * the hub, so either end can be passed to any process.
 */
final class PipeHandle extends HubHandle {
    /** The bits of the handle's meta: what this end may do. */
    static final long RECEIVES = 1, SENDS = 2;
    private final long meta;

    PipeHandle(ProcessSupport support, long id, long meta) {
        super(support, id);
        this.meta = meta;
    }

    @Override
    public byte kind() {
        return KIND_PIPE;
    }

    @Override
    public long meta() {
        return meta;
    }

    @Override
    public String typeName() {
        return "connection";
    }

    @Override
    public Object getAttribute(String name) {
        switch (name) {
            case "readable": return (meta & RECEIVES) != 0;
            case "writable": return (meta & SENDS) != 0;
            default: return super.getAttribute(name);
        }
    }

    @Override
    public Object callMethod(Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "send":
                Builtin.checkArity("send", args, 1, 1);
                interp.out().flush();
                support.broker().call(new PipeRequest.Send(id, Codec.encode(args[0]), interp.site()));
                return Nil.NIL;
            case "recv":
                Builtin.checkArity("recv", args, 0, 0);
                interp.out().flush();
                return support.decode(support.broker().call(new PipeRequest.Recv(id, interp.site())).encoded());
            case "poll": {
                Builtin.checkArity("poll", args, 0, 1);
                // as in Python: poll() does not wait, poll(nil) waits as long as it takes
                Request.Timeout timeout = args.length == 0 ? new Request.Timeout(0, "0") : ProcessSupport.timeout(args[0]);
                interp.out().flush();
                return support.broker().call(new PipeRequest.Poll(id, timeout, interp.site())).value();
            }
            case "close":
                Builtin.checkArity("close", args, 0, 0);
                support.broker().call(new PipeRequest.CloseEnd(id, interp.site()));
                return Nil.NIL;
            default:
                throw noMethod(method);
        }
    }

    /** The two ends of a new pipe, as {@code a, b = pipe()} unpacks them. */
    static par.interp.ParList make(ProcessSupport support, Object duplex, String name) {
        if (duplex != Nil.NIL && !(duplex instanceof Boolean)) {
            throw new ParError("duplex must be true or false, not " + par.interp.Values.aType(duplex));
        }
        boolean both = duplex != Boolean.FALSE;
        java.util.List<Long> ends = support.broker().call(new PipeRequest.NewPipe(both, name)).ids();
        return par.interp.ParList.of(new PipeHandle(support, ends.get(0), both ? RECEIVES | SENDS : RECEIVES),
                new PipeHandle(support, ends.get(1), both ? RECEIVES | SENDS : SENDS));
    }
}
