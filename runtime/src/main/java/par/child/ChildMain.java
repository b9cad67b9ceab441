package par.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import par.interp.Cell;
import par.interp.ExitRequest;
import par.interp.Function;
import par.interp.Interpreter;
import par.interp.Output;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.Resolver;
import par.interp.ScriptRunner;
import par.proc.ProcessSupport;
import par.syntax.Expr;
import par.syntax.Pos;
import par.syntax.Stmt;
import par.wire.Answer;
import par.wire.ChildMessage;
import par.wire.Codec;
import par.wire.HubMessage;
import par.wire.ProcessRequest;
import par.wire.Request;
import par.wire.Wire;
import par.wire.WireException;

/**
 * The main class of a child JVM. A spare first warms up by running the job path once on
 * made-up work; then the child says it is ready, waits for its one job (an image and a call,
 * or a pool worker's image and then task after task), runs it, reports the result or the
 * error to the hub, and exits. Its stdin and stdout are the channel to the hub; if the hub goes away the
 * child halts at once, so a dead parent leaves no orphans. Needs no parser: functions arrive
 * as AST.
 */
public final class ChildMain {
    private ChildMain() {
    }

    /**
     * Characters per piece of a printed line too long for one frame: at three bytes each at
     * most, far below the frame limit, and small enough that the hub takes in a long line a few
     * MiB at a time.
     */
    public static final int LINE_PIECE = 1 << 20;

    /** The argument that marks a spare: a JVM started ahead of need, with time to warm up. */
    public static final String SPARE = "--spare";

    /**
     * The system property that keeps a child for job after job (par check's runs): after each
     * job it says READY again, with a fresh interpreter, instead of exiting.
     */
    public static final String REUSE = "par.child.reuse";
    /** A spare for a pool: it warms up the task path too. */
    public static final String POOL_SPARE = "--pool-spare";
    /**
     * The argument for the run that records the class-data archive: it loads what a child
     * loads (warm-up included), then exits, talking to nobody.
     */
    public static final String ARCHIVE_RUN = "--archive-run";

