package par.proc;

import par.interp.ParList;

/** What {@code pool.submit(f, args...)} returns: a task that {@code join} waits for; {@code .done} says if it has ended. */
final class TaskHandle extends HubHandle {
    private final PoolTasks tasks;
    private final ParList chunk;
    /** The function it calls, which its error names. */
    private final Object fn;
    /** How it ended, once this process has heard (the hub has then forgotten it); else null. */
    private par.wire.Answer.Outcome ended;
    /** Set by a submit: the task is forgotten if this handle is dropped before it has the outcome. */
    DroppedTasks.Watch watch;

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
            return ended != null || tasks.done(id);
        }
        return super.getAttribute(name);
    }

    Object join(String site) {
        support.interp.out().flush();
        return result(ended != null ? ended : kept(tasks.await(id, site)));
    }

    /** t.get(timeout): the result, or an error once the time-out passes; t.wait(timeout): whether it ended in time. */
    @Override
    public Object callMethod(par.interp.Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "get":
                par.interp.Builtin.checkArity("get", args, 0, 1);
                if (args.length == 0 || args[0] == par.interp.Nil.NIL || ended != null) {
                    return join(interp.site());
                }
                interp.out().flush();
                return result(within(args[0], interp.site()));
            case "wait":
                par.interp.Builtin.checkArity("wait", args, 0, 1);
                interp.out().flush();
                if (ended != null) {
                    return true;
                }
                if (args.length == 0 || args[0] == par.interp.Nil.NIL) {
                    kept(tasks.await(id, interp.site()));
                    return true;
                }
                try {
                    within(args[0], interp.site());
                    return true;
                } catch (par.interp.ParError e) {
                    return false; // the one refusal a wait for an existing task gets: the time-out
                }
            case "successful":
                par.interp.Builtin.checkArity("successful", args, 0, 0);
                return ended != null ? ended instanceof par.wire.Answer.Results : tasks.succeeded(id);
            default:
                return super.callMethod(interp, method, args);
        }
    }

    private Object result(par.wire.Answer.Outcome outcome) {
        return PoolHandle.outcome(support, outcome, chunk, fn, true).get(0);
    }

    private par.wire.Answer.Outcome within(Object timeout, String site) {
        return kept(tasks.awaitWithin(id, ProcessSupport.timeout(timeout), site));
    }

    /**
     * The task's outcome, kept here once it has come: the handle answers every later question
     * itself, and the hub lets its record go.
     */
    private par.wire.Answer.Outcome kept(par.wire.Answer.Outcome outcome) {
        ended = outcome;
        if (watch != null) {
            watch.settled();
        }
        PoolHandle.forget(tasks, java.util.List.of(id));
        return outcome;
    }
}
