package par.proc;

import par.wire.Answer;
import par.wire.Request;

/** What {@code lock()} returns: a lock the hub owns, by id. {@code with l { }} holds it for the block. */
class LockHandle extends Acquirable {
    LockHandle(ProcessSupport support, long id) {
        super(support, id, id);
    }

    @Override
    Request<Answer.Flag> acquireRequest(Request.Timeout timeout, String site) {
        return new Request.Acquire(id, timeout, site);
    }

    @Override
    Request<Answer.Done> releaseRequest(String site) {
        return new Request.Release(id, site);
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
