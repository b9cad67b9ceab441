package par.hub;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import par.interp.Output;
import par.interp.OutputFailure;
import par.launch.ChildLauncher;
import par.proc.Broker;
import par.wire.Answer;
import par.wire.Codec;
import par.wire.Request;
import par.wire.WireException;

/**
 * The hub: lives in the root process and owns everything processes share, by id: the table of
 * processes, every lock, queue, shared value, pool and primitive. Every operation on them is a
 * {@link Request} answered here, a blocking one only when it can proceed, so the hub always
 * knows who holds what and who waits for what. It alone talks to children.
 *
 * <p>This class is the shared state and the way in; the work is done by its parts, each for one
 * kind of object ({@link Processes}, {@link Locks}, {@link Queues}, {@link Pools}), and
 * {@link ChildEvents} for what children send, {@link Deadlocks} for the wait-for graph and
 * {@link Ending} for the end of a run. {@link Requests} is the table of contents: which part
 * serves each request. All of it is guarded by the hub's one monitor.
 */
public final class Hub {
    final Output out;
    final PrintStream err;
    final Trace trace;
    final HubProcess root;
    final ChildLauncher launcher;
    final Map<Long, HubProcess> procs = new HashMap<>();
    final Processes processes;
    final Locks locks;
    final Queues queues;
    final Pools pools;
    final Deadlocks deadlocks = new Deadlocks(this);
    private final Ending ending = new Ending(this);
    final ChildEvents events;
    private final Requests requests;
    final ScheduledExecutorService timers;
    private long nextId = 1;
    final Names names = new Names();
    final Shown shown = new Shown(names);
    /** What to do to the main program when a deadlock is found: end it, or stop its statement. */
    private Runnable onDeadlock = () -> { };
    private boolean deadlockEndsProgram = true;
    /** A deadlock was found (while the program ran, or among the children it left). */
    boolean deadlocked;
    /** Under --schedule: what serves requests one at a time. Null when processes run free. */
    Scheduler scheduler;
    private long scheduleSeed;
    ScheduleLog scheduleLog;
    /** The shared memory of locks, shared numbers and queue batches; made with the first of them. */
    par.proc.Slots slots;

    public Hub(Output out, PrintStream err, int maxProcs, Trace trace) {
        this(out, err, maxProcs, trace, null);
    }

