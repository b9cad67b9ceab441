package par.proc;

import par.interp.Builtin;
import par.interp.Interpreter;
import par.wire.SyncRequest;

/** What {@code lock()} returns: a lock the hub owns, by id. {@code with l { }} holds it for the block. */
class LockHandle extends Acquirable {
    LockHandle(ProcessSupport support, long id) {
        super(support, id, id);
    }

    @Override
    Object otherMethod(Interpreter interp, String method, Object[] args) {
        if (method.equals("locked")) {
            Builtin.checkArity("locked", args, 0, 0);
            return support.broker().call(new SyncRequest.LockCount(id)).value() > 0;
        }
        return super.otherMethod(interp, method, args);
    }

    @Override
    public byte kind() {
        return KIND_LOCK;
    }

    @Override
    public String typeName() {
        return "lock";
    }
}
