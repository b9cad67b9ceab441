package par.hub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import par.launch.ChildConn;
import par.wire.Answer;
import par.wire.HubMessage;
import par.wire.PoolRequest;
import par.wire.Request;
import par.wire.Request.Reply;
import par.wire.WireException;

/**
 * The hub's part for pools: starting their workers, queueing tasks and handing them out,
 * answering those who wait for tasks, cancelling the rest of a failed map, replacing a worker
 * that died, and letting the workers go when a closed pool has no work left. Runs under the
 * hub's monitor.
 */
final class Pools implements PoolRequest.Handler<HubProcess> {
    private final Hub hub;
    private final Map<Long, HubPool> pools = new java.util.TreeMap<>(); // by id: a schedule hands out in this order
    private final Map<Long, HubTask> tasks = new HashMap<>();
    private int workerCount;

    Pools(Hub hub) {
        this.hub = hub;
    }

    /** maxTasks: how many tasks a worker runs before a new one takes its place (0: no limit). */
    void newPool(long size, long maxTasks, byte[] image, String name, Reply<Answer.Id> r) {
        String refusal = hub.processes.overLimit(size, "a pool of " + size);
        if (refusal != null) {
            r.fail(refusal);
            return;
        }
        long id = hub.nextId();
        HubPool pool = new HubPool(id, hub.names.label("pool", id, name), image, hub);
        pool.maxTasks = maxTasks;
        pools.put(pool.id, pool);
        try {
            for (long i = 0; i < size; i++) {
                addWorker(pool);
            }
        } catch (IOException e) {
            r.fail("cannot start a pool worker: " + e.getMessage());
            return;
        }
        r.ok(new Answer.Id(pool.id));
    }

    private void addWorker(HubPool pool) throws IOException {
        ChildConn conn = hub.launcher.take(false, true);
        HubProcess w = new HubProcess(hub.nextId(), "w" + (++workerCount), conn.pid(), conn);
        w.pool = pool;
        hub.procs.put(w.id, w);
        conn.own(w);
        conn.send(new HubMessage.Worker(w.id, w.name, hub.childSeed(w.id), hub.childSlots(), pool.image));
        pool.workers.add(w);
        pool.idle.add(w);
        pool.dispatch();
    }

    /** Queues a task per work (all of them, then hands them out), and answers their ids. */
    void submit(HubProcess from, Request.Submit s, Reply<Answer.Ids> r) {
        HubPool pool = Hub.find(pools, s.pool(), "pool");
        if (pool.closed) {
            r.fail("the pool is closed");
            return;
        }
        List<Long> ids = new ArrayList<>(s.works().size());
        List<HubTask> batch = new ArrayList<>(s.works().size());
        for (byte[] work : s.works()) {
            HubTask t = new HubTask(hub.nextId(), pool, work, batch, from);
            tasks.put(t.id, t);
            pool.queued.add(t);
            pool.unfinished.add(t);
            ids.add(t.id);
        }
        pool.dispatch();
        r.ok(new Answer.Ids(ids));
    }

    @Override
    public void newPoolWith(HubProcess from, PoolRequest.NewPoolWith n, Reply<Answer.Id> r) {
        newPool(n.size(), n.maxTasks(), n.image(), n.name(), r);
    }

    @Override
    public void awaitTaskWithin(HubProcess from, PoolRequest.AwaitTaskWithin a, Reply<Answer.Outcome> r) {
        awaitTask(from, a.task(), a.timeout(), a.site(), r);
    }

    @Override
    public void taskSucceeded(HubProcess from, PoolRequest.TaskSucceeded s, Reply<Answer.Flag> r) {
        HubTask t = task(s.task());
        if (!t.done) {
            r.fail(par.proc.PoolTasks.STILL_RUNNING);
            return;
        }
        r.ok(Answer.Flag.of(t.outcome instanceof Answer.Results));
    }

    /** timeout: null to wait as long as it takes; else refused once it has passed. */
    void awaitTask(HubProcess from, long task, Request.Timeout timeout, String site, Reply<Answer.Outcome> r) {
        HubTask t = task(task);
        if (t.done) {
            r.ok(t.outcome);
            return;
        }
        hub.park(from, r, null, "waits for a pool task", site, null, t.waiters, timeout, timeout == null ? null : w -> {
            t.waiters.remove(w);
            w.fail(par.proc.PoolTasks.notEndedAfter(timeout));
        });
    }

