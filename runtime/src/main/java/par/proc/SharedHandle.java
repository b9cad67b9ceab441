package par.proc;

import par.interp.Interpreter;
import par.wire.Codec;
import par.wire.Request;

/**
 * What {@code shared(v)} returns: one value every process sees through the hub. Reading and
 * writing {@code s.value} are each atomic; {@code with s { }} holds the value's own lock so a
 * read-modify-write is atomic too.
 */
final class SharedHandle extends LockHandle {
    SharedHandle(ProcessSupport support, long id) {
        super(support, id);
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
            return support.decode(support.broker().call(new Request.Read(id, support.interp.site())).encoded());
        }
        return super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (name.equals("value")) {
            support.broker().call(new Request.Write(id, Codec.encode(value), support.interp.site()));
            return;
        }
        super.setAttribute(name, value);
    }

    @Override
    Object otherMethod(Interpreter interp, String method, Object[] args) {
        throw new par.interp.ParError("a shared value has no method '" + method
                + "' (use .value, and with s { } to update it atomically)");
    }
}
