package par.interp;

import java.util.concurrent.atomic.AtomicReference;

import par.syntax.SyntaxError;

/**
 * Runs a whole script the way the {@code par} command does and turns the outcome into an
 * exit status: 0 on success, 1 for a runtime error, 2 for a syntax error. Errors are printed
 * here. Code runs on a thread with a large stack so deep Par recursion meets Par's own limit.
 */
public final class ScriptRunner {
    public static final int OK = 0;
    public static final int RUNTIME_ERROR = 1;
    public static final int SYNTAX_ERROR = 2;

    private static final long STACK_BYTES = 1L << 30;

    private ScriptRunner() {
    }

    public static int run(Interpreter interp, String source, String file) {
        return onLargeStack(() -> {
            int status = runToEnd(interp, source, file);
            boolean clean = interp.processes().shutdown(status == OK);
            interp.out().flush();
            return clean || status != OK ? status : RUNTIME_ERROR;
        });
    }

    private static int runToEnd(Interpreter interp, String source, String file) {
        try {
            interp.run(source, file);
            return OK;
        } catch (SyntaxError e) {
            interp.out().flush();
            ErrorPrinter.print(e, source, interp.err());
            return SYNTAX_ERROR;
        } catch (ParError e) {
            interp.out().flush();
            ErrorPrinter.print(e, "", interp.err());
            return RUNTIME_ERROR;
        } catch (ExitRequest e) {
            return e.status;
        }
    }

    /** Runs body on a fresh thread with a large stack and waits for it. */
    public static int onLargeStack(java.util.function.IntSupplier body) {
        AtomicReference<Integer> status = new AtomicReference<>(RUNTIME_ERROR);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                status.set(body.getAsInt());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "par-main", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
        }
        if (failure.get() instanceof OutOfMemoryError) {
            System.err.println("par: error: out of memory");
            return RUNTIME_ERROR;
        }
        if (failure.get() != null) {
            System.err.println("par: internal error: " + failure.get());
            return RUNTIME_ERROR;
        }
        return status.get();
    }
}