    /**
     * terminate(): the workers are killed at once (their deaths are no failures to report),
     * every task not ended fails, and the pool is closed.
     */
    @Override
    public void terminatePool(HubProcess from, PoolRequest.TerminatePool t, Reply<Answer.Done> r) {
        HubPool pool = Hub.find(pools, t.pool(), "pool");
        hub.trace.event(from, "terminate", pool, t.site());
        pool.closed = true;
        for (HubTask task : new ArrayList<>(pool.unfinished)) {
            if (!task.done) {
                task.cancelled = true;
                settle(task, new Answer.TaskFailed(-1, "the pool was terminated", List.of(), "", 0));
            }
        }
        pool.unfinished.clear();
        pool.queued.clear();
        for (HubProcess w : pool.workers) {
            if (!w.retiring && w.conn != null) {
                w.retiring = true;
                w.conn.process.destroyForcibly();
            }
        }
        retireIfDone(pool);
        r.ok(Answer.Done.DONE);
    }

    /** Answers with the first of the tasks to end (in the order given, if several have). */
    void awaitAny(HubProcess from, Request.AwaitAny a, Reply<Answer.TaskEnded> r) {
        List<HubTask> list = new ArrayList<>();
        for (long id : a.tasks()) {
            HubTask t = task(id);
            if (t.done) {
                r.ok(new Answer.TaskEnded(t.id, t.outcome));
                return;
            }
            list.add(t);
        }
        Waiter w = hub.park(from, r, null, "waits for a pool task", a.site(), null, null, null, null);
        w.any = true;
        for (HubTask t : list) {
            t.waiters.add(w);
        }
    }

    void taskDone(Request.TaskDone t, Reply<Answer.Flag> r) {
        r.ok(Answer.Flag.of(task(t.task()).done));
    }

    private HubTask task(long id) {
        return Hub.find(tasks, id, "task");
    }

    /** A worker's task ended, with its results or its failure. */
    void taskFinished(HubProcess worker, Answer.Outcome outcome) {
        HubTask t = worker.task;
        if (t == null) {
            throw new WireException("a task result from " + worker.name + ", which has no task");
        }
        String how = t.cancelled ? " (discarded)" : outcome instanceof Answer.Results ? "" : " (failed)";
        hub.trace.event(worker, "task end", "task", "task#" + t.id + how, "", -1, null);
        worker.task = null;
        t.pool.unfinished.remove(t);
        if (!t.cancelled) {
            completeTask(t, outcome);
        }
        HubPool pool = worker.pool;
        if (!replaced(worker)) {
            pool.idle.add(worker); // after the failed task's batch is cancelled, so none of it comes next
        }
        pool.dispatch();
        retireIfDone(pool);
        hub.deadlocks.check();
        hub.scheduleNext();
    }

    /**
     * A worker that has run its pool's maxtasksperchild tasks retires, and a new one from the
     * same image takes its place; true if so.
     */
    private boolean replaced(HubProcess worker) {
        HubPool pool = worker.pool;
        if (pool.maxTasks == 0 || pool.closed || pool.tasksRun.merge(worker, 1, Integer::sum) < pool.maxTasks) {
            return false;
        }
        pool.tasksRun.remove(worker);
        pool.workers.remove(worker);
        worker.retiring = true;
        worker.conn.close();
        try {
            addWorker(pool);
        } catch (IOException e) {
            hub.warn("could not replace worker " + worker.name + ": " + e.getMessage());
        }
        return true;
    }

    /**
     * Under a schedule, tasks are handed out only here, when no process is running, to the idle
     * workers in the order of their ids: so who runs what is the same in every run. True if any
     * task was handed out.
     */
    boolean handOut() {
        boolean any = false;
        for (HubPool pool : pools.values()) {
            any |= pool.handOut();
        }
        return any;
    }

    /** A task ended (its worker has let it go): whoever waits is answered; a failure cancels the rest of its batch. */
    private void completeTask(HubTask t, Answer.Outcome outcome) {
        settle(t, outcome);
        if (!(outcome instanceof Answer.Results)) {
            cancelLater(t);
        }
    }

