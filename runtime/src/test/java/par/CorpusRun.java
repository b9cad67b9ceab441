package par;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the golden corpus's scripts for {@link GoldenScriptsTest}: the shared ones on a few
 * threads at once, then, once every shared one has ended, the ones that must be alone, one
 * after another on a thread of their own. Each run is a future its test waits for. Touches
 * nothing but the threads it makes; what a run does is the caller's.
 */
final class CorpusRun implements AutoCloseable {
    private final ExecutorService pool;
    private final ExecutorService single = Executors.newSingleThreadExecutor(daemons("golden-alone"));
    private final List<CompletableFuture<?>> sharedRuns = new ArrayList<>();
    private final List<Callable<?>> aloneRuns = new ArrayList<>();
    private final List<CompletableFuture<?>> aloneResults = new ArrayList<>();

    CorpusRun(int threads) {
        pool = Executors.newFixedThreadPool(threads, daemons("golden"));
    }

    /** Starts run on the pool, beside the other shared runs. */
    <T> Future<T> shared(Callable<T> run) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> call(run), pool);
        sharedRuns.add(result);
        return result;
    }

    /** Runs run by itself, after every shared run has ended (see {@link #allStarted}). */
    <T> Future<T> alone(Callable<T> run) {
        CompletableFuture<T> result = new CompletableFuture<>();
        aloneRuns.add(run);
        aloneResults.add(result);
        return result;
    }

    /**
     * Every run has been given: once the shared ones have ended (passed or failed), the
     * lone ones run, in the order given.
     */
    void allStarted() {
        CompletableFuture<Void> shared = CompletableFuture.allOf(sharedRuns.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null);
        shared.thenRunAsync(this::runAlone, single);
    }

    @SuppressWarnings("unchecked")
    private void runAlone() {
        for (int i = 0; i < aloneRuns.size(); i++) {
            CompletableFuture<Object> result = (CompletableFuture<Object>) aloneResults.get(i);
            try {
                result.complete(aloneRuns.get(i).call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }

    /** What the run gave, or what it threw; a run still going after the given minutes has hung. */
    static <T> T await(Future<T> result, long minutes) throws Exception {
        try {
            return result.get(minutes, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof Wrapped w ? w.getCause() : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + minutes + " minutes", e);
        }
    }

    /** Stops whatever still runs (only a run that hung): the test has failed already. */
    @Override
    public void close() {
        pool.shutdownNow();
        single.shutdownNow();
    }

    private static <T> T call(Callable<T> run) {
        try {
            return run.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new Wrapped(e);
        }
    }

    /** A checked exception of a run, carried through the future and thrown again by await. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
