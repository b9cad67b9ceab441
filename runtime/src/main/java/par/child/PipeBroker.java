package par.child;

import java.util.concurrent.BlockingQueue;

import par.interp.ParError;
import par.proc.Broker;
import par.wire.Answer;
import par.wire.ChildMessage;
import par.wire.HubMessage;
import par.wire.Request;
import par.wire.WireException;

/** A child's requests to the hub, over its pipes: one at a time, each answered by number. */
final class PipeBroker implements Broker {
    private final ChildChannel channel;
    private final BlockingQueue<HubMessage> replies;
    private final long self;
    private long nextRequest;

    PipeBroker(ChildChannel channel, BlockingQueue<HubMessage> replies, long self) {
        this.channel = channel;
        this.replies = replies;
        this.self = self;
    }

    @Override
    @SuppressWarnings("unchecked") // the hub answers each request with the answer it names
    public synchronized <A extends Answer> A call(Request<A> request) {
        long number = nextRequest++;
        channel.send(new ChildMessage.Call(number, request));
        channel.flush();
        HubMessage reply;
        try {
            reply = replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParError("interrupted");
        }
        if (reply instanceof HubMessage.Refused refused && refused.number() == number) {
            throw new ParError(refused.message());
        }
        if (reply instanceof HubMessage.Answered answered && answered.number() == number) {
            return (A) answered.answer();
        }
        throw new WireException("malformed reply: " + reply + " to request " + number);
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
