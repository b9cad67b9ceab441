package par.hub;

import par.wire.Answer.ConditionMade;
import par.wire.Answer.Count;
import par.wire.Answer.Done;
import par.wire.Answer.Flag;
import par.wire.Answer.Id;
import par.wire.Answer.Ids;
import par.wire.Answer.Outcome;
import par.wire.Answer.ProcessState;
import par.wire.Answer.Spawned;
import par.wire.Answer.TaskEnded;
import par.wire.Answer.Value;
import par.wire.Codec;
import par.wire.PipeRequest;
import par.wire.PoolRequest;
import par.wire.ProcessRequest;
import par.wire.QueueRequest;
import par.wire.Request;
import par.wire.SyncRequest;
import par.wire.Request.Reply;

/**
 * The hub's table of contents: for each request, the part of the hub that serves it. Called
 * under the hub's monitor, from {@link Hub#handle}.
 */
final class Requests implements Request.Handler<HubProcess> {
    private final Hub hub;
    private final Processes processes;
    private final Locks locks;
    private final Queues queues;
    private final Pools pools;

    Requests(Hub hub) {
        this.hub = hub;
        this.processes = hub.processes;
        this.locks = hub.locks;
        this.queues = hub.queues;
        this.pools = hub.pools;
    }

    // processes

    @Override
    public void spawn(HubProcess from, Request.Spawn s, Reply<Spawned> r) {
        processes.spawn(from, s, r);
    }

    @Override
    public void join(HubProcess from, Request.Join j, Reply<Value> r) {
        processes.join(from, j, r);
    }

    @Override
    public void info(HubProcess from, Request.Info i, Reply<ProcessState> r) {
        processes.info(i, r);
    }

    @Override
    public void terminate(HubProcess from, Request.Terminate t, Reply<Done> r) {
        processes.terminate(t, r);
    }

    @Override
    public void kill(HubProcess from, ProcessRequest.Kill k, Reply<Done> r) {
        processes.kill(from, k, r);
    }

    @Override
    public void daemon(HubProcess from, ProcessRequest.Daemon d, Reply<Flag> r) {
        processes.daemon(d, r);
    }

    @Override
    public void me(HubProcess from, ProcessRequest.Me m, Reply<Spawned> r) {
        r.ok(new Spawned(from.id, from.pid, from.name));
    }

    @Override
    public void children(HubProcess from, ProcessRequest.Children c, Reply<Value> r) {
        processes.children(from, r);
    }

    @Override
    public void parent(HubProcess from, ProcessRequest.Parent p, Reply<Count> r) {
        processes.parent(from, r);
    }

    // locks and shared values

    @Override
    public void newLock(HubProcess from, Request.NewLock n, Reply<Id> r) {
        r.ok(new Id(locks.newLock(n.name()).id));
    }

    @Override
    public void acquire(HubProcess from, Request.Acquire a, Reply<Flag> r) {
        locks.acquire(from, a, r);
    }

    @Override
    public void release(HubProcess from, Request.Release rel, Reply<Done> r) {
        locks.release(from, rel, r);
    }

    @Override
    public void newShared(HubProcess from, Request.NewShared n, Reply<Id> r) {
        locks.newShared(n, r);
    }

    @Override
    public void read(HubProcess from, Request.Read rd, Reply<Value> r) {
        locks.read(from, rd, r);
    }

    @Override
    public void write(HubProcess from, Request.Write w, Reply<Done> r) {
        locks.write(from, w, r);
    }

    @Override
    public void newRLock(HubProcess from, SyncRequest.NewRLock n, Reply<Id> r) {
        r.ok(new Id(locks.newRLock(n.name()).id));
    }

    @Override
    public void lockCount(HubProcess from, SyncRequest.LockCount c, Reply<Count> r) {
        locks.lockCount(c, r);
    }

    // queues

    @Override
    public void newQueue(HubProcess from, Request.NewQueue n, Reply<Id> r) {
        queues.newQueue(n, r);
    }

    @Override
    public void put(HubProcess from, Request.Put p, Reply<Done> r) {
        queues.put(from, p.queue(), p.item(), p.site(), r);
    }

    @Override
    public void get(HubProcess from, Request.Get g, Reply<par.wire.Answer.Items> r) {
        queues.get(from, g, r);
    }

    @Override
    public void size(HubProcess from, Request.Size s, Reply<Count> r) {
        queues.size(s, r);
    }

    @Override
    public void putWithin(HubProcess from, QueueRequest.PutWithin p, Reply<Done> r) {
        queues.putWithin(from, p, r);
    }

    @Override
    public void newJoinableQueue(HubProcess from, QueueRequest.NewJoinableQueue n, Reply<Id> r) {
        queues.newJoinableQueue(n, r);
    }

    @Override
    public void itemDone(HubProcess from, QueueRequest.ItemDone d, Reply<Done> r) {
        queues.itemDone(from, d, r);
    }

    @Override
    public void joinQueue(HubProcess from, QueueRequest.JoinQueue j, Reply<Done> r) {
        queues.joinQueue(from, j, r);
    }

    // pipes

    @Override
    public void newPipe(HubProcess from, PipeRequest.NewPipe n, Reply<Ids> r) {
        queues.newPipe(n, r);
    }

    @Override
    public void send(HubProcess from, PipeRequest.Send s, Reply<Done> r) {
        queues.send(from, s, r);
    }

    @Override
    public void recv(HubProcess from, PipeRequest.Recv rc, Reply<Value> r) {
        queues.recv(from, rc, r);
    }

    @Override
    public void poll(HubProcess from, PipeRequest.Poll p, Reply<Flag> r) {
        queues.poll(from, p, r);
    }

    @Override
    public void closeEnd(HubProcess from, PipeRequest.CloseEnd c, Reply<Done> r) {
        queues.closeEnd(from, c, r);
    }

