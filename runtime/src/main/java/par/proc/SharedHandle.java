package par.proc;

import par.interp.Interpreter;
import par.wire.Codec;
import par.wire.Request;

/**
 * What {@code shared(v)} returns: one value every process sees: an int or a float in the shared
 * memory, read and written there, anything else through the hub. Reading and
 * writing {@code s.value} are each atomic; {@code with s { }} holds the value's own lock so a
 * read-modify-write is atomic too.
 */
final class SharedHandle extends LockHandle {
    /** Where an int or a float lives, read and written without the hub (see {@link Slots}). */
    private final FastPath value;

    SharedHandle(ProcessSupport support, long id) {
        super(support, id);
        this.value = new FastPath(support, id);
    }

    @Override
    public byte kind() {
        return KIND_SHARED;
    }

    @Override
    public String typeName() {
        return "shared";
    }

    @Override
    public Object getAttribute(String name) {
        if (name.equals("value")) {
            Slots.Slot slot = value.slot();
            Object number = slot == null ? null : slot.number();
            if (number != null) {
                return number;
            }
            return support.decode(support.broker().call(new Request.Read(id, support.interp.site())).encoded());
        }
        return super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object v) {
        if (name.equals("value")) {
            Slots.Slot slot = v instanceof Long || v instanceof Double ? value.publishing() : null;
            if (slot != null && slot.setNumber(value.self(), v)) {
                return;
            }
            support.broker().call(new Request.Write(id, Codec.encode(v), support.interp.site()));
            return;
        }
        super.setAttribute(name, v);
    }

    @Override
    Object otherMethod(Interpreter interp, String method, Object[] args) {
        throw new par.interp.ParError("a shared value has no method '" + method
                + "' (use .value, and with s { } to update it atomically)");
    }
}
