package par.proc;

import par.interp.Clock;
import par.interp.Interpreter;
import par.interp.Output;
import par.interp.Repr;
import par.wire.Answer;
import par.wire.Codec;
import par.wire.Request;

/**
 * What a process does differently under {@code --schedule}, in the root as in a child: every
 * way it meets other processes goes to the hub and waits for its turn, even those that do not
 * otherwise (a printed line, a put into an unbounded queue, a get that finds an item at once),
 * its clock is the hub's virtual one, and its random numbers come from a seeded generator.
 * Touches only the interpreter and the process machinery it is given.
 */
final class Scheduled {
    private Scheduled() {
    }

    /** Puts the interpreter under the schedule: seed seeds its random numbers. */
    static void install(Interpreter interp, ProcessSupport support, long seed) {
        interp.setRandom(new java.util.SplittableRandom(seed));
        interp.setClock(new HubClock(support, interp));
        interp.setOutput(new TurnOutput(interp.out(), support));
    }

    /** The hub's virtual clock: time() asks it, sleep() waits on it. */
    private static final class HubClock implements Clock {
        private final ProcessSupport support;
        private final Interpreter interp;

        HubClock(ProcessSupport support, Interpreter interp) {
            this.support = support;
            this.interp = interp;
        }

        @Override
        public double now() {
            return (Double) support.decode(support.broker().call(new Request.Now()).encoded());
        }

        @Override
        public void sleep(double seconds) {
            support.broker().call(new Request.Sleep(new Request.Timeout(seconds, Repr.str(seconds)), interp.site()));
        }
    }

    /**
     * Each line waits for its turn before it is written, so lines come out in the schedule's
     * order. Before the hub exists (a main program that has made no process yet) there is
     * nobody to take turns with.
     */
    private static final class TurnOutput implements Output {
        private final Output out;
        private final ProcessSupport support;

        TurnOutput(Output out, ProcessSupport support) {
            this.out = out;
            this.support = support;
        }

        @Override
        public void line(String text) {
            if (support.connected()) {
                support.broker().call(new Request.Turn("print", ""));
            }
            out.line(text);
        }

        @Override
        public void flush() {
            out.flush();
        }
    }

    /** A broker whose every operation is a request that waits for its turn. */
    static Broker turns(Broker broker) {
        return new Broker() {
            @Override
            public <A extends Answer> A call(Request<A> request) {
                return broker.call(request);
            }

            @Override
            public void putNoWait(long queue, Object item, String site) {
                broker.call(new Request.Put(queue, Codec.encode(item), site));
            }

            @Override
            public long self() {
                return broker.self();
            }
        };
    }
}
