package par.interp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import par.syntax.Program;
import par.syntax.SourceParser;

/**
 * Runs Par code. The whole pipeline is {@link #run}: parse, resolve, execute. Its input and
 * outputs are given to it, never taken from System, so tests run scripts in-process; the
 * process machinery is given to it too ({@link Processes}).
 */
public final class Interpreter {
    /** How the top level appears in a Par call stack. */
    public static final String TOP_LEVEL = "<main>";

    private final InputStream in;
    private Output out;
    private final PrintStream err;
    public final Globals globals = new Globals();
    private Processes processes = Processes.NONE;
    private BufferedReader reader;
    /** How many Par calls are running; deeper than {@link Function#MAX_DEPTH} is an error. */
    int depth;
    /**
     * The frame of the call running at each depth, reused by the next call at that depth: a
     * frame never outlives its call (closures capture cells, not frames), so a call allocates
     * only its slots. Only the thread running the program uses them.
     */
    private Frame[] frames = new Frame[16];
    /** Set by the REPL's Ctrl-C: loops notice it and stop with an error. */
    private volatile boolean interruptRequested;
    /** Set when the program must end at once (a deadlock was found): the status to end with. */
    private volatile int abortStatus = -1;
    /** The thread running the program, so an abort can wake it from a sleep. */
    private volatile Thread runner;
    /**
     * Where the program is about to wait ({@code file.par:LINE}), set just before a method call
     * that may block on another process (a lock's, a queue's, a pool's), so the hub can say
     * where each process is stuck. spawn and join pass theirs directly.
     */
    private String site = "";

    /** The call site of the method call being made (see {@link #at}). */
    public String site() {
        return site;
    }

    /** Notes the call site of the method call about to be made. */
    void at(String callSite) {
        site = callSite;
    }

