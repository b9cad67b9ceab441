package par.hub;

import java.io.PrintStream;

import par.interp.Interpreter;
import par.interp.Output;
import par.interp.ParError;
import par.interp.ScriptRunner;
import par.launch.ChildLauncher;
import par.proc.Broker;
import par.proc.ProcHandle;
import par.proc.ProcessSupport;
import par.wire.Answer;
import par.wire.Request;

/**
 * Processes for the root program: the hub is created on first use (a script that never
 * spawns starts no threads and no JVMs), and at the end the children are waited for or stopped.
 */
public final class RootProcesses extends ProcessSupport {
    private RootProcesses(Interpreter interp, Hub[] made, Output out, PrintStream err, int maxProcs,
                          boolean session, Trace trace, ChildLauncher launcher) {
        // a class, not a lambda: a program that starts no process then links none
        super(interp, new java.util.function.Supplier<Broker>() {
            @Override
            public Broker get() {
                made[0] = new Hub(out, err, maxProcs, trace, launcher);
                if (session) {
                    made[0].setOnDeadlock(interp::interruptRunning, false);
                } else {
                    made[0].setOnDeadlock(() -> interp.abort(ScriptRunner.RUNTIME_ERROR), true);
                    made[0].setOnOutputFailure(interp::abort);
                }
                return abortable(interp, made[0].rootBroker());
            }
        });
        this.made = made;
    }

    private final Hub[] made;

    /** A wait cut short because the program is being ended (a deadlock) ends the program, not as an error. */
    private static Broker abortable(Interpreter interp, Broker hub) {
        return new Broker() {
            @Override
            public <A extends Answer> A call(Request<A> request) {
                try {
                    return hub.call(request);
                } catch (ParError e) {
                    interp.checkAbort();
                    throw e;
                }
            }

            @Override
            public void putNoWait(long queue, Object item, String site) {
                hub.putNoWait(queue, item, site);
            }

            @Override
            public byte[] tryGet(long queue, String site) {
                return hub.tryGet(queue, site);
            }

            @Override
            public long self() {
                return hub.self();
            }

            @Override
            public par.proc.Slots slots() {
                return hub.slots();
            }
        };
    }

    /** Connects a fresh interpreter to the process machinery. */
    public static RootProcesses install(Interpreter interp, int maxProcs) {
        return install(interp, maxProcs, false);
    }

    /** session: for the REPL, where a deadlock stops the statement running, not the session. */
    public static RootProcesses install(Interpreter interp, int maxProcs, boolean session) {
        return install(interp, maxProcs, session, new Trace(null, false));
    }

    /** trace: where the hub's events go (--trace, --timeline). */
    public static RootProcesses install(Interpreter interp, int maxProcs, boolean session, Trace trace) {
        return install(interp, maxProcs, session, trace, null);
    }

    /** launcher: one that outlives this run (par check's, whose children take job after job), or null. */
    public static RootProcesses install(Interpreter interp, int maxProcs, boolean session, Trace trace,
                                        ChildLauncher launcher) {
        RootProcesses p = new RootProcesses(interp, new Hub[1], interp.out(), interp.err(), maxProcs, session, trace,
                launcher);
        interp.setProcesses(p);
        return p;
    }

    /**
     * Tells the hub when the root's handles to a process are collected, so a finished child's
     * record goes once nothing can ask about it. One daemon thread, made with the first handle.
     */
    private static java.lang.ref.Cleaner handles;

    private static synchronized java.lang.ref.Cleaner handles() {
        if (handles == null) {
            handles = java.lang.ref.Cleaner.create();
        }
        return handles;
    }

    /** Told the id of each process the root program spawns, as the spawn returns; null for nobody. */
    private java.util.function.LongConsumer spawned;

    /** Who is told of the root's spawns (a kernel, to know which cell a child's lines belong to). */
    public void onSpawn(java.util.function.LongConsumer listener) {
        spawned = listener;
    }

    @Override
    protected ProcHandle track(ProcHandle handle, boolean arrived) {
        Hub hub = made[0];
        if (arrived) {
            hub.processes.handleMade(handle.id()); // the spawn counted the one it made
        } else if (spawned != null) {
            spawned.accept(handle.id());
        }
        handles().register(handle, new HandleGone(hub, handle.id()));
        return handle;
    }

    @Override
    protected void processHandleSent(long id) {
        made[0].processes.handleSent(id);
    }

    /** What the cleaner runs for a handle collected: holds no reference to the handle itself. */
    private static final class HandleGone implements Runnable {
        private final Hub hub;
        private final long id;

        HandleGone(Hub hub, long id) {
            this.hub = hub;
            this.id = id;
        }

        @Override
        public void run() {
            hub.processes.handleGone(id);
        }
    }

    /** The schedule the run is under (--schedule, --replay), or null; where --record writes. */
    private Schedule schedule;
    private PrintStream record;
    private String program;

    /**
     * Runs the program under schedule: the hub, once made, serves one request at a time in the
     * order it chooses. record: where the steps are written for --replay (null: nowhere).
     */
    public void schedule(Schedule schedule, PrintStream record, String program) {
        this.schedule = schedule;
        this.record = record;
        this.program = program;
        schedule(schedule.seed());
    }

    @Override
    public synchronized Broker broker() {
        boolean making = made[0] == null;
        Broker b = super.broker();
        if (making && schedule != null) {
            made[0].schedule(schedule, record, program);
        }
        return b;
    }

    @Override
    protected boolean connected() {
        return made[0] != null;
    }

    /** The hub, once a process has been asked for (for tests). */
    public Hub hub() {
        return made[0];
    }

    /** The REPL's :ps rows; empty before the first process. */
    public java.util.List<String> processTable() {
        return made[0] == null ? java.util.List.of() : made[0].processTable();
    }

    /** The REPL's :graph lines; empty before the first process. */
    public java.util.List<String> waitGraph() {
        return made[0] == null ? java.util.List.of() : made[0].waitGraph();
    }

    /** The REPL's :sched step (on) and :sched run (off); see {@link Stepping}. */
    public void stepping(boolean on) {
        broker();
        Stepping.set(made[0], on);
    }

    /** The REPL's :step NAME, or :step for any waiting process (name null). */
    public String step(String name) throws InterruptedException {
        broker();
        return Stepping.step(made[0], name);
    }

    /** The REPL's quit: stops the children still running and says how many there were. */
    public int stopChildren() {
        return made[0] == null ? 0 : made[0].stopChildren();
    }

    /**
     * Not for a program whose pools go to a cluster (PAR_CLUSTER is set): their workers run on
     * the members, and JVMs booted here would only take the cores the cluster's client needs.
     */
    @Override
    public void prewarm(int jvms, boolean pools) {
        if (pools && ProcessSupport.clusterFromEnvironment()) {
            return;
        }
        broker();
        made[0].prewarm(jvms, pools);
    }

    @Override
    public boolean shutdown(boolean normalEnd) {
        if (made[0] == null) {
            if (record != null) {
                new ScheduleLog(record, program, schedule.seed()).close(); // no process met another: no step
            }
            return true;
        }
        Hub hub = made[0];
        synchronized (hub) {
            hub.processes.endDaemons(hub.root); // not waited for, as Python's daemons are not
        }
        hub.shutdown(normalEnd);
        return !hub.endedStuck();
    }
}
