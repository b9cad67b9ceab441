package par.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import par.child.ChildMain;
import par.interp.TopLevel;

/**
 * Starts child JVMs (same java, same classes, small heap, quick-start flags, the class-data
 * archive once there is one) and keeps as many warm spares ready as the program is expected to
 * use, so a spawn usually finds a JVM that has already loaded and run the job path once.
 * Knows every child it started, so none outlives the root.
 */
public final class ChildLauncher {
    /** Spares kept ready once a program has shown it spawns: one per core, at least two. */
    private static final int SPARES = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** The hub of the run being served; a launcher shared by par check's runs serves one after another. */
    private volatile ChildConn.Events hub;
    /**
     * A child that has finished its job stays, as a spare, for the next (par check's runs): a
     * spawn then costs a job, not a JVM. Never for a program's own run, where every process
     * has a pid of its own.
     */
    private final boolean reuse;
    /** Decided with the command, when the first child starts. */
    private ChildArchive archive;
    private final ArrayDeque<ChildConn> spares = new ArrayDeque<>();
    private final Set<ChildConn> all = ConcurrentHashMap.newKeySet();
    private List<String> command;
    private boolean stopped;
    private int starting;
    /**
     * How many more JVMs the program is expected to ask for, from what its code shows; no
     * spare is started beyond that, so a program that spawns once does not pay for JVMs it
     * will never use. Unknown until told: then spares are kept.
     */
    private int expected = TopLevel.MANY;
    /** The program makes pools: spares start as workers do, for running long. */
    private boolean poolsAhead;

    public ChildLauncher(ChildConn.Events hub) {
        this(hub, false);
    }

    private ChildLauncher(ChildConn.Events hub, boolean reuse) {
        this.hub = hub;
        this.reuse = reuse;
    }

    /**
     * A JVM to run a job: a warm spare if there is one, a fresh start otherwise. refill: start a
     * replacement spare now (right for spawns, which tend to come in runs; wrong for a pool,
     * whose workers would have to share the cores with JVMs nobody may need). worker: for a
     * pool, so a JVM started now is made for running long.
     */
    /** A launcher for one run after another (par check), whose children take job after job. */
    public static ChildLauncher reusing() {
        return new ChildLauncher(null, true);
    }

    public boolean reuses() {
        return reuse;
    }

    /** The hub of the next run: frames of the JVMs it takes go to it. */
    public void serve(ChildConn.Events hub) {
        this.hub = hub;
    }

    /**
     * A reused child whose job is done: a spare again, for this run or the next. Not if its JVM
     * has meanwhile died or been stopped (its channel is gone, or going): a dead spare handed to
     * a spawn would never answer.
     */
    public void giveBack(ChildConn c) {
        synchronized (this) {
            if (!stopped && all.contains(c) && c.process.isAlive()) {
                spares.add(c);
                notifyAll();
                return;
            }
        }
        c.process.destroyForcibly();
    }

