package par.proc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import par.interp.ErrorPrinter;
import par.interp.Nil;
import par.interp.Output;
import par.interp.OutputFailure;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.Repr;
import par.interp.Values;

/**
 * The hub: lives in the root process and owns everything processes share — the table of
 * processes, and every lock, queue and shared value, by id. Every operation on them is a
 * request answered here, a blocking one only when it can proceed, so the hub always knows who
 * holds what and who waits for what. It alone talks to children (through {@link ChildConn}).
 * All state is guarded by the hub's monitor.
 */
public final class Hub {
    private final Output out;
    private final PrintStream err;
    private final int maxProcs;
    private final ChildLauncher launcher;
    private final Map<Long, HubProcess> procs = new HashMap<>();
    private final Map<Long, HubLock> locks = new HashMap<>();
    private final Map<Long, HubQueue> queues = new HashMap<>();
    private final Map<Long, HubShared> shared = new HashMap<>();
    private final Map<Long, HubPool> pools = new HashMap<>();
    private final Map<Long, HubTask> tasks = new HashMap<>();
    private final Map<Long, HubSync.Semaphore> semaphores = new HashMap<>();
    private final Map<Long, HubSync.Event> events = new HashMap<>();
    private final Map<Long, HubSync.Barrier> barriers = new HashMap<>();
    private final Map<Long, HubCondition> conditions = new HashMap<>();
    private int workerCount;
    private final ScheduledExecutorService timers;
    final HubProcess root;
    private long nextId = 1;
    private int unnamed;
    private final Deadlocks deadlocks = new Deadlocks(this);
    /** What to do to the main program when a deadlock is found: end it. */
    private Runnable onDeadlock = () -> { };

    final Trace trace;