    /** shared: a launcher that outlives this hub (par check's runs share one), or null for one of its own. */
    public Hub(Output out, PrintStream err, int maxProcs, Trace trace, ChildLauncher shared) {
        this.trace = trace;
        this.out = out;
        this.err = err;
        this.root = new HubProcess(0, "main", ProcessHandle.current().pid(), null);
        this.events = new ChildEvents(this);
        this.launcher = shared != null ? shared : new ChildLauncher(events);
        launcher.serve(events);
        this.processes = new Processes(this, maxProcs);
        this.locks = new Locks(this);
        this.queues = new Queues(this);
        this.pools = new Pools(this);
        this.requests = new Requests(this);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "par-hub-timers");
            t.setDaemon(true);
            return t;
        });
    }

    /** The root program's own way in: requests answered by direct calls. */
    public Broker rootBroker() {
        return new Broker() {
            @Override
            public <A extends Answer> A call(Request<A> request) {
                Pending<A> p = new Pending<>(Hub.this);
                handle(root, request, p);
                return p.await();
            }

            @Override
            public void putNoWait(long queue, Object item, String site) {
                call(new Request.Put(queue, Codec.encode(item), site));
            }

            @Override
            public byte[] tryGet(long queue, String site) {
                synchronized (Hub.this) {
                    return queues.takeIfAny(queue, site);
                }
            }

            @Override
            public long self() {
                return 0;
            }

            @Override
            public par.proc.Slots slots() {
                return Hub.this.slots();
            }
        };
    }

    /** The shared memory (see {@link par.proc.Slots}), made on first use in the private directory. */
    synchronized par.proc.Slots slots() {
        if (slots == null) {
            slots = par.proc.Slots.create(par.launch.PrivateDir.get());
            updateFastPath();
        }
        return slots;
    }

    /**
     * The file a new child maps for the fast path: none while the trace is on or a schedule
     * (not the REPL's stepping, which can end) runs for the whole run, so the fast path can
     * never come on and the child need not map anything.
     */
    synchronized String childSlots() {
        boolean neverFast = trace.on() || (scheduler != null && !scheduler.manual());
        return neverFast ? "" : slots().path();
    }

    /**
     * The one place that decides whether processes may skip the hub: not while the trace
     * (--trace, --timeline) must see every operation, nor while a schedule (--schedule,
     * --replay, par check, the REPL's :sched step) must order them. Every process reads the
     * answer from the shared memory before each fast operation, so a change reaches them all.
     */
    synchronized void updateFastPath() {
        if (slots != null) {
            slots.setFast(!trace.on() && scheduler == null);
        }
    }

    /** Whether process id may still be running (for a claim a dead writer left in the shared memory). */
    boolean alive(long id) {
        HubProcess p = id == 0 ? root : procs.get(id);
        return p != null && !p.finished && (p == root || ProcessHandle.of(p.pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * Puts the run under a schedule, before any request: from now on requests are served one
     * at a time, in the order the schedule chooses. record: where --record writes the steps
     * (null for nowhere); program: the file run, named in the recording.
     */
    public synchronized void schedule(Schedule schedule, PrintStream record, String program) {
        scheduleLog = record == null ? null : new ScheduleLog(record, program, schedule.seed());
        scheduler = new Scheduler(this, schedule.choice(), scheduleLog);
        scheduleSeed = schedule.seed();
        trace.countSteps(scheduler);
        updateFastPath();
    }

    /** A child's seed under the schedule (its random numbers), or null when running free. */
    Long childSeed(long id) {
        return scheduler == null ? null : scheduleSeed ^ (id * 0x9E3779B97F4A7C15L);
    }

    /** The time on the hub's clock: the schedule's virtual seconds, else the machine's. */
    double now() {
        return scheduler != null && !scheduler.manual() ? scheduler.now() : par.interp.Clock.MACHINE.now();
    }

    /** Something ended or changed that the schedule may be waiting for. */
    void scheduleNext() {
        if (scheduler != null) {
            scheduler.decide();
        }
    }

    /** The schedule cannot go on (a replay that no longer fits): said, and the run ends as a deadlock does. */
    void scheduleFailed(String message) {
        flushOut();
        err.println("error: " + message);
        err.flush();
        stopStuck();
    }

    /**
     * One request from a process, answered through reply now or once it can proceed; under a
     * schedule, once its turn comes.
     */
    synchronized <A extends Answer> void handle(HubProcess from, Request<A> request, Request.Reply<A> reply) {
        if (scheduler != null && !request.bookkeeping()) {
            scheduler.hold(from, request, reply);
            return;
        }
        dispatch(from, request, reply);
    }

    /** Serves one request now. */
    <A extends Answer> void dispatch(HubProcess from, Request<A> request, Request.Reply<A> reply) {
        try {
            request.dispatch(requests, from, reply);
        } catch (ClassCastException | NullPointerException e) {
            throw new WireException("malformed request " + request.getClass().getSimpleName());
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

    /** What a failed stdout does to the main program: end it with the failure's status. */
    public void setOnOutputFailure(IntConsumer action) {
        events.onOutputFailure = action;
    }

    /** Starts warm spare JVMs now, for a program that is going to start about this many (some for pools). */
    public void prewarm(int jvms, boolean pools) {
        launcher.prewarm(jvms, pools);
    }

    /**
     * The main program stopped waiting (Ctrl-C in the REPL, or the program being ended): its
     * wait is withdrawn, so the hub grants it nothing later. A barrier it waited at breaks, as
     * Python's does when a wait is cut short. Nothing happens if the answer came first.
     */
    synchronized void withdraw(Pending<?> p) {
        Waiter w = p.waiter;
        if (w != null && !w.done) {
            w.fail("interrupted");
            locks.withdrawn(w);
        }
        if (!p.isDone()) {
            p.fail("interrupted");
        }
    }

    // ================================================================= shared by the parts

    long nextId() {
        return nextId++;
    }

    /** An object by the id a request names; an unknown id is a malformed request. */
    static <T> T find(Map<Long, T> table, long id, String what) {
        T t = table.get(id);
        if (t == null) {
            throw new WireException("malformed request: no " + what + " " + id);
        }
        return t;
    }

    /**
     * Blocks a process's request until a part answers it: the waiter joins line (the object's
     * queue of waiters), and either its time-out will run expire on it, or, with no time-out,
     * the process counts as blocked for the deadlock detector, which looks at once.
     *
     * @param on the lock or process it waits for, when there is exactly one (for cycles)
     */
    Waiter park(HubProcess from, Request.Reply<? extends Answer> reply, byte[] payload, String what, String site,
                Object on, Collection<Waiter> line, Request.Timeout timeout, Consumer<Waiter> expire) {
        Waiter w = new Waiter(from, reply, payload, what, site, on);
        if (line != null) {
            line.add(w);
        }
        if (timeout == null || expire == null) {
            from.blockedOn = w;
            deadlocks.check();
            return w;
        }
        if (scheduler != null && !scheduler.manual()) {
            scheduler.timer(w, timeout.seconds(), expire);
            return w;
        }
        long nanos = (long) (Math.max(0, timeout.seconds()) * 1e9);
        w.timer = timers.schedule(() -> {
            synchronized (this) {
                if (!w.done) {
                    expire.accept(w);
                }
            }
        }, nanos, TimeUnit.NANOSECONDS);
        return w;
    }

    static String seconds(Request.Timeout timeout) {
        return timeout.shown() + " s";
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

    void warn(String message) {
        if (deadlocked) {
            return; // the locks of processes stopped for a deadlock are no news
        }
        flushOut();
        err.println("warning: " + message);
        err.flush();
    }

    void flushOut() {
        try {
            out.flush();
        } catch (OutputFailure e) {
            events.outputFailed(e);
        }
    }

    // ================================================================= views

    /** One line per live process, for the REPL's :ps: name, pid, state, what it holds and waits for. */
    public synchronized List<String> processTable() {
        return processes.table();
    }

    /** The REPL's :graph: who waits for whom now, then the cycle if there is one. */
    public synchronized List<String> waitGraph() {
        return deadlocks.graph();
    }

    /** How many processes the hub keeps a record of (for tests). */
    synchronized int records() {
        return procs.size();
    }

    // ================================================================= the end

    /** Stops every live child now (the REPL's quit); returns how many there were. */
    public int stopChildren() {
        return ending.stopChildren();
    }

    /**
     * The root program ended. After a normal end the children are waited for, as Python
     * does; after an error they are stopped. Either way no child outlives the root.
     */
    public void shutdown(boolean waitForChildren) {
        ending.shutdown(waitForChildren);
    }

    /**
     * A deadlock was reported, or a schedule cannot go on: the children are stopped, and the
     * main program ends (a script) or its statement stops (the REPL, which looks for the next).
     */
    void stopStuck() {
        deadlocked = true;
        for (HubProcess p : procs.values()) {
            p.stopping = !p.finished; // killAll stops them all
        }
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
}
