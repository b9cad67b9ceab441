package par.proc;

import par.interp.ParError;
import par.interp.ParObject;
import par.interp.Values;
import par.wire.Handle;

/**
 * The part every handle shares: the support its requests go through and the id the hub gave
 * the object. Two handles are the same value when they name the same hub object, by kind and
 * id, however each reached this process (made here, taken from a queue, passed to a spawn,
 * returned by a child), so {@code ==}, {@code in} and map keys treat copies alike.
 */
abstract class HubHandle implements ParObject, Handle {
    final ProcessSupport support;
    final long id;

    HubHandle(ProcessSupport support, long id) {
        this.support = support;
        this.id = id;
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final boolean equals(Object other) {
        if (!(other instanceof Handle)) {
            return false;
        }
        Handle h = (Handle) other;
        return h.kind() == kind() && h.id() == id;
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(id) * 31 + kind();
    }

    /** The error for a method this handle does not have. */
    ParError noMethod(String method) {
        return new ParError(Values.aType(this) + " has no method '" + method + "'");
    }

    /** How most handles print: their type and the hub's id, {@code <lock#3>}. */
    @Override
    public String toString() {
        return "<" + typeName() + "#" + id + ">";
    }
}
