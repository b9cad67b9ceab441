package par.proc;

import par.interp.Builtin;
import par.interp.ContextManager;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.ParObject;

/** What {@code lock()} returns: a lock the hub owns, by id. {@code with l { }} holds it for the block. */
class LockHandle implements ParObject, Handle, ContextManager {
    final ProcessSupport support;
    final long id;

    LockHandle(ProcessSupport support, long id) {
        this.support = support;
        this.id = id;
    }

    @Override
    public byte kind() {
        return KIND_LOCK;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String typeName() {
        return "lock";
    }

    @Override
    public Object callMethod(Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "acquire":
                Builtin.checkArity("acquire", args, 0, 1);
                interp.out().flush();
                return support.broker().call(Op.ACQUIRE, id, args.length == 0 ? Nil.NIL : args[0], interp.site);
            case "release":
                Builtin.checkArity("release", args, 0, 0);
                interp.out().flush();
                support.broker().call(Op.RELEASE, id);
                return Nil.NIL;
            default:
                throw new ParError(par.interp.Values.aType(this) + " has no method '" + method + "'");
        }
    }

    @Override
    public Object enter(Interpreter interp, int line) {
        interp.out().flush();
        support.broker().call(Op.ACQUIRE, id, Nil.NIL, interp.site);
        return this;
    }

    @Override
    public void exit(Interpreter interp, boolean failed) {
        interp.out().flush();
        support.broker().call(Op.RELEASE, id);
    }

    @Override
    public String toString() {
        return "<lock#" + id + ">";
    }
}
