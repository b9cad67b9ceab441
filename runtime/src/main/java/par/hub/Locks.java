package par.hub;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import par.wire.Answer;
import par.wire.Request;
import par.wire.Request.Reply;
import par.wire.SyncRequest;

/**
 * The hub's part for what a process can hold or wait on that is not a queue or a pool: locks,
 * shared values (each with its guard lock), semaphores, events, barriers and conditions. Runs
 * under the hub's monitor.
 */
final class Locks implements SyncRequest.Handler<HubProcess> {
    private final Hub hub;
    private final Map<Long, HubLock> locks = new HashMap<>();
    private final Map<Long, HubShared> shared = new HashMap<>();
    private final Map<Long, HubSync.Semaphore> semaphores = new HashMap<>();
    private final Map<Long, HubSync.Event> events = new HashMap<>();
    private final Map<Long, HubSync.Barrier> barriers = new HashMap<>();
    private final Map<Long, HubCondition> conditions = new HashMap<>();

    Locks(Hub hub) {
        this.hub = hub;
    }

    // ------------------------------------------------------------ locks

    HubLock newLock(String name) {
        long id = hub.nextId();
        return newLock(id, hub.names.label("lock", id, name));
    }

    /** A re-entrant lock: a lock that counts how often its holder has taken it. */
    @Override
    public void newRLock(HubProcess from, SyncRequest.NewRLock n, Reply<Answer.Id> r) {
        long id = hub.nextId();
        HubLock l = newLock(id, hub.names.label("rlock", id, n.name()));
        l.reentrant = true;
        r.ok(new Answer.Id(id));
    }

    @Override
    public void lockCount(HubProcess from, SyncRequest.LockCount c, Reply<Answer.Count> r) {
        HubLock l = lock(c.lock());
        r.ok(new Answer.Count(l.holder() == null ? 0 : l.reentrant ? l.depth : 1));
    }

    /** A lock that goes by the name of what it guards: a shared value's, a condition's. */
    private HubLock newLock(long id, String label) {
        return newLock(id, label, id);
    }

    /** slotId: whose slot holds its state (a shared value's guard lives in the value's slot). */
    private HubLock newLock(long id, String label, long slotId) {
        HubLock l = new HubLock(id, label, hub.slots().slotForHub(slotId), hub);
        locks.put(id, l);
        return l;
    }

    /** The locks process p holds, as their slots say. */
    java.util.List<HubLock> heldBy(HubProcess p) {
        java.util.List<HubLock> held = new java.util.ArrayList<>();
        for (HubLock l : locks.values()) {
            if (l.holder() == p) {
                held.add(l);
            }
        }
        held.sort(java.util.Comparator.comparingLong(l -> l.id));
        return held;
    }

    /** A lock by id; a shared value's id names its guard lock (for {@code with s { }}). */
    private HubLock lock(long id) {
        HubShared s = shared.get(id);
        return s != null ? s.guard : Hub.find(locks, id, "lock");
    }

    void acquire(HubProcess from, Request.Acquire a, Reply<Answer.Flag> r) {
        HubLock l = lock(a.lock());
        if (l.holder() == from && l.reentrant) {
            l.depth++;
            hub.trace.event(from, "acquire", l, a.site());
            r.ok(Answer.Flag.TRUE);
            return;
        }
        if (l.holder() == from) {
            r.fail(l.described() + " is already held by this process (a lock cannot be acquired twice)");
            return;
        }
        if (noWait(a.timeout())) {
            r.ok(Answer.Flag.of(l.tryTake(from, a.site())));
            return;
        }
        if (l.takeOrWait(from, a.site())) {
            r.ok(Answer.Flag.TRUE);
            return;
        }
        hub.trace.event(from, "wait", l, a.site());
        hub.park(from, r, null, "waits for " + l.label, a.site(), l, l.waiters, a.timeout(), w -> {
            l.leave(w);
            w.ok(Answer.Flag.FALSE);
        });
    }

    /** What a time-out does to a wait for a lock, a permit or an event: it leaves, answered false. */
    private static Consumer<Waiter> falseFrom(Collection<Waiter> line) {
        return w -> {
            line.remove(w);
            w.ok(Answer.Flag.FALSE);
        };
    }

    /** A time-out of zero or less: take it if free, else answer false at once. */
    private static boolean noWait(Request.Timeout timeout) {
        return timeout != null && timeout.seconds() <= 0;
    }

