package par.hub;

import java.util.ArrayDeque;

import par.wire.Answer;

/**
 * A pipe as the hub keeps it: two ends, each with the items sent to it and the processes
 * waiting to receive there or polling it. An end that is closed takes no more sends or
 * receives; once the other end is closed and an end's items are drained, a receive there is
 * the end of the pipe. Items are numbered along the whole pipe, for the timeline's arrows.
 * Guarded by the hub's monitor.
 */
final class HubPipe extends HubObject {
    final End first;
    final End second;
    long sent;

    HubPipe(long id, long firstId, long secondId, String label, boolean duplex) {
        super(id, "pipe", label);
        this.first = new End(firstId, true, duplex);
        this.second = new End(secondId, duplex, true);
        first.other = second;
        second.other = first;
    }

    /** One end: what was sent to it (with each item's number) and who waits there. */
    final class End {
        final long id;
        final boolean receives;
        final boolean sends;
        End other;
        boolean closed;
        final ArrayDeque<byte[]> items = new ArrayDeque<>();
        final ArrayDeque<Long> numbers = new ArrayDeque<>();
        final ArrayDeque<Waiter> receivers = new ArrayDeque<>();
        final ArrayDeque<Waiter> pollers = new ArrayDeque<>();

        End(long id, boolean receives, boolean sends) {
            this.id = id;
            this.receives = receives;
            this.sends = sends;
        }

        HubPipe pipe() {
            return HubPipe.this;
        }

        /** Nothing left to receive and nothing more can come: a receive is the end of the pipe. */
        boolean atEnd() {
            return items.isEmpty() && other.closed;
        }

        /** A receive would not wait: an item is there, or the end of the pipe is. */
        boolean ready() {
            return !items.isEmpty() || other.closed;
        }

        /** Something happened a poll waits for (an item, the other end closing): every poller is answered true. */
        void wakePollers() {
            for (Waiter w : pollers) {
                if (!w.done) {
                    w.ok(Answer.Flag.TRUE);
                }
            }
            pollers.clear();
        }
    }
}
