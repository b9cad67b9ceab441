package par.proc;

import par.interp.Builtin;
import par.interp.ContextManager;
import par.interp.Interpreter;
import par.interp.Nil;
import par.wire.Answer;
import par.wire.Request;

/**
 * A handle to something a process can hold: a lock, a semaphore, a condition's lock, a shared
 * value's lock. One place for acquire, acquire(timeout), release and {@code with}; subclasses
 * name the hub operations and add methods of their own.
 */
abstract class Acquirable extends HubHandle implements ContextManager {
    /** Its slot in the shared memory, or null for what has none (a semaphore). */
    private final FastPath fast;

    /** lockId: the lock whose state it holds (its own id, a condition's lock); 0 for no fast path. */
    Acquirable(ProcessSupport support, long id, long lockId) {
        super(support, id);
        this.fast = lockId == 0 ? null : new FastPath(support, lockId);
    }

    /** The request that takes it: a lock's (a condition's names its lock), or a semaphore's. */
    abstract Request<Answer.Flag> acquireRequest(Request.Timeout timeout, String site);

    abstract Request<Answer.Done> releaseRequest(String site);

    @Override
    public final Object callMethod(Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "acquire":
                Builtin.checkArity("acquire", args, 0, 1);
                return acquire(interp, args.length == 0 ? Nil.NIL : args[0]);
            case "release":
                Builtin.checkArity("release", args, 0, 0);
                release(interp);
                return Nil.NIL;
            default:
                return otherMethod(interp, method, args);
        }
    }

    /** Methods beyond acquire and release; none by default. */
    Object otherMethod(Interpreter interp, String method, Object[] args) {
        throw noMethod(method);
    }

    private Object acquire(Interpreter interp, Object timeout) {
        interp.out().flush(); // lines printed before waiting come before the next holder's
        Slots.Slot slot = fast == null ? null : fast.slot();
        if (slot != null && slot.tryLock(fast.self(), fast.line())) {
            return true;
        }
        return support.broker().call(acquireRequest(ProcessSupport.timeout(timeout), interp.site())).value();
    }

    private void release(Interpreter interp) {
        interp.out().flush();
        Slots.Slot slot = fast == null ? null : fast.publishing();
        if (slot != null && slot.tryUnlock(fast.self())) {
            return;
        }
        support.broker().call(releaseRequest(interp.site()));
    }

    @Override
    public Object enter(Interpreter interp) {
        acquire(interp, Nil.NIL);
        return this;
    }

    @Override
    public void exit(Interpreter interp, boolean failed) {
        release(interp);
    }
}