    public ChildConn take(boolean refill, boolean worker) throws IOException {
        ChildConn c;
        synchronized (this) {
            while (spares.isEmpty() && starting > 0 && !stopped) {
                // a spare on its way is nearer to ready than a JVM started now, and starting
                // one now would leave that spare unused, its start-up wasted
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            c = spares.poll();
            if (expected != TopLevel.MANY && expected > 0) {
                expected--;
            }
        }
        if (c == null) {
            c = start(false, worker);
        }
        c.listen(hub);
        if (refill) {
            refillLater(REFILL_DELAY_MS);
        }
        return c;
    }

    /**
     * The program is about to start about this many JVMs: as many spares as that (up to the
     * cap) start now. pools: some will be pool workers, so spares are made for running long.
     */
    public void prewarm(int jvms, boolean pools) {
        synchronized (this) {
            expected = jvms;
            poolsAhead = pools;
        }
        refillLater(0);
    }

    private boolean enoughSpares() {
        return stopped || spares.size() + starting >= Math.min(SPARES, expected);
    }

    /**
     * A JVM starting up keeps both cores of a small machine busy for tens of milliseconds; the
     * child just handed a job gets them first, and its replacement starts a moment later.
     */
    private static final long REFILL_DELAY_MS = 10;

    private synchronized void refillLater(long delayMs) {
        if (enoughSpares()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                return;
            }
            refill();
        }, "par-spares");
        t.setDaemon(true);
        t.start();
    }

    /** Starts spares until there are enough; the monitor is never held while a JVM starts. */
    private void refill() {
        while (true) {
            synchronized (this) {
                if (enoughSpares()) {
                    return;
                }
                starting++;
            }
            ChildConn c = null;
            try {
                boolean longRunning;
                synchronized (this) {
                    longRunning = poolsAhead;
                }
                c = start(true, longRunning);
            } catch (IOException e) {
                // the next spawn will try again and report the failure
            }
            synchronized (this) {
                starting--;
                notifyAll(); // a take() may be waiting for this spare
                if (c == null) {
                    return;
                }
                if (stopped) {
                    c.process.destroyForcibly();
                    return;
                }
                spares.add(c);
            }
        }
    }

    /**
     * spare: started ahead of need, so it warms up before it says it is ready. longRunning:
     * for a pool worker, which runs task after task; any other child gets its JIT started
     * later (compile thresholds ten times higher), as most spawned functions end long before
     * compiling them would pay: that cut a spawn+join's CPU by a fifth, and costs a long
     * computation in a child about 10 ms (measured on JDK 17).
     */
    private ChildConn start(boolean spare, boolean longRunning) throws IOException {
        List<String> cmd = new ArrayList<>(command());
        cmd.addAll(cmd.indexOf("-cp"), longRunning ? ROOT_JIT : LATE_JIT);
        if (reuse && !longRunning) {
            cmd.add(cmd.indexOf("-cp"), "-D" + ChildMain.REUSE + "=true");
        }
        if (spare) {
            cmd.add(longRunning ? ChildMain.POOL_SPARE : ChildMain.SPARE);
        }
        synchronized (this) {
            if (archive.ready()) {
                cmd.addAll(cmd.indexOf("-cp"), archive.useFlags());
            } else if (archive.usable && recorder == null) {
                recorder = recordArchive();
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        ChildConn c = new ChildConn(hub, pb.start());
        all.add(c);
        c.startReader();
        return c;
    }

    /**
     * A pool worker's JIT thresholds: the root's (the par launcher's flags), so the same loop
     * runs as fast in the root as in a worker.
     */
    private static final List<String> ROOT_JIT =
            List.of("-XX:Tier4InvocationThreshold=3000", "-XX:Tier4CompileThreshold=4000");
    /**
     * Any other child's: a method is first compiled (C1) ten times later than by default (see
     * {@link #start}), but a loop that runs on is compiled as soon as by default, and C2 takes
     * over at the root's thresholds (the flags below are scaled by ten too). With every
     * threshold ten times later, a child's loop of a million lock operations ran for 600 000
     * rounds in the interpreter and on C1's profiling code: about 1.5 times as long as now.
     */
    private static final List<String> LATE_JIT = List.of("-XX:CompileThresholdScaling=10",
            "-XX:Tier3BackEdgeThreshold=6000", "-XX:Tier4InvocationThreshold=300", "-XX:Tier4CompileThreshold=400",
            "-XX:Tier4BackEdgeThreshold=4000");

    /** The JVM recording the class-data archive for later runs, if this run started one. */
    private Process recorder;
    private Path recording;

    /**
     * Starts a JVM of its own that loads what a child loads and writes the archive as it
     * exits; no working child carries the cost of recording.
     */
    private Process recordArchive() {
        recording = archive.dumpPath();
        List<String> cmd = new ArrayList<>(command());
        cmd.addAll(cmd.indexOf("-cp"), archive.recordFlags(recording));
        cmd.add(ChildMain.ARCHIVE_RUN);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Path dumped = recording;
            p.onExit().thenRun(() -> archive.install(dumped));
            return p;
        } catch (IOException e) {
            return null; // children simply start without an archive
        }
    }

    public void gone(ChildConn c) {
        all.remove(c);
        synchronized (this) {
            spares.remove(c);
        }
    }

    /**
     * The program is over. Spares hold nothing and are killed at once; every other child has
     * delivered its result or been stopped, so it is killed if it has not yet exited by itself.
     * A JVM still recording the class-data archive gets up to a second to finish.
     */
    public void stopAll() {
        synchronized (this) {
            stopped = true;
            spares.clear();
        }
        for (ChildConn c : new ArrayList<>(all)) {
            c.close();
            c.process.destroyForcibly();
        }
        Process r = recorder;
        if (r != null) {
            try {
                if (r.waitFor(1, TimeUnit.SECONDS)) {
                    archive.install(recording); // here too: the exit callback may not run before this JVM ends
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.destroyForcibly();
        }
        removeCleanup();
    }

    /** Last resort at JVM exit (Ctrl-C, SIGTERM): no child may outlive the root. */
    public void killAll() {
        for (ChildConn c : all) {
            c.process.destroyForcibly();
        }
        if (recorder != null) {
            recorder.destroyForcibly();
        }
    }

    /**
     * util-linux's setsid, where there is one: a child in a session of its own is outside the
     * terminal's foreground process group, so the Ctrl-C (and Ctrl-Z, Ctrl-\) typed at the
     * REPL reaches only the root, which decides what it stops. A child still ends with the
     * root: it halts when its stdin closes, and the root's shutdown hook kills it. setsid
     * execs java in place (a child of a JVM is never a process-group leader, so it does not
     * fork), so the pid the hub sees is the JVM's.
     */
    private static final String SETSID = java.nio.file.Files.isExecutable(Path.of("/usr/bin/setsid"))
            ? "/usr/bin/setsid" : null;

    private synchronized List<String> command() {
        if (command == null) {
            String classPath = ChildClassPath.get();
            command = buildCommand(classPath);
            archive = ChildArchive.forClassPath(classPath);
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        return command;
    }

    /**
     * Kills every child at JVM exit (Ctrl-C, SIGTERM). Added with the first child and removed
     * when the program is over: a hook left behind would keep this launcher, its hub and all
     * that the program made alive for as long as the JVM runs (the golden tests run hundreds
     * of programs in one JVM).
     */
    private final Thread cleanup = new Thread(this::killAll, "par-children-cleanup");

    private synchronized void removeCleanup() {
        if (command != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the hook runs, and nothing is kept any more
            }
        }
    }

    private static List<String> buildCommand(String classPath) {
        List<String> cmd = new ArrayList<>();
        if (SETSID != null) {
            cmd.add(SETSID);
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xms16m");
        cmd.add("-Xmx1g");
        // On JDK 17 only G1 maps the archived module graph, so SerialGC costs each child about
        // 8 ms of CPU as it starts (20 spawns and joins: 3-6% more time), but a child's code runs
        // 7-33% faster under it (fib in a child 7%; a million lock operations, which allocate
        // a boxed number each, 13-33% from run to run), and a child is there to run code
        cmd.add("-XX:+UseSerialGC");
        // as in the root (the par launcher): the evaluator's methods call each other in cycles,
        // and inlining them into themselves made their compiles large and slow
        cmd.add("-XX:MaxRecursiveInlineLevel=0");
        // JVM logging defaults to stdout, which is the channel: keep only errors, on stderr
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=error:stderr");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

}
