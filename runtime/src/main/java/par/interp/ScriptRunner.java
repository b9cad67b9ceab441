package par.interp;

import java.io.PrintStream;

import par.syntax.SyntaxError;

/**
 * Runs a whole script the way the {@code par} command does and turns the outcome into an
 * exit status: 0 on success, 1 for a runtime error, 2 for a syntax error, 141 when the output's
 * reader went away ({@link OutputFailure}). Errors are printed here. Code runs on a thread
 * with a large stack so deep Par recursion meets Par's own limit.
 */
public final class ScriptRunner {
    public static final int OK = 0;
    public static final int RUNTIME_ERROR = 1;
    public static final int SYNTAX_ERROR = 2;

    private static final long STACK_BYTES = 1L << 30;

    private ScriptRunner() {
    }

    public static int run(Interpreter interp, String source, String file) {
        return onLargeStack(new java.util.function.IntSupplier() { // not a lambda: see LargeStackRun
            @Override
            public int getAsInt() {
                int status = runToEnd(interp, source, file);
                boolean clean = interp.processes().shutdown(status == OK);
                return endOutput(interp.out(), interp.err(), clean || status != OK ? status : RUNTIME_ERROR);
            }
        });
    }

    /**
     * Flushes the last lines and gives the status to exit with: an output that failed (now or
     * earlier, in any thread) is said on err, unless its reader simply went away, and turns a
     * success into its status.
     */
    public static int endOutput(Output out, PrintStream err, int status) {
        try {
            out.flush();
            return status;
        } catch (OutputFailure e) {
            if (!e.readerGone) {
                err.println(e.message());
            }
            return status == OK ? e.status : status;
        }
    }

    /** Before an error is printed, the lines printed before it; a failed output is reported at the end. */
    private static void flushBeforeError(Output out) {
        try {
            out.flush();
        } catch (OutputFailure e) {
            // endOutput says it
        }
    }

    private static int runToEnd(Interpreter interp, String source, String file) {
        try {
            interp.run(source, file);
            return OK;
        } catch (SyntaxError e) {
            flushBeforeError(interp.out());
            ErrorPrinter.print(e, source, interp.err());
            return SYNTAX_ERROR;
        } catch (ParError e) {
            flushBeforeError(interp.out());
            ErrorPrinter.print(e, "", interp.err());
            return RUNTIME_ERROR;
        } catch (ExitRequest e) {
            return e.status;
        }
    }

    /** Runs body on a fresh thread with a large stack and waits for it. */
    public static int onLargeStack(java.util.function.IntSupplier body) {
        LargeStackRun run = new LargeStackRun(body);
        Thread t = new Thread(null, run, "par-main", STACK_BYTES);
        t.start();
        try {
            t.join(); // join makes the thread's writes to run visible here
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
        }
        if (run.failure instanceof OutOfMemoryError) {
            System.err.println("par: error: " + ParError.OUT_OF_MEMORY);
            return RUNTIME_ERROR;
        }
        if (run.failure != null) {
            System.err.println("par: internal error: " + run.failure);
            return RUNTIME_ERROR;
        }
        return run.status;
    }

    /**
     * The body of the large-stack thread and what came of it. A class, not a lambda: every
     * JVM of ours runs this, and a JVM's first lambda costs it some 4 ms to link.
     */
    private static final class LargeStackRun implements Runnable {
        private final java.util.function.IntSupplier body;
        int status = RUNTIME_ERROR;
        Throwable failure;

        LargeStackRun(java.util.function.IntSupplier body) {
            this.body = body;
        }

        @Override
        public void run() {
            try {
                status = body.getAsInt();
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