    void release(HubProcess from, Request.Release rel, Reply<Answer.Done> r) {
        HubLock l = lock(rel.lock());
        HubProcess holder = l.holder();
        if (holder != from) {
            String state = holder == null ? "it is not held" : "it is held by " + holder.describe();
            r.fail("cannot release " + l.described() + ": " + state);
            return;
        }
        if (l.reentrant && l.depth > 1) {
            l.depth--; // an rlock taken again: still held
            hub.trace.event(from, "release", l, rel.site());
        } else {
            l.release(from);
        }
        r.ok(Answer.Done.DONE);
    }

    /** A process ended: the locks and permits it held are freed, a barrier it waited at breaks. */
    void holderDied(HubProcess p) {
        for (HubLock l : heldBy(p)) {
            l.holderDied(p);
        }
        for (HubShared s : shared.values()) {
            s.slot.clearWriter(p.id);
        }
        for (HubSync.Semaphore sem : semaphores.values()) {
            sem.holderDied(p);
        }
        for (HubSync.Barrier b : barriers.values()) {
            if (b.arrived.stream().anyMatch(w -> w.proc == p)) {
                b.breakFor(p.name + " died while waiting at it");
            } else if (b.passing == p) {
                b.breakFor(p.name + " died running its action");
            }
        }
    }

    /** The main program stopped waiting: a barrier it waited at breaks, as Python's does. */
    void withdrawn(Waiter w) {
        for (HubSync.Barrier b : barriers.values()) {
            if (b.arrived.remove(w)) {
                b.breakFor(hub.root.name + " stopped waiting at it (interrupted)");
            }
        }
    }

    // ------------------------------------------------------------ shared values

    void newShared(Request.NewShared n, Reply<Answer.Id> r) {
        long id = hub.nextId();
        String label = hub.names.label("shared", id, n.name());
        shared.put(id, new HubShared(id, label, n.value(), newLock(hub.nextId(), label, id), hub.slots().slotForHub(id)));
        r.ok(new Answer.Id(id));
    }

    void read(HubProcess from, Request.Read rd, Reply<Answer.Value> r) {
        HubShared s = Hub.find(shared, rd.shared(), "shared value");
        byte[] value = s.value();
        hub.trace.event(from, "read", s, rd.site(), -1, () -> hub.shown.value(value));
        r.ok(new Answer.Value(value));
    }

    void write(HubProcess from, Request.Write w, Reply<Answer.Done> r) {
        HubShared s = Hub.find(shared, w.shared(), "shared value");
        s.set(from, w.value(), hub);
        hub.trace.event(from, "write", s, w.site(), -1, () -> hub.shown.value(w.value()));
        r.ok(Answer.Done.DONE);
    }

    // ------------------------------------------------------------ semaphores

    /** bounded: releasing it past its first count is an error (Python's BoundedSemaphore). */
    void newSemaphore(long permits, String name, boolean bounded, Reply<Answer.Id> r) {
        long id = hub.nextId();
        HubSync.Semaphore sem = new HubSync.Semaphore(id, hub.names.label("semaphore", id, name), (int) permits,
                new par.proc.SemaphoreSlot(hub.slots().slotForHub(id)), bounded,
                (w, granted) -> hub.trace.event(w.proc, "acquire", granted, w.site));
        semaphores.put(sem.id, sem);
        r.ok(new Answer.Id(sem.id));
    }

    void semAcquire(HubProcess from, Request.SemAcquire a, Reply<Answer.Flag> r) {
        HubSync.Semaphore sem = Hub.find(semaphores, a.semaphore(), "semaphore");
        if (noWait(a.timeout()) ? sem.tryTake(from) : sem.takeOrWait(from)) {
            hub.trace.event(from, "acquire", sem, a.site());
            r.ok(Answer.Flag.TRUE);
            return;
        }
        if (noWait(a.timeout())) {
            r.ok(Answer.Flag.FALSE);
            return;
        }
        hub.trace.event(from, "wait", sem, a.site());
        hub.park(from, r, null, "waits for " + sem.described(), a.site(), null, sem.waiters, a.timeout(), w -> {
            sem.leave(w);
            w.ok(Answer.Flag.FALSE);
        });
    }

