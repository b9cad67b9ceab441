package par.proc;

import par.interp.ParList;

/** What {@code pool.submit(f, args...)} returns: a task that {@code join} waits for; {@code .done} says if it has ended. */
final class TaskHandle extends HubHandle {
    private final PoolTasks tasks;
    private final ParList chunk;
    /** The function it calls, which its error names. */
    private final Object fn;

    TaskHandle(ProcessSupport support, PoolTasks tasks, long id, ParList chunk, Object fn) {
        super(support, id);
        this.tasks = tasks;
        this.chunk = chunk;
        this.fn = fn;
    }

    @Override
    public byte kind() {
        return KIND_TASK;
    }

    @Override
    public boolean travels() {
        return false;
    }

    @Override
    public String typeName() {
        return "task";
    }

    @Override
    public Object getAttribute(String name) {
        if (name.equals("done")) {
            return tasks.done(id);
        }
        return super.getAttribute(name);
    }

    Object join(String site) {
        support.interp.out().flush();
        return PoolHandle.outcome(support, tasks.await(id, site), chunk, fn, true).get(0);
    }
}
