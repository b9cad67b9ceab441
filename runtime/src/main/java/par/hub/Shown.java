package par.hub;

import java.util.List;

import par.interp.Cell;
import par.interp.Function;
import par.interp.Globals;
import par.interp.ParList;
import par.interp.Repr;
import par.interp.Resolver;
import par.syntax.Stmt;
import par.wire.Codec;
import par.wire.HubMessage;

/**
 * Shows values the hub holds only as bytes (a shared value, a queue item, a task's items) as
 * the program would print them, for the trace and the timeline. Only called while the trace
 * is on: decoding costs, and the hub does not otherwise look inside what it carries. A handle
 * inside a value shows the name the hub gave its object.
 */
final class Shown implements Codec.Receiver {
    private final Names names;

    Shown(Names names) {
        this.names = names;
    }

    /** An encoded value, as repr shows it. */
    String value(byte[] encoded) {
        try {
            return Repr.repr(Codec.decode(encoded, this));
        } catch (RuntimeException e) {
            return "?"; // a value the trace cannot show never stops the run
        }
    }

    /** A pool task's items: the one item of a chunk of one, else the chunk. */
    String items(byte[] work) {
        try {
            Object chunk = HubMessage.Work.decode(work, this).chunk();
            if (chunk instanceof ParList list && list.items.size() == 1) {
                return Repr.repr(list.items.get(0));
            }
            return Repr.repr(chunk);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    @Override
    public Function function(Stmt.Def def, List<String> freeVars, Cell[] captured) {
        return new Function(Resolver.resolveFunction(def, freeVars, new Globals()), captured);
    }

    @Override
    public Object handle(byte kind, long id, long meta) {
        return new Named(names.of(kind, id));
    }

    /** A handle as the trace shows it: {@code <fork0>}. */
    private record Named(String label) {
        @Override
        public String toString() {
            return "<" + label + ">";
        }
    }
}