    public static void main(String[] args) {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), new Terminate());
        // Ctrl-C at the terminal is the root's to handle: in the REPL it stops only what the
        // prompt waits for. The launcher already puts children in a session of their own where
        // it can; this covers the systems where it cannot (and the JVM's first milliseconds).
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err); // stray prints must never corrupt the channel
        ChildChannel channel = new ChildChannel(raw);
        BlockingQueue<HubMessage> jobs = new LinkedBlockingQueue<>();
        BlockingQueue<HubMessage> replies = new LinkedBlockingQueue<>();
        BlockingQueue<HubMessage.Task> tasks = new LinkedBlockingQueue<>();
        String mode = args.length > 0 ? args[0] : "";
        FileInputStream stdin = new FileInputStream(FileDescriptor.in);
        // a JVM started for a job at hand runs it at once, and so does a spare whose job is
        // already waiting: the job itself loads what a warm-up would, without the detour
        boolean warm = !mode.isEmpty() && (mode.equals(ARCHIVE_RUN) || !jobWaiting(stdin));
        if (!mode.equals(ARCHIVE_RUN)) {
            startReader(stdin, jobs, replies, tasks);
        }
        if (warm) {
            warmUp(!mode.equals(SPARE));
        }
        // everything that does not depend on the job is made before the child says it is ready
        Interpreter first = interpreter(channel);
        if (mode.equals(ARCHIVE_RUN)) {
            ArchiveClasses.loadAll(); // the reader and the job loop, which this run does not start, among them
            System.exit(0); // the archive is written as the JVM exits
        }
        boolean reuse = Boolean.getBoolean(REUSE);
        int status = ScriptRunner.onLargeStack(new java.util.function.IntSupplier() {
            @Override
            public int getAsInt() {
                Interpreter interp = first;
                while (true) {
                    channel.send(new ChildMessage.Ready());
                    channel.flush();
                    HubMessage job;
                    try {
                        job = jobs.take();
                    } catch (InterruptedException e) {
                        return ScriptRunner.OK;
                    }
                    if (job instanceof HubMessage.Worker worker) {
                        return runWorker(worker, interp, channel, replies, tasks);
                    }
                    int status = runJob((ProcessRequest.Job) job, interp, channel, replies);
                    if (!reuse || (status != ScriptRunner.OK && status != ScriptRunner.RUNTIME_ERROR)) {
                        return status; // an exit(n), or a full heap: this JVM's life ends with its job
                    }
                    channel.flush();
                    interp = interpreter(channel);
                }
            }
        });
        channel.flush();
        System.exit(status);
    }

    /** An interpreter for a job: its lines go down the channel, its errors to stderr. */
    private static Interpreter interpreter(ChildChannel channel) {
        return new Interpreter(InputStream.nullInputStream(), new ChildOutput(channel), System.err);
    }

    /** The hub has sent something already: a spare is sent nothing before its job. */
    private static boolean jobWaiting(FileInputStream stdin) {
        try {
            return stdin.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The hub's end of the pipe is gone: nobody is left to report to. */
    static void hubGone() {
        Runtime.getRuntime().halt(1);
    }

    private static void startReader(InputStream stdin, BlockingQueue<HubMessage> jobs,
                                    BlockingQueue<HubMessage> replies, BlockingQueue<HubMessage.Task> tasks) {
        new Reader(stdin, jobs, replies, tasks).start();
    }

    /**
     * terminate() is SIGTERM: the child ends at once with the status that says so, as Python's
     * children do.
     */
    private static final class Terminate implements sun.misc.SignalHandler {
        @Override
        public void handle(sun.misc.Signal signal) {
            Runtime.getRuntime().halt(128 + 15);
        }
    }

    /** Reads the hub's frames and sorts them into jobs, tasks and replies. */
    private static final class Reader extends Thread {
        private final InputStream stdin;
        private final BlockingQueue<HubMessage> jobs;
        private final BlockingQueue<HubMessage> replies;
        private final BlockingQueue<HubMessage.Task> tasks;

        Reader(InputStream stdin, BlockingQueue<HubMessage> jobs, BlockingQueue<HubMessage> replies,
               BlockingQueue<HubMessage.Task> tasks) {
            super("par-child-reader");
            this.stdin = stdin;
            this.jobs = jobs;
            this.replies = replies;
            this.tasks = tasks;
            setDaemon(true);
        }

        @Override
        public void run() {
            DataInputStream in = Wire.input(stdin);
            try {
                Wire.Frame f;
                while ((f = Wire.read(in)) != null) {
                    HubMessage m = HubMessage.read(f);
                    if (m instanceof HubMessage.Task task) {
                        tasks.add(task);
                    } else if (m instanceof ProcessRequest.Job || m instanceof HubMessage.Worker) {
                        jobs.add(m);
                    } else {
                        replies.add(m);
                    }
                }
            } catch (IOException | WireException e) {
                System.err.println("par: child " + ProcessHandle.current().pid() + ": " + e.getMessage());
            }
            hubGone();
        }
    }

    /**
     * Connects this child's interpreter to the hub: its requests go over the channel, and, with
     * a seed, wait for their turns under the run's schedule. No lambda on this path: one not
     * linked yet costs a few milliseconds of every spawn.
     */
    private static ProcessSupport connect(Interpreter interp, long procId, Long seed, String slots, ChildChannel channel,
                                          BlockingQueue<HubMessage> replies, MissingName undefined) {
        ProcessSupport support = new ProcessSupport(interp, new PipeBroker(channel, replies, procId, slots));
        interp.setProcesses(support);
        interp.setUndefinedMessage(undefined);
        if (seed != null) {
            support.schedule(seed);
        }
        return support;
    }

    /** What a child says of a name it cannot see: it did not exist when the image was taken. */
    private static final class MissingName implements java.util.function.Function<String, String> {
        private final String when;
        private final String process;

        /** process: the spawned process's name, or null for a pool worker. */
        MissingName(String process) {
            this.process = process;
            this.when = process == null ? "the pool was made" : " was spawned";
        }

        @Override
        public String apply(String name) {
            StringBuilder b = new StringBuilder("name '").append(name).append("' did not exist when ");
            if (process != null) {
                b.append("process ").append(process);
            }
            return b.append(when).append(" (pass it to the function as an argument)").toString();
        }
    }

    private static int runJob(ProcessRequest.Job job, Interpreter interp, ChildChannel channel,
                              BlockingQueue<HubMessage> replies) {
        ProcessSupport support = connect(interp, job.id(), job.seed(), job.slots(), channel, replies, new MissingName(job.name()));
        try {
            ProcessSupport.Call call = ProcessSupport.install(job.image(), interp.globals, support);
            Object result = interp.call(call.function(), call.args());
            channel.send(new ProcessRequest.Result(encodeResult(result)));
            return ScriptRunner.OK;
        } catch (ParError e) {
            channel.send(new ChildMessage.Failed(e.getMessage(), e.trace()));
            return ScriptRunner.RUNTIME_ERROR;
        } catch (OutOfMemoryError e) {
            // outside any Par statement (decoding the image, encoding the result): no place to name
            channel.send(new ChildMessage.Failed(ParError.OUT_OF_MEMORY, List.of()));
            return ScriptRunner.RUNTIME_ERROR;
        } catch (ExitRequest e) {
            channel.send(new ChildMessage.Exit(e.status));
            return e.status;
        }
    }

    /**
     * A pool worker: installs the pool's image once, then runs task after task, each a function
     * (or the name of one in the image) applied to every item of a chunk.
     */
    private static int runWorker(HubMessage.Worker job, Interpreter interp, ChildChannel channel,
                                 BlockingQueue<HubMessage> replies, BlockingQueue<HubMessage.Task> tasks) {
        ProcessSupport support = connect(interp, job.id(), job.seed(), job.slots(), channel, replies, new MissingName(null));
        ProcessSupport.install(job.image(), interp.globals, support);
        while (true) {
            HubMessage.Task task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return ScriptRunner.OK;
            }
            runTask(task, interp, support, channel);
            channel.flush();
        }
    }

    private static void runTask(HubMessage.Task task, Interpreter interp, ProcessSupport support, ChildChannel channel) {
        HubMessage.Work work = HubMessage.Work.decode(task.work(), support);
        ProcessSupport.installGlobals((ParList) work.globals(), interp.globals, support, true);
        Object fn = work.function() instanceof String name ? interp.globals.get(name) : work.function();
        boolean spread = work.spread();
        // a chunk is a list of items, or a range (a map over a range travels as small ranges)
        List<Object> items = work.chunk() instanceof ParList list ? list.items : par.interp.Sequences.toList(work.chunk());
        ParList results = new ParList(items.size());
        int index = 0;
        try {
            for (; index < items.size(); index++) {
                Object item = items.get(index);
                Object[] args = spread ? ((ParList) item).items.toArray() : new Object[] {item};
                results.add(interp.call(fn, args));
            }
            channel.send(new ChildMessage.TaskResults(encodeResult(results)));
        } catch (ParError e) {
            channel.send(new ChildMessage.TaskFailed(index, e.getMessage(), e.trace()));
        } catch (OutOfMemoryError e) {
            channel.send(new ChildMessage.TaskFailed(index, ParError.OUT_OF_MEMORY, List.of()));
        } catch (ExitRequest e) {
            channel.send(new ChildMessage.TaskFailed(index, "exit() was called in a pool task", List.of()));
        }
    }

    private static byte[] encodeResult(Object result) {
        try {
            return Codec.encode(result);
        } catch (ParError e) {
            throw new ParError("cannot return the result to the parent: " + e.getMessage());
        }
    }

    /**
     * Runs the very job and task paths once, on made-up work, in an interpreter of its own and
     * into a channel nobody reads: every class they load and every call site they link is
     * ready when the real job comes (and the archive run records them all).
     */
    private static void warmUp(boolean tasksToo) {
        Pos p = new Pos(1, 1);
        Expr x = new Expr.Name(p, "x");
        Stmt.Def def = new Stmt.Def(p, "<warm-up>", "warm", List.of("x"), List.of(new Stmt.Return(p,
                new Expr.ListLiteral(p, List.of(new Expr.Binary(p, "*", x, new Expr.Literal(p, 2L)),
                        new Expr.Call(p, new Expr.Name(p, "str"), List.of(x)))))), "");
        Interpreter scratch = new Interpreter(InputStream.nullInputStream(), DISCARD, System.err);
        Function warm = new Function(Resolver.resolveFunction(def, List.of(), scratch.globals), new Cell[0]);
        scratch.globals.set("warm", warm);
        ProcessRequest.Job job = new ProcessRequest.Job(0L, "warm-up", null, "",
                ProcessSupport.image(scratch.globals, warm, new Object[] {21L}));
        HubMessage.Task task = new HubMessage.Task(0L, Codec.encodeAll("warm", false, ParList.of(1L, 2L, 3L), new ParList()));
        ChildChannel sink = new ChildChannel(java.io.OutputStream.nullOutputStream(), false);
        BlockingQueue<HubMessage> noReplies = new LinkedBlockingQueue<>();
        ScriptRunner.onLargeStack(new java.util.function.IntSupplier() {
            @Override
            public int getAsInt() {
                runJob(job, scratch, sink, noReplies);
                par.proc.Slots.warmUp();
                if (tasksToo) {
                    runTask(task, scratch, connect(scratch, 0L, null, "", sink, noReplies, new MissingName(null)), sink);
                }
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    Wire.Frame frame = HubMessage.frame(job);
                    Wire.write(bytes, frame.kind(), frame.payload());
                    HubMessage.read(Wire.read(new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))));
                    // a request and its answer, as PipeBroker writes and reads them
                    ChildMessage.frame(new ChildMessage.Call(0, new Request.Get(0, null, "")));
                    HubMessage.read(HubMessage.frame(new HubMessage.Answered(0, new Answer.Items(List.of(job.image())))));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return 0;
            }
        });
    }

    private static final Output DISCARD = new Output() {
        @Override
        public void line(String text) {
        }

        @Override
        public void flush() {
        }
    };

    /** A child's printed lines, each one frame to the hub. */
    private static final class ChildOutput implements Output {
        private final ChildChannel channel;

        ChildOutput(ChildChannel channel) {
            this.channel = channel;
        }

        /**
         * A line longer than a frame holds goes in pieces, each but the last an OUTPUT_PART;
         * the hub joins them into the one line printed. A cut never parts a surrogate pair.
         */
        @Override
        public void line(String text) {
            int from = 0;
            while (text.length() - from > LINE_PIECE) {
                int to = from + LINE_PIECE;
                if (Character.isHighSurrogate(text.charAt(to - 1))) {
                    to--;
                }
                channel.send(new ChildMessage.Output(text.substring(from, to), true));
                from = to;
            }
            channel.send(new ChildMessage.Output(from == 0 ? text : text.substring(from), false));
        }

        @Override
        public void flush() {
            channel.flush();
        }
    }
}
