package par.repl;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import par.hub.RootProcesses;
import par.hub.Trace;
import par.interp.ErrorPrinter;
import par.interp.ExitRequest;
import par.interp.Interpreter;
import par.interp.Output;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.Resolver;
import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.SyntaxError;

/**
 * One interactive session: a long-lived interpreter and its processes, into which inputs are
 * evaluated one after another so definitions and globals persist. The terminal REPL and the
 * Jupyter kernel each hold one; neither knows how the other shows what it runs.
 */
public final class Session {
    private static final long STACK_BYTES = 1L << 30;

    private final Interpreter interp;
    private final RootProcesses processes;
    private volatile Thread running;

    /** trace: the hub's events (a kernel keeps them for %timeline), or null for none. */
    public Session(InputStream in, Output out, PrintStream err, Trace trace) {
        this.interp = new Interpreter(in, out, err);
        this.processes = RootProcesses.install(interp, 256, true, trace != null ? trace : new Trace(null, false));
        interp.globals.set("args", new ParList());
    }

    public Interpreter interp() {
        return interp;
    }

    public RootProcesses processes() {
        return processes;
    }

    /**
     * How an input ended. exit: the status exit() asked for, or null; error: the error's
     * located text as {@link ErrorPrinter} words it (lines, each ending in a newline), or null;
     * syntax: whether that error was found before the input ran.
     */
    public record Outcome(Integer exit, String error, boolean syntax) {
    }

    /**
     * Parses, resolves and runs one input; an error ends the input, not the session, and is
     * answered for the caller to show. All three steps run on the large stack,
     * as a script's do, so deep input meets the parser's limit (a located error) rather than the
     * end of this thread's stack. echo: an expression's value is shown (typed input, not :load).
     */
    public Outcome evaluate(String source, String file, boolean echo) {
        Outcome[] outcome = {new Outcome(null, null, false)};
        Thread t = new Thread(null, () -> {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrintStream error = new PrintStream(text, true, StandardCharsets.UTF_8);
            try {
                Program program = SourceParser.parse(source, file);
                interp.execute(Resolver.resolve(program, interp.globals, echo));
            } catch (SyntaxError e) {
                ErrorPrinter.print(e, source, error);
                outcome[0] = new Outcome(null, text.toString(StandardCharsets.UTF_8), true);
            } catch (ParError e) {
                interp.out().flush();
                ErrorPrinter.print(e, "", error);
                outcome[0] = new Outcome(null, text.toString(StandardCharsets.UTF_8), false);
            } catch (ExitRequest e) {
                outcome[0] = new Outcome(e.status, null, false);
            }
        }, "par-repl-eval", STACK_BYTES);
        interp.clearInterrupt();
        running = t;
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = null;
        }
        interp.out().flush();
        return outcome[0];
    }

    /**
     * Ctrl-C: the input running stops its own wait (a join, a get, a sleep, a loop) with an
     * error; children and pool workers never hear of it.
     */
    public void interruptRunning() {
        if (running != null) {
            interp.interruptRunning();
        }
    }

    /** Forgets every global (:reset). */
    public void reset() {
        interp.globals.clear();
        interp.globals.set("args", new ParList());
    }

    /** Stops the children still running; answers how many there were. */
    public int stopChildren() {
        return processes.stopChildren();
    }
}
