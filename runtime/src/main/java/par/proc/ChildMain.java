package par.proc;

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
import par.syntax.Expr;
import par.syntax.Pos;
import par.syntax.Stmt;

/**
 * The main class of a child JVM. A spare first warms up by running the job path once on
 * made-up work; then the child says it is ready, waits for its one job (an image and a call,
 * or a pool worker's image and then task after task), runs it, reports the result or the
 * error to the hub, and exits. Its stdin and stdout are the channel to the hub; if the hub goes away the
 * child halts at once, so a dead parent leaves no orphans. Needs no parser: functions arrive
 * as AST.
 */
public final class ChildMain {
    /** For replies from the hub, which hold only plain values and encoded payloads. */
    static final Codec.Receiver PLAIN = new Codec.Receiver() {
        @Override
        public Function function(Stmt.Def def, List<String> freeVars, Cell[] captured) {
            throw new WireException("malformed reply: a function where a plain value belongs");
        }

        @Override
        public Object handle(byte kind, long id, long meta) {
            throw new WireException("malformed reply: a handle where a plain value belongs");
        }
    };

    private ChildMain() {
    }

    /**
     * Characters per piece of a printed line too long for one frame: at three bytes each at
     * most, far below the frame limit, and small enough that the hub takes in a long line a few
     * MiB at a time.
     */
    static final int LINE_PIECE = 1 << 20;

    /** The argument that marks a spare: a JVM started ahead of need, with time to warm up. */
    static final String SPARE = "--spare";
    /** A spare for a pool: it warms up the task path too. */
    static final String POOL_SPARE = "--pool-spare";
    /**
     * The argument for the run that records the class-data archive: it loads what a child
     * loads (warm-up included), then exits, talking to nobody.
     */
    static final String ARCHIVE_RUN = "--archive-run";

