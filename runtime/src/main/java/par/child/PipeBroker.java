package par.child;

import java.util.concurrent.BlockingQueue;

import par.interp.ParError;
import par.proc.Broker;
import par.proc.Slots;
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
    /** The shared memory's file ("" for none), mapped when a handle first needs it. */
    private final String slotsPath;
    private Slots slots;

    PipeBroker(ChildChannel channel, BlockingQueue<HubMessage> replies, long self, String slotsPath) {
        this.channel = channel;
        this.replies = replies;
        this.self = self;
        this.slotsPath = slotsPath;
    }

    @Override
    public synchronized Slots slots() {
        if (slots == null && !slotsPath.isEmpty()) {
            slots = Slots.open(java.nio.file.Path.of(slotsPath)); // refused with the reason if it cannot be trusted
        }
        return slots;
    }

    @Override
    public boolean settled() {
        return channel.settled();
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
            channel.answered(); // what was sent before the call has reached the hub
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
