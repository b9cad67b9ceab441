package par.cluster;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import par.launch.ChildConn;
import par.launch.ChildLauncher;
import par.wire.Answer;
import par.wire.HubMessage;

/**
 * One root's pool as a member runs it: worker JVMs given the pool's image once, as the hub's
 * own pools are (the same WORKER and TASK frames, run by the same ChildMain), a queue of tasks
 * and the idle workers. A worker that dies fails its task and is replaced. Guarded by its
 * monitor; the member's executor threads wait on each task's future.
 */
final class LocalPool {
    final String key;
    private final byte[] image;
    private final ChildLauncher launcher;
    private final String where;
    private final List<Worker> workers = new ArrayList<>();
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final ArrayDeque<Job> queued = new ArrayDeque<>();
    private boolean closed;
    private static long workerCount;

    /** A worker JVM of this pool and the task it runs. */
    static final class Worker {
        final LocalPool pool;
        final ChildConn conn;
        final String name;
        Job job;

        Worker(LocalPool pool, ChildConn conn, String name) {
            this.pool = pool;
            this.conn = conn;
            this.name = name;
        }
    }

    /** A task's work and the future its executor thread waits on. */
    record Job(long id, byte[] work, CompletableFuture<Answer.Outcome> outcome) {
    }

    /** where: this member's address, which every worker's name carries into error messages. */
    LocalPool(String key, byte[] image, ChildLauncher launcher, String where) {
        this.key = key;
        this.image = image;
        this.launcher = launcher;
        this.where = where;
    }

    synchronized void start(int size) throws IOException {
        for (int i = 0; i < size; i++) {
            addWorker();
        }
    }

    private void addWorker() throws IOException {
        ChildConn conn = launcher.take(false, true);
        long n;
        synchronized (LocalPool.class) {
            n = ++workerCount;
        }
        Worker w = new Worker(this, conn, "w" + n + " on " + where);
        conn.own(w);
        conn.send(new HubMessage.Worker(n, w.name, null, "", image));
        workers.add(w);
        idle.add(w);
    }

    /** Queues a task; the future completes with its outcome. */
    synchronized CompletableFuture<Answer.Outcome> run(long id, byte[] work) {
        Job job = new Job(id, work, new CompletableFuture<>());
        queued.add(job);
        dispatch();
        return job.outcome;
    }

    private void dispatch() {
        while (!idle.isEmpty() && !queued.isEmpty()) {
            Worker w = idle.poll();
            Job job = queued.poll();
            w.job = job;
            w.conn.send(new HubMessage.Task(job.id, job.work));
        }
    }

    /** A worker's task ended. */
    synchronized void finished(Worker w, Answer.Outcome outcome) {
        Job job = w.job;
        w.job = null;
        if (job != null) {
            job.outcome.complete(outcome);
        }
        if (workers.contains(w)) {
            idle.add(w);
            dispatch();
        }
        retireIfDone();
    }

    /** A worker died: its task fails, naming it, and unless the pool is closed another takes its place. */
    synchronized void died(Worker w, String how) {
        workers.remove(w);
        idle.remove(w);
        Job job = w.job;
        w.job = null;
        if (job != null) {
            job.outcome.complete(new Answer.TaskFailed(-1, how, List.of(), w.name, w.conn.pid()));
        }
        if (!closed) {
            try {
                addWorker();
                dispatch();
            } catch (IOException e) {
                System.err.println("par member: could not replace worker " + w.name + ": " + e.getMessage());
            }
        }
    }

    /**
     * The root is done with the pool: the workers go once their tasks are over. Or the root is
     * gone: nobody will read what they would send, so its queued tasks are dropped and the
     * workers stopped at once, leaving the member idle for the next program.
     */
    synchronized void close(boolean rootGone) {
        closed = true;
        if (rootGone) {
            for (Job job : queued) {
                job.outcome.complete(Answer.Cancelled.CANCELLED);
            }
            queued.clear();
            for (Worker w : workers) {
                w.conn.close();
                w.conn.process.destroyForcibly();
            }
        }
        retireIfDone();
    }

    private void retireIfDone() {
        if (!closed || !queued.isEmpty()) {
            return;
        }
        for (Worker w : idle) {
            w.conn.close(); // end of its stdin: the worker exits
        }
        workers.removeAll(idle);
        idle.clear();
    }

    synchronized boolean retired() {
        return closed && workers.isEmpty();
    }
}