    void semRelease(HubProcess from, Request.SemRelease rel, Reply<Answer.Done> r) {
        HubSync.Semaphore sem = Hub.find(semaphores, rel.semaphore(), "semaphore");
        if (sem.full()) {
            r.fail("cannot release " + sem.described() + ": it is bounded and has all its " + sem.bound
                    + " permits (released more often than acquired)");
            return;
        }
        if (!sem.give(from)) {
            r.fail("cannot release " + sem.described() + ": it already has 2147483647 permits free");
            return;
        }
        r.ok(Answer.Done.DONE);
    }

    @Override
    public void newBoundedSemaphore(HubProcess from, SyncRequest.NewBoundedSemaphore n, Reply<Answer.Id> r) {
        newSemaphore(n.permits(), n.name(), true, r);
    }

    @Override
    public void semValue(HubProcess from, SyncRequest.SemValue v, Reply<Answer.Count> r) {
        r.ok(new Answer.Count(Hub.find(semaphores, v.semaphore(), "semaphore").slot.free()));
    }

    // ------------------------------------------------------------ events

    void newEvent(Request.NewEvent n, Reply<Answer.Id> r) {
        long id = hub.nextId();
        HubSync.Event e = new HubSync.Event(id, hub.names.label("event", id, n.name()));
        events.put(e.id, e);
        r.ok(new Answer.Id(e.id));
    }

    void setEvent(Request.SetEvent s, Reply<Answer.Done> r) {
        HubSync.Event e = Hub.find(events, s.event(), "event");
        if (s.set()) {
            e.set();
        } else {
            e.set = false;
        }
        r.ok(Answer.Done.DONE);
    }

    void isSet(Request.IsSet i, Reply<Answer.Flag> r) {
        r.ok(Answer.Flag.of(Hub.find(events, i.event(), "event").set));
    }

    void awaitEvent(HubProcess from, Request.AwaitEvent a, Reply<Answer.Flag> r) {
        HubSync.Event e = Hub.find(events, a.event(), "event");
        if (e.set) {
            r.ok(Answer.Flag.TRUE);
            return;
        }
        hub.trace.event(from, "wait", e, a.site());
        hub.park(from, r, null, "waits for " + e.described() + " to be set", a.site(), null, e.waiters, a.timeout(),
                falseFrom(e.waiters));
    }

    // ------------------------------------------------------------ barriers

    /** action: the encoded function the last party runs (null for none); timeout: a wait's default. */
    void newBarrier(long parties, byte[] action, Request.Timeout timeout, String name, Reply<Answer.Id> r) {
        long id = hub.nextId();
        HubSync.Barrier b = new HubSync.Barrier(id, hub.names.label("barrier", id, name), (int) parties, action, timeout);
        barriers.put(b.id, b);
        r.ok(new Answer.Id(b.id));
    }

    @Override
    public void newBarrierWith(HubProcess from, SyncRequest.NewBarrierWith n, Reply<Answer.Id> r) {
        newBarrier(n.parties(), n.action().length == 0 ? null : n.action(), n.timeout(), n.name(), r);
    }

    @Override
    public void barrierAction(HubProcess from, SyncRequest.BarrierAction a, Reply<Answer.Value> r) {
        HubSync.Barrier b = Hub.find(barriers, a.barrier(), "barrier");
        if (b.passing != from || b.action == null) {
            r.fail("only the last party to arrive at " + b.described() + " runs its action");
            return;
        }
        hub.trace.event(from, "action", b, "");
        r.ok(new Answer.Value(b.action));
    }

    @Override
    public void actionDone(HubProcess from, SyncRequest.ActionDone d, Reply<Answer.Done> r) {
        HubSync.Barrier b = Hub.find(barriers, d.barrier(), "barrier");
        if (b.passing == from) {
            if (d.failure() == null) {
                for (Waiter held : b.held) {
                    hub.trace.event(held.proc, "pass", b, held.site);
                }
                b.releaseHeld();
            } else {
                b.breakFor("its action failed in " + from.name + ": " + d.failure());
            }
        }
        r.ok(Answer.Done.DONE);
    }

    @Override
    public void abortBarrier(HubProcess from, SyncRequest.AbortBarrier a, Reply<Answer.Done> r) {
        HubSync.Barrier b = Hub.find(barriers, a.barrier(), "barrier");
        hub.trace.event(from, "abort", b, a.site());
        b.breakFor("it was aborted");
        r.ok(Answer.Done.DONE);
    }

