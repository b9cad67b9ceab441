package par.proc;

import par.wire.Answer;
import par.wire.Request;

/**
 * How a process's handles reach the hub: directly in the root process, through the pipe in a
 * child. A call blocks until the hub answers; a hub refusal arrives as a ParError.
 */
public interface Broker {
    <A extends Answer> A call(Request<A> request);

    /**
     * A put into an unbounded queue, which cannot block: sent, not waited for. The commonest
     * message by far, so it has a compact form of its own.
     */
    void putNoWait(long queue, Object item, String site);

    /** A get that does not wait: the item if one is there at once, else null. Null if unsupported. */
    default byte[] tryGet(long queue, String site) {
        return null;
    }

    /** The id of the process this broker speaks for (0 is the root). */
    long self();

    /** The shared memory of the fast path ({@link Slots}), or null where there is none. */
    default Slots slots() {
        return null;
    }

    /**
     * Nothing this process sent (a printed line, a put) is still on its way to the hub: a fast
     * release or write, which the hub does not see, would otherwise overtake it (the next holder's
     * line printed before this holder's).
     */
    default boolean settled() {
        return true;
    }
}
