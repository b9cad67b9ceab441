package par.hub;

import par.wire.Answer.ConditionMade;
import par.wire.Answer.Count;
import par.wire.Answer.Done;
import par.wire.Answer.Flag;
import par.wire.Answer.Id;
import par.wire.Answer.Ids;
import par.wire.Answer.Outcome;
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

    // the families kept in files of their own: each is served by one part

    @Override
    public ProcessRequest.Handler<HubProcess> processRequests() {
        return processes;
    }

    @Override
    public SyncRequest.Handler<HubProcess> syncRequests() {
        return locks;
    }

    @Override
    public QueueRequest.Handler<HubProcess> queueRequests() {
        return queues;
    }

    @Override
    public PipeRequest.Handler<HubProcess> pipeRequests() {
        return queues;
    }

    @Override
    public PoolRequest.Handler<HubProcess> poolRequests() {
        return pools;
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

    // pools

    @Override
    public void newPool(HubProcess from, Request.NewPool n, Reply<Id> r) {
        pools.newPool(n.size(), 0, n.image(), n.name(), r);
    }

    @Override
    public void submit(HubProcess from, Request.Submit s, Reply<Ids> r) {
        pools.submit(from, s, r);
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

    @Override
    public void label(HubProcess from, Request.Label l, Reply<Value> r) {
        r.ok(new Value(Codec.encode(hub.names.of(l.object()))));
    }
}
