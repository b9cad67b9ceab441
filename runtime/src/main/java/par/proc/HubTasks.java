package par.proc;

import java.util.List;

import par.wire.Answer;
import par.wire.PoolRequest;
import par.wire.Request;

/** A pool on this machine: its tasks are the hub's, run by the worker JVMs the hub started. */
final class HubTasks implements PoolTasks {
    private final ProcessSupport support;
    private final long id;
    private final int size;

    HubTasks(ProcessSupport support, long id, int size) {
        this.support = support;
        this.id = id;
        this.size = size;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public int size() {
        return size;
    }

    /** Python's choice: about four chunks per worker, so a slow chunk is not left to the end alone. */
    @Override
    public int chunksPerWorker() {
        return 4;
    }

    @Override
    public List<Long> submit(List<byte[]> works) {
        return support.broker().call(new Request.Submit(id, works)).ids();
    }

    @Override
    public Answer.Outcome await(long task, String site) {
        return support.broker().call(new Request.AwaitTask(task, site));
    }

    @Override
    public Answer.Outcome awaitWithin(long task, Request.Timeout timeout, String site) {
        return support.broker().call(new PoolRequest.AwaitTaskWithin(task, timeout, site));
    }

    @Override
    public boolean succeeded(long task) {
        return support.broker().call(new PoolRequest.TaskSucceeded(task)).value();
    }

    @Override
    public void terminate(String site) {
        support.broker().call(new PoolRequest.TerminatePool(id, site));
    }

    @Override
    public Answer.TaskEnded awaitAny(List<Long> tasks, String site) {
        return support.broker().call(new Request.AwaitAny(tasks, site));
    }

    @Override
    public boolean done(long task) {
        return support.broker().call(new Request.TaskDone(task)).value();
    }

    @Override
    public void forget(List<Long> tasks) {
        support.broker().call(new PoolRequest.ForgetTasks(tasks));
    }

    @Override
    public void close(String site) {
        support.broker().call(new Request.ClosePool(id, site));
    }

    @Override
    public String describe() {
        return "<pool of " + size + ">";
    }
}