    // pools

    @Override
    public void newPool(HubProcess from, Request.NewPool n, Reply<Id> r) {
        pools.newPool(n.size(), 0, n.image(), n.name(), r);
    }

    @Override
    public void submit(HubProcess from, Request.Submit s, Reply<Ids> r) {
        pools.submit(s, r);
    }

    @Override
    public void awaitTask(HubProcess from, Request.AwaitTask a, Reply<Outcome> r) {
        pools.awaitTask(from, a.task(), null, a.site(), r);
    }

    @Override
    public void awaitAny(HubProcess from, Request.AwaitAny a, Reply<TaskEnded> r) {
        pools.awaitAny(from, a, r);
    }

    @Override
    public void taskDone(HubProcess from, Request.TaskDone t, Reply<Flag> r) {
        pools.taskDone(t, r);
    }

    @Override
    public void closePool(HubProcess from, Request.ClosePool c, Reply<Done> r) {
        pools.close(from, c, r);
    }

    @Override
    public void newPoolWith(HubProcess from, PoolRequest.NewPoolWith n, Reply<Id> r) {
        pools.newPool(n.size(), n.maxTasks(), n.image(), n.name(), r);
    }

    @Override
    public void terminatePool(HubProcess from, PoolRequest.TerminatePool t, Reply<Done> r) {
        pools.terminate(from, t, r);
    }

    @Override
    public void awaitTaskWithin(HubProcess from, PoolRequest.AwaitTaskWithin a, Reply<Outcome> r) {
        pools.awaitTask(from, a.task(), a.timeout(), a.site(), r);
    }

    // semaphores, events, barriers, conditions

    @Override
    public void newSemaphore(HubProcess from, Request.NewSemaphore n, Reply<Id> r) {
        locks.newSemaphore(n.permits(), n.name(), false, r);
    }

    @Override
    public void semAcquire(HubProcess from, Request.SemAcquire a, Reply<Flag> r) {
        locks.semAcquire(from, a, r);
    }

    @Override
    public void semRelease(HubProcess from, Request.SemRelease rel, Reply<Done> r) {
        locks.semRelease(from, rel, r);
    }

    @Override
    public void newBoundedSemaphore(HubProcess from, SyncRequest.NewBoundedSemaphore n, Reply<Id> r) {
        locks.newSemaphore(n.permits(), n.name(), true, r);
    }

    @Override
    public void semValue(HubProcess from, SyncRequest.SemValue v, Reply<Count> r) {
        locks.semValue(v, r);
    }

    @Override
    public void newBarrierWith(HubProcess from, SyncRequest.NewBarrierWith n, Reply<Id> r) {
        locks.newBarrier(n.parties(), n.action().length == 0 ? null : n.action(), n.timeout(), n.name(), r);
    }

    @Override
    public void barrierAction(HubProcess from, SyncRequest.BarrierAction a, Reply<Value> r) {
        locks.barrierAction(from, a, r);
    }

    @Override
    public void actionDone(HubProcess from, SyncRequest.ActionDone d, Reply<Done> r) {
        locks.actionDone(from, d, r);
    }

    @Override
    public void abortBarrier(HubProcess from, SyncRequest.AbortBarrier a, Reply<Done> r) {
        locks.abortBarrier(from, a, r);
    }

    @Override
    public void resetBarrier(HubProcess from, SyncRequest.ResetBarrier a, Reply<Done> r) {
        locks.resetBarrier(from, a, r);
    }

    @Override
    public void barrierState(HubProcess from, SyncRequest.BarrierState s, Reply<Count> r) {
        locks.barrierState(s, r);
    }

    @Override
    public void newEvent(HubProcess from, Request.NewEvent n, Reply<Id> r) {
        locks.newEvent(n, r);
    }

    @Override
    public void setEvent(HubProcess from, Request.SetEvent s, Reply<Done> r) {
        locks.setEvent(s, r);
    }

    @Override
    public void isSet(HubProcess from, Request.IsSet i, Reply<Flag> r) {
        locks.isSet(i, r);
    }

    @Override
    public void awaitEvent(HubProcess from, Request.AwaitEvent a, Reply<Flag> r) {
        locks.awaitEvent(from, a, r);
    }

    @Override
    public void newBarrier(HubProcess from, Request.NewBarrier n, Reply<Id> r) {
        locks.newBarrier(n.parties(), null, null, n.name(), r);
    }

    @Override
    public void awaitBarrier(HubProcess from, Request.AwaitBarrier a, Reply<Count> r) {
        locks.awaitBarrier(from, a, r);
    }

    @Override
    public void newCondition(HubProcess from, Request.NewCondition n, Reply<ConditionMade> r) {
        locks.newCondition(n, r);
    }

    @Override
    public void awaitCondition(HubProcess from, Request.AwaitCondition a, Reply<Flag> r) {
        locks.awaitCondition(from, a, r);
    }

    @Override
    public void notify(HubProcess from, Request.Notify n, Reply<Done> r) {
        locks.notify(from, n, r);
    }

    // time and turns, which only a scheduled run sends

    @Override
    public void sleep(HubProcess from, Request.Sleep s, Reply<Done> r) {
        hub.trace.event(from, "sleep", Hub.seconds(s.duration()), s.site());
        hub.park(from, r, null, "sleeps " + Hub.seconds(s.duration()), s.site(), null, null, s.duration(),
                w -> w.ok(Done.DONE));
    }

    @Override
    public void now(HubProcess from, Request.Now n, Reply<Value> r) {
        r.ok(new Value(Codec.encode(hub.now())));
    }

    @Override
    public void turn(HubProcess from, Request.Turn t, Reply<Done> r) {
        r.ok(Done.DONE);
    }
}
