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
    /** Its slot in the shared memory. */
    final FastPath fast;

    /** slotId: the object whose slot holds its state (its own id, a condition's lock). */
    Acquirable(ProcessSupport support, long id, long slotId) {
        super(support, id);
        this.fast = new FastPath(support, slotId);
    }

    /** Takes it in the shared memory if it is free there (see {@link Slots}); false: ask the hub. */
    boolean tryFast(Slots.Slot slot) {
        return slot.tryLock(fast.self(), fast.line());
    }

    /** Gives it back in the shared memory if nobody waits; false: the hub must. */
    boolean releaseFast(Slots.Slot slot) {
        return slot.tryUnlock(fast.self());
    }

    /** The hub lock it takes: its own (a lock, an rlock, a shared value), or a condition's lock. */
    long lockId() {
        return id;
    }

    /** The request that takes it: its lock's, unless it is not a lock (a semaphore says its own). */
    Request<Answer.Flag> acquireRequest(Request.Timeout timeout, String site) {
        return new Request.Acquire(lockId(), timeout, site);
    }

    Request<Answer.Done> releaseRequest(String site) {
        return new Request.Release(lockId(), site);
    }

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
        Slots.Slot slot = fast.slot();
        if (slot != null && tryFast(slot)) {
            return true;
        }
        interp.out().flush(); // lines printed before waiting come before the next holder's
        return support.broker().call(acquireRequest(ProcessSupport.timeout(timeout), interp.site())).value();
    }

    private void release(Interpreter interp) {
        interp.out().flush(); // before the next holder's lines (free when nothing was printed)
        Slots.Slot slot = fast.publishing();
        if (slot != null && releaseFast(slot)) {
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