    public static void main(String[] args) {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), new Terminate());
        // Ctrl-C at the terminal is the root's to handle: in the REPL it stops only what the
        // prompt waits for. The launcher already puts children in a session of their own where
        // it can; this covers the systems where it cannot (and the JVM's first milliseconds).
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err); // stray prints must never corrupt the channel
        ChildChannel channel = new ChildChannel(raw);
        BlockingQueue<Wire.Frame> jobs = new LinkedBlockingQueue<>();
        BlockingQueue<Wire.Frame> replies = new LinkedBlockingQueue<>();
        BlockingQueue<Wire.Frame> tasks = new LinkedBlockingQueue<>();
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
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new ChildOutput(channel), System.err);
        if (mode.equals(ARCHIVE_RUN)) {
            System.exit(0); // the archive is written as the JVM exits
        }
        int status = ScriptRunner.onLargeStack(new java.util.function.IntSupplier() {
            @Override
            public int getAsInt() {
                channel.send(Wire.READY, new byte[0]);
                channel.flush();
                Wire.Frame job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    return ScriptRunner.OK;
                }
                return job.kind() == Wire.WORKER ? runWorker(job.payload(), interp, channel, replies, tasks)
                        : runJob(job.payload(), interp, channel, replies);
            }
        });
        channel.flush();
        System.exit(status);
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

    private static void startReader(InputStream stdin, BlockingQueue<Wire.Frame> jobs,
                                    BlockingQueue<Wire.Frame> replies, BlockingQueue<Wire.Frame> tasks) {
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
        private final BlockingQueue<Wire.Frame> jobs;
        private final BlockingQueue<Wire.Frame> replies;
        private final BlockingQueue<Wire.Frame> tasks;

        Reader(InputStream stdin, BlockingQueue<Wire.Frame> jobs, BlockingQueue<Wire.Frame> replies,
               BlockingQueue<Wire.Frame> tasks) {
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
                    if (f.kind() == Wire.JOB || f.kind() == Wire.WORKER) {
                        jobs.add(f);
                    } else if (f.kind() == Wire.TASK) {
                        tasks.add(f);
                    } else if (f.kind() == Wire.REPLY || f.kind() == Wire.FAILURE) {
                        replies.add(f);
                    } else {
                        throw new WireException("malformed frame: unknown kind " + f.kind());
                    }
                }
            } catch (IOException | WireException e) {
                System.err.println("par: child " + ProcessHandle.current().pid() + ": " + e.getMessage());
            }
            hubGone();
        }
    }

    /**
     * Connects this child's interpreter to the hub: its requests go over the channel. No lambda
     * on this path: one not linked yet costs a few milliseconds of every spawn.
     */
    private static ProcessSupport connect(Interpreter interp, long procId, ChildChannel channel,
                                          BlockingQueue<Wire.Frame> replies, MissingName undefined) {
        ProcessSupport support = new ProcessSupport(interp, new PipeBroker(channel, replies, procId));
        interp.setProcesses(support);
        interp.setUndefinedMessage(undefined);
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

    private static int runJob(byte[] job, Interpreter interp, ChildChannel channel, BlockingQueue<Wire.Frame> replies) {
        Object[] head = Codec.decodeAll(job, 3, PLAIN);
        String name = (String) head[1];
        ProcessSupport support = connect(interp, (Long) head[0], channel, replies, new MissingName(name));
        try {
            Image.Call call = Image.install((byte[]) head[2], interp.globals, support);
            Object result = interp.call(call.function(), call.args());
            channel.send(Wire.RESULT, encodeResult(result));
            return ScriptRunner.OK;
        } catch (ParError e) {
            channel.send(Wire.ERROR, Codec.encodeAll(e.getMessage(), trace(e)));
            return ScriptRunner.RUNTIME_ERROR;
        } catch (OutOfMemoryError e) {
            // outside any Par statement (decoding the image, encoding the result): no place to name
            channel.send(Wire.ERROR, Codec.encodeAll(ParError.OUT_OF_MEMORY, new ParList()));
            return ScriptRunner.RUNTIME_ERROR;
        } catch (ExitRequest e) {
            channel.send(Wire.EXIT, Codec.encodeAll((long) e.status));
            return e.status;
        }
    }

    /**
     * A pool worker: installs the pool's image once, then runs task after task, each a function
     * (or the name of one in the image) applied to every item of a chunk.
     */
    private static int runWorker(byte[] job, Interpreter interp, ChildChannel channel,
                                 BlockingQueue<Wire.Frame> replies, BlockingQueue<Wire.Frame> tasks) {
        Object[] head = Codec.decodeAll(job, 3, PLAIN);
        ProcessSupport support = connect(interp, (Long) head[0], channel, replies, new MissingName(null));
        Image.install((byte[]) head[2], interp.globals, support);
        while (true) {
            Wire.Frame task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return ScriptRunner.OK;
            }
            runTask(task.payload(), interp, support, channel);
            channel.flush();
        }
    }

    private static void runTask(byte[] payload, Interpreter interp, ProcessSupport support, ChildChannel channel) {
        Object[] head = Codec.decodeAll(payload, 2, PLAIN);
        long taskId = (Long) head[0];
        Object[] work = Codec.decodeAll((byte[]) head[1], 4, support);
        Image.installGlobals((ParList) work[3], interp.globals, support, true);
        Object fn = work[0] instanceof String ? interp.globals.get((String) work[0]) : work[0];
        boolean spread = (Boolean) work[1];
        // a chunk is a list of items, or a range (a map over a range travels as small ranges)
        List<Object> items = work[2] instanceof ParList ? ((ParList) work[2]).items : par.interp.Sequences.toList(work[2]);
        ParList results = new ParList(items.size());
        int index = 0;
        try {
            for (; index < items.size(); index++) {
                Object item = items.get(index);
                Object[] args = spread ? ((ParList) item).items.toArray() : new Object[] {item};
                results.add(interp.call(fn, args));
            }
            channel.send(Wire.TASK_DONE, encodeResult(results));
        } catch (ParError e) {
            channel.send(Wire.TASK_ERROR, Codec.encodeAll((long) index, e.getMessage(), trace(e)));
        } catch (OutOfMemoryError e) {
            channel.send(Wire.TASK_ERROR, Codec.encodeAll((long) index, ParError.OUT_OF_MEMORY, new ParList()));
        } catch (ExitRequest e) {
            channel.send(Wire.TASK_ERROR, Codec.encodeAll((long) index, "exit() was called in a pool task", new ParList()));
        }
    }

    private static byte[] encodeResult(Object result) {
        try {
            return Codec.encode(result);
        } catch (ParError e) {
            throw new ParError("cannot return the result to the parent: " + e.getMessage());
        }
    }

    private static ParList trace(ParError e) {
        ParList out = new ParList();
        for (ParError.TraceEntry t : e.trace()) {
            out.add(ParList.of(t.function(), t.file(), (long) t.line()));
        }
        return out;
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
                        new Expr.Call(p, new Expr.Name(p, "str"), List.of(x)))))));
        Interpreter scratch = new Interpreter(InputStream.nullInputStream(), DISCARD, System.err);
        Function warm = new Function(Resolver.resolveFunction(def, List.of(), scratch.globals), new Cell[0]);
        scratch.globals.set("warm", warm);
        byte[] job = Codec.encodeAll(0L, "warm-up", Image.build(scratch.globals, warm, new Object[] {21L}));
        byte[] task = Codec.encodeAll(0L, Codec.encodeAll("warm", false, ParList.of(1L, 2L, 3L), new ParList()));
        ChildChannel sink = new ChildChannel(java.io.OutputStream.nullOutputStream(), false);
        BlockingQueue<Wire.Frame> noReplies = new LinkedBlockingQueue<>();
        ScriptRunner.onLargeStack(new java.util.function.IntSupplier() {
            @Override
            public int getAsInt() {
                runJob(job, scratch, sink, noReplies);
                if (tasksToo) {
                    runTask(task, scratch, connect(scratch, 0L, sink, noReplies, new MissingName(null)), sink);
                }
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    Wire.write(bytes, Wire.RESULT, job);
                    Wire.read(new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
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
                channel.send(Wire.OUTPUT_PART, Codec.strForm(text.substring(from, to)));
                from = to;
            }
            channel.send(Wire.OUTPUT, Codec.strForm(from == 0 ? text : text.substring(from)));
        }

        @Override
        public void flush() {
            channel.flush();
        }
    }
}
