package par.proc;

import java.util.List;

import par.wire.Answer;
import par.wire.Request;

/**
 * Where a pool's tasks run: the hub's worker JVMs on this machine ({@link HubTasks}), or the
 * workers of a cluster's members (par.cluster). {@link PoolHandle} cuts the items into chunks
 * and encodes each task's work the same way for both; this is what it asks of them.
 */
public interface PoolTasks {
    /** The pool's id, for its handle's identity. */
    long id();

    /** How many workers the pool has (for the chunk size). */
    int size();

    /** How many chunks map makes per worker. */
    int chunksPerWorker();

    /** Queues a task per work, in order (a batch: a failure cancels the later ones); their ids. */
    List<Long> submit(List<byte[]> works);

    /** Waits for one task's end. site: the caller's place, for the hub's wait graph. */
    Answer.Outcome await(long task, String site);

    /** What successful() says of a task still running, one wording for every kind of pool. */
    String STILL_RUNNING = "the task has not ended yet (successful() is for a task that has)";

    /** What get(timeout) says once the time-out has passed. */
    static String notEndedAfter(Request.Timeout timeout) {
        return "the task has not ended after " + timeout.shown() + " s";
    }

    /** Waits for one task's end, or fails once timeout has passed (t.get(timeout), t.wait(timeout)). */
    Answer.Outcome awaitWithin(long task, Request.Timeout timeout, String site);

    /** Whether a task that has ended gave its results; an error while it runs. */
    boolean succeeded(long task);

    /** Ends the workers at once; every task not ended fails. */
    void terminate(String site);

    /** Waits for the first of the tasks to end. */
    Answer.TaskEnded awaitAny(List<Long> tasks, String site);

    boolean done(long task);

    /**
     * This process will not ask about these tasks again (a map has gathered their results, a
     * task handle keeps its outcome): their records may go, so a loop of maps does not grow
     * the memory that keeps them.
     */
    void forget(List<Long> tasks);

    /** Waits for the pool's tasks, then lets its workers go. */
    void close(String site);

    /** How the pool prints: {@code <pool of 4>}. */
    String describe();
}