    public Interpreter(InputStream in, Output out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Source text and file name to a program: a cache of the parser's work, if one is set. */
    private java.util.function.BiFunction<String, String, Program> parser;

    public void setParser(java.util.function.BiFunction<String, String, Program> parser) {
        this.parser = parser;
    }

    private Program parse(String source, String file) {
        return parser != null ? parser.apply(source, file) : SourceParser.parse(source, file);
    }

    /** Source text to effects: the life of a program in three steps. */
    public void run(String source, String file) {
        Program program = parse(source, file);                        // syntax errors, located
        TopLevel code = Resolver.resolve(program, globals, false);    // names to slots, static errors
        if (code.jvms() > 0) {
            processes.prewarm(code.jvms(), code.pools());             // child JVMs start meanwhile
        }
        execute(code);                                                // runtime errors carry a Par stack
    }

    public void execute(TopLevel code) {
        runner = Thread.currentThread();
        Frame frame = new Frame(new Object[code.frameSize()], null, this);
        try {
            code.body().exec(frame);
        } catch (ParError e) {
            e.leaveFunction(TOP_LEVEL, code.file(), code.lines());
            throw e;
        }
    }

    /** Enters a call one level deeper: its frame, holding these slots and cells. */
    Frame enter(Object[] slots, Cell[] captured) {
        checkInterrupt(); // a recursion with no loop in it must stop at Ctrl-C too
        int d = depth + 1;
        if (d > Function.MAX_DEPTH) {
            // not entered: the caller's line is where this happened
            throw new ParError("maximum recursion depth exceeded (" + Function.MAX_DEPTH + " calls deep)");
        }
        if (d == frames.length) {
            frames = java.util.Arrays.copyOf(frames, d * 2);
        }
        Frame frame = frames[d];
        if (frame == null) {
            frame = frames[d] = new Frame(null, null, this);
        }
        frame.slots = slots;
        frame.captured = captured;
        depth = d;
        return frame;
    }

    /** Leaves the call of this frame, letting go of its locals so they are garbage as they would be. */
    void leave(Frame frame) {
        frame.slots = null;
        depth--;
    }

    /** Asks the running code to stop at its next loop step or wait (the REPL's Ctrl-C). */
    public void interrupt() {
        interruptRequested = true;
    }

    /** Interrupts the statement running (the REPL's Ctrl-C, or a deadlock found in a session). */
    public void interruptRunning() {
        interrupt();
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    public void clearInterrupt() {
        interruptRequested = false;
    }

    /** Ends the program as soon as it runs again (or at once, if it is sleeping), with this status. */
    public void abort(int status) {
        abortStatus = status;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    /** If the program is being ended, ends it now. */
    public void checkAbort() {
        if (abortStatus >= 0) {
            throw new ExitRequest(abortStatus);
        }
    }

    void checkInterrupt() {
        checkAbort();
        if (interruptRequested) {
            interruptRequested = false;
            throw new ParError("interrupted");
        }
    }

    public Output out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Processes processes() {
        return processes;
    }

    public void setProcesses(Processes processes) {
        this.processes = processes;
    }

    /** Calls any callable value with the given arguments. */
    public Object call(Object fn, Object[] args) {
        if (fn instanceof Callable) {
            return ((Callable) fn).call(this, args);
        }
        throw new ParError(Values.aType(fn) + " cannot be called");
    }

    /**
     * The error for a global that has no value, read where locals are the local names. A child
     * process words it differently for a name the program assigns somewhere: it did not exist
     * when the child was made. Otherwise it is defined nowhere, and a close name is suggested.
     */
    ParError undefined(String name, Collection<String> locals) {
        if (undefinedMessage != null && globals.assignedSomewhere(name)) {
            return new ParError(undefinedMessage.apply(name));
        }
        List<String> candidates = new ArrayList<>(locals);
        candidates.addAll(globals.snapshot().keySet());
        candidates.addAll(Builtins.names());
        return new ParError("name '" + name + "' is not defined" + Suggestions.didYouMean(name, candidates));
    }

    /** How a child process words a name that existed only later; null in the root. */
    private java.util.function.Function<String, String> undefinedMessage;

    public void setUndefinedMessage(java.util.function.Function<String, String> message) {
        this.undefinedMessage = message;
    }

    /** time() and sleep(): the machine's clock, or a schedule's virtual one. */
    private Clock clock = Clock.MACHINE;
    /** random() and friends: shared and unseeded, or one seeded generator under a schedule. */
    private java.util.random.RandomGenerator random;

    public Clock clock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public java.util.random.RandomGenerator random() {
        return random != null ? random : java.util.concurrent.ThreadLocalRandom.current();
    }

    public void setRandom(java.util.random.RandomGenerator random) {
        this.random = random;
    }

    /** Where long operations report how far they are (a pool's map). */
    private Progress progress = Progress.NONE;

    public Progress progress() {
        return progress;
    }

    public void setProgress(Progress progress) {
        this.progress = progress;
    }

    /** Where an echoed value goes (the REPL's input {@code 1 + 1}); null: a printed line. */
    private java.util.function.Consumer<String> echo;

    /** Echoed values go to echo instead of the output (a notebook shows them as the cell's result). */
    public void setEcho(java.util.function.Consumer<String> echo) {
        this.echo = echo;
    }

    /** Shows the value of a top-level expression typed in a session, as its repr. */
    void echo(String shown) {
        if (echo != null) {
            echo.accept(shown);
        } else {
            out.line(shown);
        }
    }

    /** Where printed lines go from now on (a schedule makes each line wait for its turn). */
    public void setOutput(Output out) {
        this.out = out;
    }

    public void sleep(double seconds) {
        out.flush();
        if (seconds <= 0) {
            return;
        }
        try {
            clock.sleep(seconds);
        } catch (InterruptedException e) {
            checkInterrupt();
            throw new ParError("interrupted");
        }
    }

    /**
     * Where input() gets its lines instead of the input stream: one that asks for each line with
     * its prompt (the kernel asks the notebook). null at the end of the input; an interrupt
     * while it waits ends input() with the interpreter's "interrupted".
     */
    public interface LineSource {
        String readLine(String prompt) throws InterruptedException;
    }

    private LineSource lineSource;

    public void setLineSource(LineSource source) {
        this.lineSource = source;
    }

    /** input(): one line of standard input, or nil at its end. */
    public Object readLine(String prompt) {
        if (lineSource != null) {
            out.flush();
            String line;
            try {
                line = lineSource.readLine(prompt);
            } catch (InterruptedException e) {
                checkInterrupt(); // the interrupt asked for ends the wait as it ends any other
                throw new ParError("interrupted");
            }
            return line == null ? Nil.NIL : line;
        }
        if (!prompt.isEmpty()) {
            out.line(prompt);
        }
        out.flush();
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String line = reader.readLine();
            return line == null ? Nil.NIL : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