    @Override
    public void resetBarrier(HubProcess from, SyncRequest.ResetBarrier a, Reply<Answer.Done> r) {
        HubSync.Barrier b = Hub.find(barriers, a.barrier(), "barrier");
        hub.trace.event(from, "reset", b, a.site());
        b.fail(b.described() + " was reset while this process waited at it");
        b.broken = false;
        r.ok(Answer.Done.DONE);
    }

    @Override
    public void barrierState(HubProcess from, SyncRequest.BarrierState s, Reply<Answer.Count> r) {
        HubSync.Barrier b = Hub.find(barriers, s.barrier(), "barrier");
        r.ok(new Answer.Count(b.broken ? -1 : b.arrived.size()));
    }

    void awaitBarrier(HubProcess from, Request.AwaitBarrier a, Reply<Answer.Count> r) {
        HubSync.Barrier b = Hub.find(barriers, a.barrier(), "barrier");
        if (b.broken) {
            r.fail(b.described() + " is broken");
            return;
        }
        hub.trace.event(from, "wait", b, a.site());
        String what = "waits at " + b.described() + " (" + b.parties + " parties)";
        if (b.arrived.size() + 1 == b.parties) {
            Waiter last = new Waiter(from, r, null, what, a.site(), null);
            if (b.action != null) { // the others pass once the last has run the action
                hub.trace.event(from, "pass", b, a.site());
                b.holdFor(last);
                return;
            }
            b.arrived.add(last);
            for (Waiter arrived : b.arrived) {
                hub.trace.event(arrived.proc, "pass", b, arrived.site);
            }
            b.release();
            return;
        }
        Request.Timeout timeout = a.timeout() != null ? a.timeout() : b.timeout;
        hub.park(from, r, null, what, a.site(), null, b.arrived, timeout,
                w -> b.breakFor("a wait timed out after " + Hub.seconds(timeout)));
    }

    // ------------------------------------------------------------ conditions

    void newCondition(Request.NewCondition n, Reply<Answer.ConditionMade> r) {
        long id = hub.nextId();
        String label = hub.names.label("condition", id, n.name());
        HubLock l = n.lock() == 0 ? newLock(hub.nextId(), label) : lock(n.lock());
        HubCondition c = new HubCondition(id, label, l);
        conditions.put(c.id, c);
        r.ok(new Answer.ConditionMade(c.id, l.id));
    }

    void awaitCondition(HubProcess from, Request.AwaitCondition a, Reply<Answer.Flag> r) {
        HubCondition c = Hub.find(conditions, a.condition(), "condition");
        if (c.lock.holder() != from) {
            r.fail("wait() on a condition needs its lock held (use with c { ... })");
            return;
        }
        c.lock.release(from);
        hub.trace.event(from, "wait", c, a.site());
        hub.park(from, r, null, "waits on " + c.described(), a.site(), null, c.waiters, a.timeout(), w -> {
            c.waiters.remove(w);
            reacquire(c, w, Answer.Flag.FALSE);
        });
    }

    void notify(HubProcess from, Request.Notify n, Reply<Answer.Done> r) {
        HubCondition c = Hub.find(conditions, n.condition(), "condition");
        if (c.lock.holder() != from) {
            r.fail("notify() on a condition needs its lock held (use with c { ... })");
            return;
        }
        for (long i = 0; i < n.count() && !c.waiters.isEmpty(); ) {
            Waiter w = c.waiters.poll();
            if (!w.done && !w.proc.finished) {
                reacquire(c, w, Answer.Flag.TRUE);
                i++;
            }
        }
        r.ok(Answer.Done.DONE);
    }

    /** A woken condition waiter takes its lock back before wait() returns. */
    private void reacquire(HubCondition c, Waiter woken, Answer.Flag result) {
        woken.proc.blockedOn = null;
        Reply<Answer.Flag> back = new Reply<>() {
            @Override
            public void ok(Answer.Flag taken) {
                woken.ok(result);
            }

            @Override
            public void fail(String message) {
                woken.fail(message);
            }
        };
        if (c.lock.takeOrWait(woken.proc, "")) {
            woken.ok(result);
            return;
        }
        Waiter again = hub.park(woken.proc, back, null, "waits for " + c.lock.label + " (to return from a condition wait)",
                woken.site, c.lock, c.lock.waiters, null, null);
        Pending<?> main = woken.pending();
        if (main != null) {
            main.waiter = again; // the main program's wait is now this one
        }
    }
}
