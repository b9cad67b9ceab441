package par.hub;

import java.util.HashMap;
import java.util.Map;

import par.wire.Answer;
import par.wire.QueueRequest;
import par.wire.Request;
import par.wire.Request.Reply;

/** The hub's part for queues: making them, putting, getting, and their size. Runs under the hub's monitor. */
final class Queues {
    private final Hub hub;
    private final Map<Long, HubQueue> queues = new HashMap<>();

    Queues(Hub hub) {
        this.hub = hub;
    }

    void newQueue(Request.NewQueue n, Reply<Answer.Id> r) {
        r.ok(new Answer.Id(newQueue(n.capacity(), n.name(), false).id));
    }

    void newJoinableQueue(QueueRequest.NewJoinableQueue n, Reply<Answer.Id> r) {
        r.ok(new Answer.Id(newQueue(n.capacity(), n.name(), true).id));
    }

    private HubQueue newQueue(long capacity, String name, boolean joinable) {
        long id = hub.nextId();
        HubQueue q = new HubQueue(id, hub.names.label("queue", id, name), (int) capacity, hub);
        q.joinable = joinable;
        queues.put(q.id, q);
        return q;
    }

    private HubQueue queue(long id) {
        return Hub.find(queues, id, "queue");
    }

    /** The reply to a child's put into an unbounded queue, which it does not wait for. */
    static final Reply<Answer.Done> UNANSWERED = new Reply<>() {
        @Override
        public void ok(Answer.Done answer) {
        }

        @Override
        public void fail(String message) {
        }
    };

    /** A put: at once if there is room, else it waits. */
    void put(HubProcess from, long queue, byte[] item, String site, Reply<Answer.Done> r) {
        put(from, queue(queue), item, null, site, r);
    }

    /** put(item, timeout) and put_nowait (a time-out of 0): refused if no room came in time. */
    void putWithin(HubProcess from, QueueRequest.PutWithin p, Reply<Answer.Done> r) {
        HubQueue q = queue(p.queue());
        if (q.full() && p.timeout() != null && p.timeout().seconds() <= 0) {
            r.fail(q.described() + " is full (it holds " + q.capacity + ")");
            return;
        }
        put(from, q, p.item(), p.timeout(), p.site(), r);
    }

    private void put(HubProcess from, HubQueue q, byte[] item, Request.Timeout timeout, String site, Reply<Answer.Done> r) {
        if (!q.full()) {
            q.add(item, from, site);
            r.ok(Answer.Done.DONE);
            return;
        }
        hub.trace.event(from, "wait", q.kind, q.label + " (full)", site, -1, null);
        hub.park(from, r, item, "waits to put into " + q.described() + ", which is full", site, null, q.putters, timeout,
                timeout == null ? null : w -> {
                    q.putters.remove(w);
                    w.fail("queue put timed out after " + Hub.seconds(timeout) + " (the queue stayed full)");
                });
    }

    /** task_done(): one item taken from a joinable queue has been dealt with; at none left, joiners go on. */
    void itemDone(HubProcess from, QueueRequest.ItemDone d, Reply<Answer.Done> r) {
        HubQueue q = queue(d.queue());
        if (!q.joinable) {
            r.fail("task_done() is for a joinable_queue(), not a queue()");
            return;
        }
        if (q.unfinished == 0) {
            r.fail("task_done() called more times than items were put into " + q.described());
            return;
        }
        hub.trace.event(from, "task done", q, d.site());
        if (--q.unfinished == 0) {
            for (Waiter w : q.joiners) {
                if (!w.done) {
                    hub.trace.event(w.proc, "joined", q, w.site);
                    w.ok(Answer.Done.DONE);
                }
            }
            q.joiners.clear();
        }
        r.ok(Answer.Done.DONE);
    }

    /** join() on a joinable queue: waits until every item put has been marked done. */
    void joinQueue(HubProcess from, QueueRequest.JoinQueue j, Reply<Answer.Done> r) {
        HubQueue q = queue(j.queue());
        if (!q.joinable) {
            r.fail("join() is for a joinable_queue(), not a queue()");
            return;
        }
        if (q.unfinished == 0) {
            hub.trace.event(from, "joined", q, j.site());
            r.ok(Answer.Done.DONE);
            return;
        }
        hub.trace.event(from, "wait", q, j.site());
        hub.park(from, r, null, "waits for the items of " + q.described() + " to be marked done ("
                + q.unfinished + " not yet)", j.site(), null, q.joiners, null, null);
    }

    /**
     * The root's get when an item is there: taken at once, with no request and no waiting
     * (a consumer loop in the main program does this for every item). Null when it would wait.
     */
    byte[] takeIfAny(long queue, String site) {
        HubQueue q = queue(queue);
        q.getter(hub.root);
        return q.items.isEmpty() ? null : q.take(hub.root, site);
    }

    void get(HubProcess from, Request.Get g, Reply<Answer.Items> r) {
        HubQueue q = queue(g.queue());
        q.getter(from);
        if (!q.items.isEmpty()) {
            r.ok(new Answer.Items(q.takeFor(from, g.site())));
            return;
        }
        if (g.timeout() != null && g.timeout().seconds() <= 0) {
            r.fail(q.described() + " is empty"); // get_nowait, and get(0)
            return;
        }
        hub.trace.event(from, "wait", q, g.site());
        hub.park(from, r, null, "waits to get from " + q.described() + ", which is empty", g.site(), null, q.getters,
                g.timeout(), w -> {
                    q.getters.remove(w);
                    w.fail("queue get timed out after " + Hub.seconds(g.timeout()) + " (the queue stayed empty)");
                });
    }

    /** A process ended: a batch it held goes back to its queue. */
    void getterEnded(HubProcess p) {
        for (HubQueue q : queues.values()) {
            q.getterEnded(p);
        }
    }

    void size(Request.Size s, Reply<Answer.Count> r) {
        r.ok(new Answer.Count(queue(s.queue()).size()));
    }
}
