package par.proc;

import par.interp.ParList;
import par.interp.ParObject;

/** What {@code pool.submit(f, args...)} returns: a task that {@code join} waits for; {@code .done} says if it has ended. */
final class TaskHandle implements ParObject, Handle {
    private final ProcessSupport support;
    private final long id;
    private final ParList chunk;

    TaskHandle(ProcessSupport support, long id, ParList chunk) {
        this.support = support;
        this.id = id;
        this.chunk = chunk;
    }

    @Override
    public byte kind() {
        return KIND_TASK;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String typeName() {
        return "task";
    }

    @Override
    public Object getAttribute(String name) {
        if (name.equals("done")) {
            return support.broker().call(Op.POOL_DONE, id);
        }
        return ParObject.super.getAttribute(name);
    }

    Object join() {
        support.interp.out().flush();
        return PoolHandle.outcome(support, support.broker().call(Op.POOL_WAIT, id, support.interp.site), chunk).get(0);
    }

    @Override
    public String toString() {
        return "<task#" + id + ">";
    }
}
