package par.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;

import par.interp.ParError;
import par.proc.PoolTasks;
import par.wire.Answer;
import par.wire.Request;

/**
 * A pool whose workers are every member's workers: the root hands each member at most as
 * many chunks as it has workers, so none waits in a member's queue while another member is
 * idle, and sends the pool's image with the first chunk a member gets. A chunk whose member
 * dies (or leaves) is run again on the members left, so a task may run twice; with no member
 * left, every unfinished task fails with that reason. Guarded by its monitor; Hazelcast's
 * threads report answers and members here.
 */
public final class ClusterPool implements PoolTasks {
    private static final AtomicLong POOLS = new AtomicLong();

    private final Link link;
    private final long id;
    private final String key;
    private final byte[] image;
    private final int size;
    private final Map<UUID, Seat> seats = new LinkedHashMap<>();
    private final ArrayDeque<Task> queued = new ArrayDeque<>();
    private final Map<Long, Task> tasks = new HashMap<>();
    private long nextTask;
    /** Why no task can run any more (no member left), or null. */
    private String lost;

    /** A member as this pool uses it: how many chunks it may run at once, how many it runs. */
    private static final class Seat {
        final Member member;
        final int capacity;
        int running;
        boolean hasImage;

        Seat(Member member, int capacity) {
            this.member = member;
            this.capacity = capacity;
        }
    }

    /** One chunk's task: its work, its batch (see par.hub.HubTask), where it runs, how it ended. */
    private static final class Task {
        final long id;
        final byte[] work;
        final List<Task> batch;
        final int position;
        Seat seat;
        /** Bumped each time the task is sent: an answer to an earlier sending is dropped. */
        int attempt;
        boolean done;
        boolean cancelled;
        /** The program will not ask about it again: its record goes once it has ended. */
        boolean forgotten;
        Answer.Outcome outcome;

        Task(long id, byte[] work, List<Task> batch) {
            this.id = id;
            this.work = work;
            this.batch = batch;
            this.position = batch.size();
            batch.add(this);
        }
    }

    private ClusterPool(Link link, byte[] image) {
        this.link = link;
        this.id = -POOLS.incrementAndGet(); // the hub's ids are positive: no handle is taken for another
        this.key = link.clientId() + "/" + -id;
        this.image = image;
        int workers = 0;
        for (Member m : link.members()) {
            if (Refusals.usable(m)) {
                Seat s = new Seat(m, workers(m));
                seats.put(m.getUuid(), s);
                workers += s.capacity;
            }
        }
        if (seats.isEmpty()) {
            throw new ParError(Refusals.noUsable(link.members(), link.cluster, link.address));
        }
        this.size = workers;
    }

    /** Joins the cluster at address (as a client) and makes a pool over its members' workers. */
    public static PoolTasks open(String address, byte[] image) {
        Link link = Link.to(address);
        ClusterPool pool = new ClusterPool(link, image);
        link.attach(pool);
        return pool;
    }