    public Hub(Output out, PrintStream err, int maxProcs, Trace trace) {
        this.trace = trace;
        this.out = out;
        this.err = err;
        this.maxProcs = maxProcs;
        this.root = new HubProcess(0, "main", ProcessHandle.current().pid(), null);
        this.launcher = new ChildLauncher(this);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "par-hub-timers");
            t.setDaemon(true);
            return t;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::killAll, "par-hub-cleanup"));
    }

    /** The root program's own way in: requests answered by direct calls. */
    public Broker rootBroker() {
        return new Broker() {
            @Override
            public Object call(Op op, Object... args) {
                Pending p = new Pending(Hub.this);
                handle(root, op, args, p);
                return p.await();
            }

            @Override
            public void putNoWait(long queue, Object item, String site) {
                call(Op.PUT, queue, Codec.encode(item), site);
            }

            @Override
            public byte[] tryGet(long queue, String site) {
                return takeIfAny(queue, site);
            }

            @Override
            public long self() {
                return 0;
            }
        };
    }

    /**
     * The main program stopped waiting (Ctrl-C in the REPL, or the program being ended): its
     * wait is withdrawn, so the hub grants it nothing later. A barrier it waited at breaks, as
     * Python's does when a wait is cut short. Nothing happens if the answer came first.
     */
    synchronized void withdraw(Pending p) {
        Waiter w = p.waiter;
        if (w != null && !w.done) {
            w.fail("interrupted");
            for (HubSync.Barrier b : barriers.values()) {
                if (b.arrived.remove(w)) {
                    b.breakFor(root.name + " stopped waiting at it (interrupted)");
                }
            }
        }
        if (!p.isDone()) {
            p.fail("interrupted");
        }
    }

    /**
     * What a deadlock does to the main program. endsProgram: the program ends (a script); false
     * for the REPL, where only the statement running is stopped and the session goes on.
     */
    public void setOnDeadlock(Runnable action, boolean endsProgram) {
        this.onDeadlock = action;
        this.deadlockEndsProgram = endsProgram;
    }

    private boolean deadlockEndsProgram = true;

    /** What a failed stdout does to the main program: end it with the failure's status. */
    public void setOnOutputFailure(java.util.function.IntConsumer action) {
        this.onOutputFailure = action;
    }

    private java.util.function.IntConsumer onOutputFailure = status -> { };
    private boolean outputFailed;

    /** Starts warm spare JVMs now, for a program that is going to start about this many (some for pools). */
    public void prewarm(int jvms, boolean pools) {
        launcher.prewarm(jvms, pools);
    }

    // ================================================================= requests

    /** One request from a process; reply may be null for a request that wants no answer. */
    synchronized void handle(HubProcess from, Op op, Object[] a, Reply reply) {
        Reply r = reply != null ? reply : NO_REPLY;
        try {
            switch (op) {
                case SPAWN: spawn(from, (byte[]) a[0], a[1], r, site(a, 2)); break;
                case JOIN: join(from, process(a[0]), a[1], r, site(a, 2)); break;
                case INFO: {
                    HubProcess p = process(a[0]);
                    r.ok(ParList.of(p.alive(), p.exitcode == null ? Nil.NIL : (Object) (long) p.exitcode, p.name));
                    break;
                }
                case TERMINATE: {
                    HubProcess p = process(a[0]);
                    if (p.conn != null && p.alive()) {
                        p.conn.process.toHandle().destroy(); // SIGTERM, leaving the pipes open for its last words
                    }
                    r.ok(Nil.NIL);
                    break;
                }
                case LOCK_NEW: r.ok(newLock("lock").id); break;
                case ACQUIRE: acquire(from, lock(a[0]), a[1], r, site(a, 2)); break;
                case RELEASE: release(from, lock(a[0]), r); break; // traced by the lock
                case QUEUE_NEW: {
                    HubQueue q = new HubQueue(nextId++, (int) (long) (Long) a[0], this);
                    queues.put(q.id, q);
                    r.ok(q.id);
                    break;
                }
                case PUT: put(from, queue(a[0]), (byte[]) a[1], r, site(a, 2)); break;
                case GET: get(from, queue(a[0]), a[1], r, site(a, 2)); break;
                case QUEUE_SIZE: r.ok((long) queue(a[0]).items.size()); break;
                case SHARED_NEW: {
                    long id = nextId++;
                    HubShared s = new HubShared(id, (byte[]) a[0], newLock("shared#" + id));
                    shared.put(id, s);
                    r.ok(id);
                    break;
                }
                case SHARED_GET: r.ok(sharedValue(a[0]).value); break;
                case SHARED_SET: {
                    sharedValue(a[0]).value = (byte[]) a[1];
                    r.ok(Nil.NIL);
                    break;
                }
                case POOL_NEW: poolNew((Long) a[0], (byte[]) a[1], r); break;
                case POOL_SUBMIT: submit(pool(a[0]), (ParList) a[1], r); break;
                case POOL_WAIT: awaitTask(from, List.of(a[0]), false, r, site(a, 1)); break;
                case POOL_ANY: awaitTask(from, ((ParList) a[0]).items, true, r, site(a, 1)); break;
                case POOL_DONE: r.ok(task(a[0]).done); break;
                case POOL_CLOSE: closePool(from, pool(a[0]), r, site(a, 1)); break;
                case SEM_NEW: {
                    HubSync.Semaphore sem = new HubSync.Semaphore(nextId++, (int) (long) (Long) a[0]);
                    semaphores.put(sem.id, sem);
                    r.ok(sem.id);
                    break;
                }
                case SEM_ACQUIRE: semAcquire(from, find(semaphores, a[0], "semaphore"), a[1], r, site(a, 2)); break;
                case SEM_RELEASE: find(semaphores, a[0], "semaphore").give(from); r.ok(Nil.NIL); break;
                case EVENT_NEW: {
                    HubSync.Event e = new HubSync.Event(nextId++);
                    events.put(e.id, e);
                    r.ok(e.id);
                    break;
                }
                case EVENT_SET: find(events, a[0], "event").set(); r.ok(Nil.NIL); break;
                case EVENT_CLEAR: find(events, a[0], "event").set = false; r.ok(Nil.NIL); break;
                case EVENT_IS_SET: r.ok(find(events, a[0], "event").set); break;
                case EVENT_WAIT: eventWait(from, find(events, a[0], "event"), a[1], r, site(a, 2)); break;
                case BARRIER_NEW: {
                    HubSync.Barrier b = new HubSync.Barrier(nextId++, (int) (long) (Long) a[0]);
                    barriers.put(b.id, b);
                    r.ok(b.id);
                    break;
                }
                case BARRIER_WAIT: barrierWait(from, find(barriers, a[0], "barrier"), a[1], r, site(a, 2)); break;
                case COND_NEW: {
                    HubLock l = a[0] == Nil.NIL ? newLock("lock") : lock(a[0]);
                    HubCondition c = new HubCondition(nextId++, l);
                    conditions.put(c.id, c);
                    r.ok(ParList.of(c.id, l.id));
                    break;
                }
                case COND_WAIT: condWait(from, find(conditions, a[0], "condition"), a[1], r, site(a, 2)); break;
                case COND_NOTIFY: condNotify(from, find(conditions, a[0], "condition"), (Long) a[1], r); break;
                default: throw new WireException("unknown request " + op);
            }
        } catch (ClassCastException | ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw new WireException("malformed request " + op);
        }
    }

    private static String site(Object[] a, int i) {
        return a.length > i && a[i] instanceof String ? (String) a[i] : "";
    }

    private static final Reply NO_REPLY = new Reply() {
        @Override
        public void ok(Object value) {
        }

        @Override
        public void fail(String message) {
        }
    };

    private HubProcess process(Object id) {
        return find(procs, id, "process");
    }

    /** A lock by id; a shared value's id names its guard lock (for {@code with s { }}). */
    private HubLock lock(Object id) {
        HubShared s = shared.get((Long) id);
        return s != null ? s.guard : find(locks, id, "lock");
    }

    private HubQueue queue(Object id) {
        return find(queues, id, "queue");
    }

    private HubShared sharedValue(Object id) {
        return find(shared, id, "shared value");
    }

    private HubPool pool(Object id) {
        return find(pools, id, "pool");
    }

    private HubTask task(Object id) {
        return find(tasks, id, "task");
    }

    /** An object by the id a request names; an unknown id is a malformed request. */
    private static <T> T find(Map<Long, T> table, Object id, String what) {
        T t = table.get((Long) id);
        if (t == null) {
            throw new WireException("malformed request: no " + what + " " + id);
        }
        return t;
    }

    private HubLock newLock(String kind) {
        long id = nextId++;
        HubLock l = new HubLock(id, kind.equals("lock") ? "lock#" + id : kind);
        locks.put(id, l);
        return l;
    }

    // ------------------------------------------------------------ processes

    private void spawn(HubProcess from, byte[] image, Object name, Reply r, String site) {
        long live = procs.values().stream().filter(HubProcess::alive).count();
        if (live >= maxProcs) {
            r.fail("too many processes: " + live + " are running, the limit is " + maxProcs
                    + " (see par --max-procs)");
            return;
        }
        ChildConn conn;
        try {
            conn = launcher.take(true, false);
        } catch (java.io.IOException e) {
            r.fail("cannot start a process: " + e.getMessage());
            return;
        }
        String procName = name == Nil.NIL ? "p" + (++unnamed) : Repr.str(name);
        HubProcess p = new HubProcess(nextId++, procName, conn.pid(), conn);
        if (from == root) {
            p.rootHandles = 1; // counted now: the child may end before the root has made the handle
        } else {
            p.namedElsewhere = true;
        }
        procs.put(p.id, p);
        conn.proc = p;
        conn.send(Wire.JOB, Codec.encodeAll(p.id, p.name, image));
        trace.event(from, "spawn", p.name, site);
        r.ok(ParList.of(p.id, p.pid, p.name));
    }

    private void join(HubProcess from, HubProcess p, Object timeout, Reply r, String site) {
        if (p.finished) {
            trace.event(from, "join", p.name, site);
            deliver(p, r);
            return;
        }
        trace.event(from, "wait", p.name, site);
        Waiter w = new Waiter(from, r, null);
        w.what = "waits to join " + p.name;
        w.site = site;
        w.on = p;
        p.joiners.add(w);
        onTimeout(w, timeout, () -> {
            p.joiners.remove(w);
            w.fail("join timed out: " + p.name + " is still running after " + seconds(timeout));
        });
    }

    private static void deliver(HubProcess p, Reply r) {
        if (p.failure != null) {
            r.fail(p.failure);
        } else {
            r.ok(p.result);
        }
    }

    // ------------------------------------------------------------ locks

    private void acquire(HubProcess from, HubLock l, Object timeout, Reply r, String site) {
        if (l.holder == from) {
            r.fail(l.label + " is already held by this process (a lock cannot be acquired twice)");
            return;
        }
        if (l.tryTake(from, this, site)) {
            r.ok(Boolean.TRUE);
            return;
        }
        if (timeout != Nil.NIL && Values.toDouble(timeout, "timeout") <= 0) {
            r.ok(Boolean.FALSE);
            return;
        }
        trace.event(from, "wait", l.label, site);
        Waiter w = new Waiter(from, r, null);
        w.what = "waits for " + l.label;
        w.site = site;
        w.on = l;
        l.waiters.add(w);
        onTimeout(w, timeout, () -> {
            l.waiters.remove(w);
            w.ok(Boolean.FALSE);
        });
    }

    private void release(HubProcess from, HubLock l, Reply r) {
        if (l.holder != from) {
            String state = l.holder == null ? "it is not held" : "it is held by " + l.holder.describe();
            r.fail("cannot release " + l.label + ": " + state);
            return;
        }
        l.release(this);
        r.ok(Nil.NIL);
    }

    // ------------------------------------------------------------ queues

    private void put(HubProcess from, HubQueue q, byte[] item, Reply r, String site) {
        if (!q.full()) {
            q.add(item, from, site);
            r.ok(Nil.NIL);
            return;
        }
        trace.event(from, "wait", q.label() + " (full)", site);
        Waiter w = new Waiter(from, r, item);
        w.what = "waits to put into the full queue#" + q.id;
        w.site = site;
        q.putters.add(w);
        onTimeout(w, Nil.NIL, null);
    }

    /**
     * The root's get when an item is there: taken at once, with no request and no waiting
     * (a consumer loop in the main program does this for every item). Null when it would wait.
     */
    private synchronized byte[] takeIfAny(long queue, String site) {
        HubQueue q = queue(queue);
        return q.items.isEmpty() ? null : q.take(root, site);
    }

    private void get(HubProcess from, HubQueue q, Object timeout, Reply r, String site) {
        if (!q.items.isEmpty()) {
            r.ok(q.take(from, site));
            return;
        }
        trace.event(from, "wait", q.label(), site);
        Waiter w = new Waiter(from, r, null);
        w.what = "waits to get from the empty queue#" + q.id;
        w.site = site;
        q.getters.add(w);
        onTimeout(w, timeout, () -> {
            q.getters.remove(w);
            w.fail("queue get timed out after " + seconds(timeout) + " (the queue stayed empty)");
        });
    }

    // ------------------------------------------------------------ pools

    private void poolNew(long size, byte[] image, Reply r) {
        long live = procs.values().stream().filter(HubProcess::alive).count();
        if (live + size > maxProcs) {
            r.fail("too many processes: a pool of " + size + " would make " + (live + size)
                    + ", the limit is " + maxProcs + " (see par --max-procs)");
            return;
        }
        HubPool pool = new HubPool(nextId++, image, this);
        pools.put(pool.id, pool);
        try {
            for (long i = 0; i < size; i++) {
                addWorker(pool);
            }
        } catch (java.io.IOException e) {
            r.fail("cannot start a pool worker: " + e.getMessage());
            return;
        }
        r.ok(pool.id);
    }

    private void addWorker(HubPool pool) throws java.io.IOException {
        ChildConn conn = launcher.take(false, true);
        HubProcess w = new HubProcess(nextId++, "w" + (++workerCount), conn.pid(), conn);
        w.pool = pool;
        procs.put(w.id, w);
        conn.proc = w;
        conn.send(Wire.WORKER, Codec.encodeAll(w.id, w.name, pool.image));
        pool.workers.add(w);
        pool.idle.add(w);
        pool.dispatch();
    }

    /** Queues a task per work (all of them, then hands them out), and answers their ids. */
    private void submit(HubPool pool, ParList works, Reply r) {
        if (pool.closed) {
            r.fail("the pool is closed");
            return;
        }
        ParList ids = new ParList(works.size());
        List<HubTask> batch = new ArrayList<>(works.size());
        for (Object work : works.items) {
            HubTask t = new HubTask(nextId++, pool, (byte[]) work, batch);
            tasks.put(t.id, t);
            pool.queued.add(t);
            pool.unfinished.add(t);
            ids.add(t.id);
        }
        pool.dispatch();
        r.ok(ids);
    }

    /** Answers with the first of the tasks to end (in the order given, if several have). */
    private void awaitTask(HubProcess from, List<Object> ids, boolean any, Reply r, String site) {
        List<HubTask> list = new ArrayList<>();
        for (Object id : ids) {
            HubTask t = task(id);
            if (t.done) {
                r.ok(any ? ParList.of(t.id, t.outcome) : t.outcome);
                return;
            }
            list.add(t);
        }
        Waiter w = new Waiter(from, r, null);
        w.any = any;
        w.what = "waits for a pool task";
        w.site = site;
        for (HubTask t : list) {
            t.waiters.add(w);
        }
        onTimeout(w, Nil.NIL, null);
    }

    private void taskFinished(HubProcess worker, ParList outcome) {
        HubTask t = worker.task;
        if (t == null) {
            throw new WireException("a task result from " + worker.name + ", which has no task");
        }
        String how = t.cancelled ? " (discarded)" : outcome.get(0).equals("ok") ? "" : " (failed)";
        trace.event(worker, "task end", "task#" + t.id + how, "");
        worker.task = null;
        t.pool.unfinished.remove(t);
        if (!t.cancelled) {
            completeTask(t, outcome);
        }
        HubPool pool = worker.pool;
        pool.idle.add(worker); // after the failed task's batch is cancelled, so none of it comes next
        pool.dispatch();
        retireIfDone(pool);
        deadlocks.check();
    }

    /** A task ended (its worker has let it go): whoever waits is answered; a failure cancels the rest of its batch. */
    private static void completeTask(HubTask t, ParList outcome) {
        settle(t, outcome);
        if (!outcome.get(0).equals("ok")) {
            cancelLater(t);
        }
    }

    private static void settle(HubTask t, ParList outcome) {
        t.done = true;
        t.outcome = outcome;
        for (Waiter w : t.waiters) {
            if (!w.done) {
                w.ok(w.any ? ParList.of(t.id, outcome) : outcome);
            }
        }
        t.waiters.clear();
    }

    /**
     * The tasks of a failed task's batch that come after it will never be looked at: map raises
     * the first failure in the order of the items, having collected those before it. So the
     * queued ones leave the pool's queue (the next map need not wait behind them), and a running
     * one's result will be dropped; its worker finishes it, as a Python pool's would.
     */
    private static void cancelLater(HubTask failed) {
        for (HubTask t : failed.batch.subList(failed.position + 1, failed.batch.size())) {
            if (!t.done) {
                t.cancelled = true;
                settle(t, HubTask.CANCELLED);
            }
        }
        // at once rather than one by one: imap_unordered makes a task of every item
        HubPool pool = failed.pool;
        pool.queued.removeIf(t -> t.cancelled);
        pool.unfinished.removeIf(t -> t.cancelled && t.worker == null);
    }

    private void closePool(HubProcess from, HubPool pool, Reply r, String site) {
        pool.closed = true;
        if (pool.unfinished.isEmpty()) {
            retireIfDone(pool);
            r.ok(Nil.NIL);
            return;
        }
        Waiter w = new Waiter(from, r, null);
        w.what = "waits for a pool to finish its tasks";
        w.site = site;
        pool.closers.add(w);
        onTimeout(w, Nil.NIL, null);
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
                c.ok(Nil.NIL);
            }
        }
        pool.closers.clear();
    }

    /**
     * A worker died: its task fails (naming it; how: "was killed by signal 9 (SIGKILL)"), so the
     * rest of its map is cancelled, and unless the pool is closed a new worker takes its place.
     */
    private void workerDied(HubProcess w, String how) {
        HubPool pool = w.pool;
        pool.workers.remove(w);
        pool.idle.remove(w);
        if (w.task != null) {
            HubTask t = w.task;
            w.task = null;
            pool.unfinished.remove(t);
            if (!t.cancelled) {
                completeTask(t, ParList.of("error", -1L, how, new ParList(), w.name, w.pid));
            }
        }
        if (!pool.closed) {
            try {
                addWorker(pool);
            } catch (java.io.IOException e) {
                warn("could not replace worker " + w.name + ": " + e.getMessage());
            }
        }
        retireIfDone(pool);
    }

    // ------------------------------------------------------------ semaphores, events, barriers, conditions

    private void semAcquire(HubProcess from, HubSync.Semaphore sem, Object timeout, Reply r, String site) {
        if (sem.tryTake(from)) {
            trace.event(from, "acquire", sem.label(), site);
            r.ok(Boolean.TRUE);
            return;
        }
        if (timeout != Nil.NIL && Values.toDouble(timeout, "timeout") <= 0) {
            r.ok(Boolean.FALSE);
            return;
        }
        Waiter w = new Waiter(from, r, null);
        w.what = "waits for " + sem.label();
        w.site = site;
        sem.waiters.add(w);
        onTimeout(w, timeout, () -> {
            sem.waiters.remove(w);
            w.ok(Boolean.FALSE);
        });
    }

    private void eventWait(HubProcess from, HubSync.Event e, Object timeout, Reply r, String site) {
        if (e.set) {
            r.ok(Boolean.TRUE);
            return;
        }
        trace.event(from, "wait", e.label(), site);
        Waiter w = new Waiter(from, r, null);
        w.what = "waits for " + e.label() + " to be set";
        w.site = site;
        e.waiters.add(w);
        onTimeout(w, timeout, () -> {
            e.waiters.remove(w);
            w.ok(Boolean.FALSE);
        });
    }

    private void barrierWait(HubProcess from, HubSync.Barrier b, Object timeout, Reply r, String site) {
        if (b.broken) {
            r.fail(b.label() + " is broken");
            return;
        }
        trace.event(from, "wait", b.label(), site);
        Waiter w = new Waiter(from, r, null);
        w.what = "waits at " + b.label() + " (" + b.parties + " parties)";
        w.site = site;
        b.arrived.add(w);
        if (b.arrived.size() == b.parties) {
            for (Waiter arrived : b.arrived) {
                trace.event(arrived.proc, "pass", b.label(), arrived.site);
            }
            b.release();
            return;
        }
        onTimeout(w, timeout, () -> b.breakFor("a wait timed out after " + seconds(timeout)));
    }

    private void condWait(HubProcess from, HubCondition c, Object timeout, Reply r, String site) {
        if (c.lock.holder != from) {
            r.fail("wait() on a condition needs its lock held (use with c { ... })");
            return;
        }
        c.lock.release(this);
        Waiter w = new Waiter(from, r, null);
        w.what = "waits on condition#" + c.id;
        w.site = site;
        c.waiters.add(w);
        onTimeout(w, timeout, () -> {
            c.waiters.remove(w);
            reacquire(c, w, Boolean.FALSE);
        });
    }

    private void condNotify(HubProcess from, HubCondition c, long n, Reply r) {
        if (c.lock.holder != from) {
            r.fail("notify() on a condition needs its lock held (use with c { ... })");
            return;
        }
        for (long i = 0; i < n && !c.waiters.isEmpty(); ) {
            Waiter w = c.waiters.poll();
            if (!w.done && !w.proc.finished) {
                reacquire(c, w, Boolean.TRUE);
                i++;
            }
        }
        r.ok(Nil.NIL);
    }

    /** A woken condition waiter takes its lock back before wait() returns. */
    private void reacquire(HubCondition c, Waiter woken, Boolean result) {
        Waiter again = new Waiter(woken.proc, new Reply() {
            @Override
            public void ok(Object value) {
                woken.ok(result);
            }

            @Override
            public void fail(String message) {
                woken.fail(message);
            }
        }, null);
        again.what = "waits for " + c.lock.label + " (to return from a condition wait)";
        again.site = woken.site;
        again.on = c.lock;
        woken.proc.blockedOn = null;
        if (woken.reply instanceof Pending) {
            ((Pending) woken.reply).waiter = again; // the main program's wait is now this one
        }
        if (c.lock.tryTake(woken.proc, this)) {
            again.ok(Boolean.TRUE);
            return;
        }
        c.lock.waiters.add(again);
        onTimeout(again, Nil.NIL, null);
    }

    // ------------------------------------------------------------ time-outs

    private void onTimeout(Waiter w, Object timeout, Runnable expire) {
        if (timeout == null || timeout == Nil.NIL || expire == null) {
            w.proc.blockedOn = w;
            deadlocks.check();
            return;
        }
        double s = Values.toDouble(timeout, "timeout");
        long nanos = (long) (Math.max(0, s) * 1e9);
        w.timer = timers.schedule(() -> {
            synchronized (this) {
                if (!w.done) {
                    expire.run();
                }
            }
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private static String seconds(Object timeout) {
        return Repr.str(timeout) + " s";
    }

    // ================================================================= child events

    void childFrame(ChildConn c, Wire.Frame f) {
        HubProcess p = c.proc;
        switch (f.kind()) {
            case Wire.READY:
                return;
            case Wire.OUTPUT_PART:
                c.linePiece(Codec.readStr(f.payload()));
                return;
            case Wire.OUTPUT:
                childLine(c.lineEnd(Codec.readStr(f.payload())));
                return;
            case Wire.REQUEST:
                request(c, p, f.payload());
                return;
            case Wire.PUT:
                putFrame(p, f.payload());
                return;
            case Wire.RESULT:
                synchronized (this) {
                    finish(p, f.payload(), null, 0);
                }
                return;
            case Wire.ERROR:
                childError(p, f.payload());
                return;
            case Wire.TASK_DONE:
                synchronized (this) {
                    taskFinished(p, ParList.of("ok", f.payload()));
                }
                return;
            case Wire.TASK_ERROR: {
                Object[] v = Codec.decodeAll(f.payload(), 3, NO_VALUES);
                synchronized (this) {
                    taskFinished(p, ParList.of("error", v[0], v[1], v[2], p.name, p.pid));
                }
                return;
            }
            case Wire.EXIT: {
                Object[] v = Codec.decodeAll(f.payload(), 1, NO_VALUES);
                synchronized (this) {
                    finish(p, Codec.encode(Nil.NIL), null, (int) (long) (Long) v[0]);
                }
                return;
            }
            default:
                throw new WireException("malformed frame: unknown kind " + f.kind());
        }
    }

    /** A child's line, written to the root's stdout. */
    private void childLine(String line) {
        try {
            out.line(line);
        } catch (OutputFailure e) {
            outputFailed(e);
        }
    }

    private void flushOut() {
        try {
            out.flush();
        } catch (OutputFailure e) {
            outputFailed(e);
        }
    }

    /**
     * The root's stdout failed (its reader went away, say) while the hub wrote to it: the
     * program is ended, once, since nothing it or its children print can be seen any more (a
     * child printing in a loop while the main program joins it would otherwise never stop).
     * The main program ends with the failure's status and stops the children as it ends.
     */
    private void outputFailed(OutputFailure e) {
        synchronized (this) {
            if (outputFailed) {
                return;
            }
            outputFailed = true;
        }
        onOutputFailure.accept(e.status);
    }

    private void request(ChildConn c, HubProcess p, byte[] payload) {
        if (p == null) {
            throw new WireException("a request from a process with no job");
        }
        Object[] head = Codec.decodeAll(payload, 3, NO_VALUES);
        Op op = Op.of((int) (long) (Long) head[0]);
        long reqId = (Long) head[1];
        Object[] args = ((ParList) head[2]).items.toArray();
        Reply reply = reqId < 0 ? null : new Reply() {
            @Override
            public void ok(Object value) {
                c.send(Wire.REPLY, Codec.encodeAll(reqId, value));
            }

            @Override
            public void fail(String message) {
                c.send(Wire.FAILURE, Codec.encodeAll(reqId, message));
            }
        };
        handle(p, op, args, reply);
    }

    private void putFrame(HubProcess p, byte[] payload) {
        if (p == null) {
            throw new WireException("a put from a process with no job");
        }
        Codec.Reader r = new Codec.Reader(payload, NO_VALUES);
        long queue = r.i64();
        String site = trace.on() ? r.str() : r.skip(); // a put's place is only ever shown by the trace
        byte[] item = r.rest();
        synchronized (this) {
            put(p, queue(queue), item, NO_REPLY, site);
        }
    }

    /** The child's uncaught error: shown at once on stderr, kept for whoever joins it. */
    private void childError(HubProcess p, byte[] payload) {
        Object[] v = Codec.decodeAll(payload, 2, NO_VALUES);
        String message = (String) v[0];
        List<ParError.TraceEntry> trace = new ArrayList<>();
        for (Object e : ((ParList) v[1]).items) {
            List<Object> t = ((ParList) e).items;
            trace.add(new ParError.TraceEntry((String) t.get(0), (String) t.get(1), (int) (long) (Long) t.get(2)));
        }
        synchronized (this) {
            flushOut();
            ErrorPrinter.print(message, trace, " (in process " + p.name + ", pid " + p.pid + ")", err);
            finish(p, null, "process " + p.name + " (pid " + p.pid + ") failed: " + message, 1);
        }
    }

    /** A process is done (well or badly): its joiners wake, its locks are freed. */
    private void finish(HubProcess p, byte[] result, String failure, int exitcode) {
        if (p.finished) {
            return;
        }
        p.finished = true;
        p.result = result;
        p.failure = failure;
        p.exitcode = exitcode;
        trace.event(p, "exit", "status " + exitcode, "");
        for (Waiter w : p.joiners) {
            if (!w.done) {
                trace.event(w.proc, "join", p.name, w.site);
                if (failure != null) {
                    w.fail(failure);
                } else {
                    w.ok(result);
                }
            }
        }
        p.joiners.clear();
        for (HubLock l : new ArrayList<>(p.held)) {
            l.holderDied(this);
        }
        for (HubSync.Semaphore sem : semaphores.values()) {
            sem.holderDied(p);
        }
        for (HubSync.Barrier b : barriers.values()) {
            if (b.arrived.stream().anyMatch(w -> w.proc == p)) {
                b.breakFor(p.name + " died while waiting at it");
            }
        }
        deadlocks.check();
        notifyAll();
    }

    void malformed(ChildConn c, String problem) {
        synchronized (this) {
            HubProcess p = c.proc;
            flushOut();
            err.println("par: error: " + (p == null ? "a spare process" : p.describe())
                    + " sent a malformed message (" + problem + "); it has been stopped");
            err.flush();
        }
        c.process.destroyForcibly();
    }

    /** The child's pipe closed: it exited or died. */
    void childGone(ChildConn c) {
        int status;
        try {
            status = c.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        launcher.gone(c);
        synchronized (this) {
            HubProcess p = c.proc;
            if (p == null) {
                return;
            }
            p.exited = true;
            p.conn = null; // the pipes' buffers and the Process go with it
            if (p.pool != null && !p.finished) {
                p.finished = true;
                p.exitcode = status;
                if (!p.retiring) {
                    workerDied(p, status > 128 ? "was killed by signal " + (status - 128) + signalName(status - 128)
                            : "exited with status " + status);
                }
            }
            if (!p.finished) {
                String how;
                int code;
                if (status > 128) {
                    code = -(status - 128);
                    how = "was killed by signal " + (status - 128) + signalName(status - 128);
                } else {
                    code = status;
                    how = "exited with status " + status + " before finishing";
                }
                finish(p, null, "process " + p.name + " (pid " + p.pid + ") " + how, code);
            }
            forgetIfDone(p);
            notifyAll();
        }
    }

    /**
     * Forgets a process nobody can ask about any more: its JVM has exited and, for a spawned
     * process, no handle to it is left (the root's are counted, and one anywhere else keeps the
     * record); a pool worker is never asked about once it has exited. What the trace keeps stays.
     */
    private void forgetIfDone(HubProcess p) {
        boolean asked = p.pool == null && (p.rootHandles > 0 || p.namedElsewhere);
        if (p.finished && p.exited && !asked) {
            procs.remove(p.id);
        }
    }

    /** A handle to process id arrived in the root (in a value from another process). */
    synchronized void handleMade(long id) {
        HubProcess p = procs.get(id);
        if (p != null) {
            p.rootHandles++;
        }
    }

    /** A handle the root held to process id has been collected. */
    synchronized void handleGone(long id) {
        HubProcess p = procs.get(id);
        if (p != null) {
            p.rootHandles--;
            forgetIfDone(p);
        }
    }

    /** The root is sending a handle to process id to another process (or a queue, or a shared value). */
    synchronized void handleSent(long id) {
        HubProcess p = procs.get(id);
        if (p != null) {
            p.namedElsewhere = true;
        }
    }

    private static String signalName(int signal) {
        switch (signal) {
            case 9: return " (SIGKILL)";
            case 15: return " (SIGTERM)";
            case 2: return " (SIGINT)";
            default: return "";
        }
    }

    /** One line per live process, for the REPL's :ps: name, pid, state, what it holds and waits for. */
    public synchronized List<String> processTable() {
        List<String> rows = new ArrayList<>();
        for (HubProcess p : procs.values()) {
            if (p.finished) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format("%-8s pid %-7d %-8s", p.name, p.pid,
                    p.blockedOn != null ? "waiting" : p.pool != null ? (p.task != null ? "working" : "idle") : "running"));
            if (!p.held.isEmpty()) {
                row.append(" holds ");
                row.append(String.join(", ", p.held.stream().map(l -> l.label).toList()));
            }
            if (p.blockedOn != null) {
                row.append(" ").append(p.blockedOn.what);
            }
            if (p.pool != null) {
                row.append(" (pool worker)");
            }
            rows.add(row.toString().stripTrailing());
        }
        return rows;
    }

    /** How many processes the hub keeps a record of (for tests). */
    synchronized int records() {
        return procs.size();
    }

    /** Stops every live child now (the REPL's quit); returns how many there were. */
    public int stopChildren() {
        int live;
        synchronized (this) {
            live = (int) procs.values().stream().filter(p -> !p.finished && p.pool == null).count();
        }
        shutdown(false);
        return live;
    }

    /** What a child JVM printed on its own before Par's channel opened: passed on to stderr. */
    void jvmSaid(String text) {
        synchronized (this) {
            err.println(text);
            err.flush();
        }
    }

    void warn(String message) {
        if (deadlocked) {
            return; // the locks of processes stopped for a deadlock are no news
        }
        flushOut();
        err.println("warning: " + message);
        err.flush();
    }

    // ================================================================= the end

    /**
     * The root program ended. After a normal end the children are waited for, as Python
     * does; after an error they are stopped. Either way no child outlives the root.
     */
    public void shutdown(boolean waitForChildren) {
        synchronized (this) {
            for (HubPool pool : pools.values()) {
                pool.closed = true;
                if (!waitForChildren) {
                    pool.unfinished.clear();
                }
                retireIfDone(pool);
            }
            if (!root.finished) {
                trace.event(root, "exit", waitForChildren ? "status 0" : "status 1", "");
            }
            root.finished = true;
            if (waitForChildren) {
                deadlocks.check(); // children left waiting on each other, with no main program to help
                while (!deadlocked && procs.values().stream().anyMatch(p -> !p.finished)) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        launcher.stopAll();
        timers.shutdownNow();
        flushOut();
    }

    /** The main program (while it runs) and every child that has not finished. */
    List<HubProcess> liveProcesses() {
        List<HubProcess> live = new ArrayList<>();
        if (!root.finished) {
            live.add(root);
        }
        for (HubProcess p : procs.values()) {
            if (!p.finished) {
                live.add(p);
            }
        }
        return live;
    }

    /**
     * A deadlock: said on stderr, one line per process (where it waits, for what, what it
     * holds); then the children are stopped and the main program ends with status 1.
     */
    void deadlock(List<HubProcess> stuck) {
        for (HubProcess p : stuck) {
            trace.event(p, "deadlock", p.blockedOn.what, p.blockedOn.site);
        }
        flushOut();
        err.println("error: deadlock");
        for (HubProcess p : stuck) {
            StringBuilder line = new StringBuilder("  ").append(p.name).append(" (pid ").append(p.pid).append(")");
            if (!p.blockedOn.site.isEmpty()) {
                line.append(" at ").append(p.blockedOn.site);
            }
            line.append(' ').append(p.blockedOn.what);
            if (!p.held.isEmpty()) {
                line.append(", holds ").append(String.join(", ", p.held.stream().map(l -> l.label).toList()));
            }
            err.println(line);
        }
        err.flush();
        deadlocked = true;
        launcher.killAll();
        onDeadlock.run();
        if (!deadlockEndsProgram) {
            deadlocked = false;
            deadlocks.reset();
        }
    }

    /** The program ended in a deadlock among its children: the exit status says so. */
    public synchronized boolean endedStuck() {
        return deadlocked;
    }

    /** A deadlock was found (while the program ran, or among the children it left). */
    private boolean deadlocked;

    /** Decoding in the hub sees only plain values: functions and handles stay opaque bytes. */
    private static final Codec.Receiver NO_VALUES = new Codec.Receiver() {
        @Override
        public par.interp.Function function(par.syntax.Stmt.Def def, List<String> freeVars,
                                             par.interp.Cell[] captured) {
            throw new WireException("malformed request: a function where a plain value belongs");
        }

        @Override
        public Object handle(byte kind, long id, long meta) {
            throw new WireException("malformed request: a handle where a plain value belongs");
        }
    };
}