    private void settle(HubTask t, Answer.Outcome outcome) {
        t.done = true;
        t.outcome = outcome;
        for (Waiter w : t.waiters) {
            if (!w.done) {
                w.ok(w.any ? new Answer.TaskEnded(t.id, outcome) : outcome);
            }
        }
        t.waiters.clear();
        if (t.forgotten) {
            tasks.remove(t.id);
        }
    }

    /**
     * The process that submitted these tasks will not ask about them again: the records of
     * those ended go now, the others' as they end. Without it the hub kept every task's work
     * and outcome for the whole run, and a loop of maps grew the root's heap without end.
     */
    @Override
    public void forgetTasks(HubProcess from, PoolRequest.ForgetTasks f, Reply<Answer.Done> r) {
        for (long id : f.tasks()) {
            HubTask t = tasks.get(id);
            if (t != null && t.owner == from) {
                forget(t);
            }
        }
        r.ok(Answer.Done.DONE);
    }

    /** Process p has ended: nobody can ask about the tasks it submitted (their handles stay in it). */
    void ownerEnded(HubProcess p) {
        for (HubTask t : new ArrayList<>(tasks.values())) {
            if (t.owner == p) {
                forget(t);
            }
        }
    }

    private void forget(HubTask t) {
        if (t.done) {
            tasks.remove(t.id);
        } else {
            t.forgotten = true;
        }
    }

    /** How many tasks the hub keeps a record of (for the tests of forgetting). */
    int taskRecords() {
        synchronized (hub) {
            return tasks.size();
        }
    }

    /**
     * The tasks of a failed task's batch that come after it will never be looked at: map raises
     * the first failure in the order of the items, having collected those before it. So the
     * queued ones leave the pool's queue (the next map need not wait behind them), and a running
     * one's result will be dropped; its worker finishes it, as a Python pool's would.
     */
    private void cancelLater(HubTask failed) {
        for (HubTask t : failed.batch.subList(failed.position + 1, failed.batch.size())) {
            if (!t.done) {
                t.cancelled = true;
                settle(t, Answer.Cancelled.CANCELLED);
            }
        }
        // at once rather than one by one: imap_unordered makes a task of every item
        HubPool pool = failed.pool;
        pool.queued.removeIf(t -> t.cancelled);
        pool.unfinished.removeIf(t -> t.cancelled && t.worker == null);
    }

    void close(HubProcess from, Request.ClosePool c, Reply<Answer.Done> r) {
        HubPool pool = Hub.find(pools, c.pool(), "pool");
        pool.closed = true;
        if (pool.unfinished.isEmpty()) {
            retireIfDone(pool);
            r.ok(Answer.Done.DONE);
            return;
        }
        hub.park(from, r, null, "waits for a pool to finish its tasks", c.site(), null, pool.closers, null, null);
    }

    /** The program ends: every pool closes; unless it ended well, with its queued work dropped. */
    void closeAll(boolean finishWork) {
        for (HubPool pool : pools.values()) {
            pool.closed = true;
            if (!finishWork) {
                pool.unfinished.clear();
            }
            retireIfDone(pool);
        }
    }

    /** A closed pool with no work left lets its workers go. */
    private void retireIfDone(HubPool pool) {
        if (!pool.closed || !pool.unfinished.isEmpty()) {
            return;
        }
        for (HubProcess w : pool.workers) {
            if (!w.retiring) {
                w.retiring = true;
                w.conn.close();
            }
        }
        for (Waiter c : pool.closers) {
            if (!c.done) {
                c.ok(Answer.Done.DONE);
            }
        }
        pool.closers.clear();
    }

    /**
     * A worker died: its task fails (naming it; how: "was killed by signal 9 (SIGKILL)"), so the
     * rest of its map is cancelled, and unless the pool is closed a new worker takes its place.
     */
    void workerDied(HubProcess w, String how) {
        HubPool pool = w.pool;
        pool.workers.remove(w);
        pool.idle.remove(w);
        if (w.task != null) {
            HubTask t = w.task;
            w.task = null;
            pool.unfinished.remove(t);
            if (!t.cancelled) {
                completeTask(t, new Answer.TaskFailed(-1, how, List.of(), w.name, w.pid));
            }
        }
        if (!pool.closed) {
            try {
                addWorker(pool);
            } catch (IOException e) {
                hub.warn("could not replace worker " + w.name + ": " + e.getMessage());
            }
        }
        retireIfDone(pool);
    }
}