    private static int workers(Member m) {
        try {
            return Math.max(1, Integer.parseInt(m.getAttribute(Setup.WORKERS)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Two chunks per worker, half a local pool's: every chunk is a round trip over the network
     * and a hand-off in the member, and a member's workers are all kept busy anyway (each gets
     * its next chunk as soon as one ends).
     */
    @Override
    public int chunksPerWorker() {
        return 2;
    }

    @Override
    public synchronized List<Long> submit(List<byte[]> works) {
        if (lost != null) {
            throw new ParError(lost);
        }
        List<Task> batch = new ArrayList<>(works.size());
        List<Long> ids = new ArrayList<>(works.size());
        for (byte[] work : works) {
            Task t = new Task(++nextTask, work, batch);
            tasks.put(t.id, t);
            queued.add(t);
            ids.add(t.id);
        }
        dispatch();
        return ids;
    }

    @Override
    public synchronized Answer.Outcome await(long task, String site) {
        Task t = task(task);
        while (!t.done) {
            pause();
        }
        return t.outcome;
    }

    @Override
    public synchronized Answer.Outcome awaitWithin(long task, Request.Timeout timeout, String site) {
        Task t = task(task);
        long deadline = System.nanoTime() + (long) (Math.max(0, timeout.seconds()) * 1e9);
        while (!t.done) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ParError(PoolTasks.notEndedAfter(timeout));
            }
            pause(left);
        }
        return t.outcome;
    }

    @Override
    public synchronized boolean succeeded(long task) {
        Task t = task(task);
        if (!t.done) {
            throw new ParError(PoolTasks.STILL_RUNNING);
        }
        return t.outcome instanceof Answer.Results;
    }

    /** The members' workers are theirs, kept for the next program: a cluster pool is closed, not terminated. */
    @Override
    public void terminate(String site) {
        throw new ParError("terminate() is not available for a pool on a cluster: its workers belong to the members"
                + " (close() lets them go)");
    }

    @Override
    public synchronized Answer.TaskEnded awaitAny(List<Long> ids, String site) {
        while (true) {
            for (long i : ids) {
                Task t = task(i);
                if (t.done) {
                    return new Answer.TaskEnded(t.id, t.outcome);
                }
            }
            pause();
        }
    }

    @Override
    public synchronized boolean done(long task) {
        return task(task).done;
    }

    /** Waits for the pool's tasks, then tells the members to let their workers go. */
    @Override
    public void close(String site) {
        List<Member> members = new ArrayList<>();
        synchronized (this) {
            for (Task t : tasks.values()) {
                while (!t.done && lost == null) { // with no member left there is nothing to wait for
                    pause();
                }
            }
            for (Seat s : seats.values()) {
                members.add(s.member);
            }
            seats.clear();
        }
        link.detach(this);
        if (!members.isEmpty()) {
            link.executor.submitToMembers(new ParTask(Messages.close(key)), members); // not waited for
        }
    }

    @Override
    public String describe() {
        return "<pool of " + size + " on cluster " + link.cluster + ">";
    }

    private Task task(long id) {
        Task t = tasks.get(id);
        if (t == null) {
            throw new ParError("no such task: " + id);
        }
        return t;
    }

    /** Waits for news from Hazelcast's threads; a lost cluster is raised, Ctrl-C too. */
    private void pause() {
        pause(0);
    }

    /** The same, for at most nanos (0: no limit). */
    private void pause(long nanos) {
        if (lost != null) {
            throw new ParError(lost);
        }
        try {
            if (nanos > 0) {
                wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } else {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParError("interrupted");
        }
        if (lost != null) {
            throw new ParError(lost);
        }
    }

    /** Hands queued tasks to members with a free worker, the least busy first. */
    private void dispatch() {
        while (!queued.isEmpty()) {
            Seat best = null;
            for (Seat s : seats.values()) {
                if (s.running < s.capacity && (best == null || s.running * best.capacity < best.running * s.capacity)) {
                    best = s;
                }
            }
            if (best == null) {
                return;
            }
            Task t = queued.poll();
            best.running++;
            send(t, best, !best.hasImage);
            best.hasImage = true;
        }
    }

    private void send(Task t, Seat s, boolean withImage) {
        t.seat = s;
        int attempt = ++t.attempt;
        ParTask request = new ParTask(Messages.run(key, withImage ? image : null, t.work));
        link.executor.submitToMember(request, s.member, new ExecutionCallback<byte[]>() {
            @Override
            public void onResponse(byte[] reply) {
                answered(t, attempt, Messages.Reply.read(reply));
            }

            @Override
            public void onFailure(Throwable e) {
                failed(t, attempt, e);
            }
        });
    }

    private synchronized void answered(Task t, int attempt, Messages.Reply reply) {
        if (t.attempt != attempt || t.done) {
            return;
        }
        if (reply.kind() == Messages.NEED_IMAGE) {
            send(t, t.seat, true);
            return;
        }
        t.seat.running--;
        t.seat = null;
        if (reply.kind() == Messages.REFUSED) {
            settle(t, new Answer.TaskFailed(-1, "was refused: " + reply.refusal(), List.of(), "of the cluster", -1));
        } else {
            settle(t, reply.outcome());
        }
        dispatch();
    }

    /** The sending failed: the member is taken for gone, and its tasks run elsewhere. */
    private synchronized void failed(Task t, int attempt, Throwable e) {
        if (t.attempt == attempt && !t.done && t.seat != null) {
            drop(t.seat, "stopped answering (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void ended(Task t, Answer.Outcome outcome) {
        t.done = true;
        t.outcome = outcome;
        if (t.forgotten) {
            tasks.remove(t.id);
        }
    }

    /** The program will not ask about these tasks again: their records go, now or as they end. */
    @Override
    public synchronized void forget(List<Long> ids) {
        for (long id : ids) {
            Task t = tasks.get(id);
            if (t != null && t.done) {
                tasks.remove(id);
            } else if (t != null) {
                t.forgotten = true;
            }
        }
    }

    synchronized void memberAdded(Member m) {
        if (lost == null && Refusals.usable(m) && !seats.containsKey(m.getUuid())) {
            seats.put(m.getUuid(), new Seat(m, workers(m)));
            dispatch();
        }
    }

    synchronized void memberGone(Member m, String how) {
        Seat s = seats.get(m.getUuid());
        if (s != null) {
            drop(s, how);
        }
    }

    synchronized void clusterLost() {
        for (Seat s : new ArrayList<>(seats.values())) {
            drop(s, "was lost");
        }
    }

    /** A member is gone: its unfinished tasks go back to the front of the queue, for the others. */
    private void drop(Seat s, String how) {
        seats.remove(s.member.getUuid());
        List<Task> again = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (t.seat == s && !t.done) {
                t.seat = null;
                t.attempt++;
                again.add(t);
            }
        }
        again.sort((a, b) -> Long.compare(b.id, a.id));
        for (Task t : again) {
            queued.addFirst(t);
        }
        if (seats.isEmpty() && hasUnfinished()) {
            lost = "no member of cluster '" + link.cluster + "' at " + link.address + " is left to run the pool's tasks"
                    + " (the last, " + s.member.getAddress().getHost() + ":" + s.member.getAddress().getPort() + ", " + how + ")";
            notifyAll();
            return;
        }
        dispatch();
    }

    private boolean hasUnfinished() {
        for (Task t : tasks.values()) {
            if (!t.done) {
                return true;
            }
        }
        return false;
    }

    /** A task ended: whoever waits is told; a failure cancels the rest of its batch, as the hub's pools do. */
    private void settle(Task t, Answer.Outcome outcome) {
        ended(t, outcome);
        if (!(outcome instanceof Answer.Results)) {
            for (Task later : t.batch.subList(t.position + 1, t.batch.size())) {
                if (!later.done) {
                    later.cancelled = true;
                    ended(later, Answer.Cancelled.CANCELLED);
                    queued.remove(later);
                }
            }
        }
        notifyAll();
    }
}
