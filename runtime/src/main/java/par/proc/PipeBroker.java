package par.proc;

import java.util.concurrent.BlockingQueue;

import par.interp.ParError;
import par.interp.ParList;

/** A child's requests to the hub, over its pipes: one at a time, each answered by number. */
final class PipeBroker implements Broker {
    private final ChildChannel channel;
    private final BlockingQueue<Wire.Frame> replies;
    private final long self;
    private long nextRequest;

    PipeBroker(ChildChannel channel, BlockingQueue<Wire.Frame> replies, long self) {
        this.channel = channel;
        this.replies = replies;
        this.self = self;
    }

    @Override
    public synchronized Object call(Op op, Object... args) {
        long id = nextRequest++;
        channel.send(Wire.REQUEST, Codec.encodeAll((long) op.ordinal(), id, ParList.of(args)));
        channel.flush();
        Wire.Frame f;
        try {
            f = replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParError("interrupted");
        }
        Object[] v = Codec.decodeAll(f.payload(), 2, ChildMain.PLAIN);
        if ((Long) v[0] != id) {
            throw new WireException("malformed reply: answer " + v[0] + " to request " + id);
        }
        if (f.kind() == Wire.FAILURE) {
            throw new ParError((String) v[1]);
        }
        return v[1];
    }

    @Override
    public void putNoWait(long queue, Object item, String site) {
        channel.sendPut(queue, site, item);
    }

    @Override
    public long self() {
        return self;
    }
}
