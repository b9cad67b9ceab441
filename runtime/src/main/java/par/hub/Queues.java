package par.hub;

import java.util.HashMap;
import java.util.Map;

import par.wire.Answer;
import par.wire.PipeRequest;
import par.wire.QueueRequest;
import par.wire.Request;
import par.wire.Request.Reply;

/**
 * The hub's part for queues and pipes: making them, putting and sending, getting and receiving,
 * a joinable queue's count of unfinished items. Runs under the hub's monitor.
 */
final class Queues implements QueueRequest.Handler<HubProcess>, PipeRequest.Handler<HubProcess> {
    private final Hub hub;
    private final Map<Long, HubQueue> queues = new HashMap<>();
    /** Each pipe by the ids of both its ends. */
    private final Map<Long, HubPipe.End> ends = new HashMap<>();

    Queues(Hub hub) {
        this.hub = hub;
    }

    void newQueue(Request.NewQueue n, Reply<Answer.Id> r) {
        r.ok(new Answer.Id(newQueue(n.capacity(), n.name(), false).id));
    }

    @Override
    public void newJoinableQueue(HubProcess from, QueueRequest.NewJoinableQueue n, Reply<Answer.Id> r) {
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
    @Override
    public void putWithin(HubProcess from, QueueRequest.PutWithin p, Reply<Answer.Done> r) {
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
    @Override
    public void itemDone(HubProcess from, QueueRequest.ItemDone d, Reply<Answer.Done> r) {
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
    @Override
    public void joinQueue(HubProcess from, QueueRequest.JoinQueue j, Reply<Answer.Done> r) {
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

    // ------------------------------------------------------------ pipes

    @Override
    public void newPipe(HubProcess from, PipeRequest.NewPipe n, Reply<Answer.Ids> r) {
        long id = hub.nextId();
        HubPipe p = new HubPipe(id, hub.nextId(), hub.nextId(), hub.names.label("pipe", id, n.name()), n.duplex());
        ends.put(p.first.id, p.first);
        ends.put(p.second.id, p.second);
        r.ok(new Answer.Ids(java.util.List.of(p.first.id, p.second.id)));
    }

    private HubPipe.End end(long id) {
        return Hub.find(ends, id, "pipe end");
    }

    /** Why this end cannot be used for that (null if it can). */
    private static String unusable(HubPipe.End e, boolean sending) {
        if (e.closed) {
            return "this end of " + e.pipe().described() + " is closed";
        }
        if (sending ? !e.sends : !e.receives) {
            return "this end of " + e.pipe().described() + " only " + (sending ? "receives" : "sends")
                    + " (the pipe is not duplex)";
        }
        return null;
    }

    /** An item for the other end: handed to a receiver waiting there, else kept in order. */
    @Override
    public void send(HubProcess from, PipeRequest.Send s, Reply<Answer.Done> r) {
        HubPipe.End e = end(s.end());
        String why = unusable(e, true);
        if (why == null && e.other.closed) {
            why = "cannot send: the other end of " + e.pipe().described() + " is closed";
        }
        if (why != null) {
            r.fail(why);
            return;
        }
        HubPipe.End to = e.other;
        long number = e.pipe().sent++;
        hub.trace.event(from, "send", e.pipe(), s.site(), number, () -> hub.shown.value(s.item()));
        r.ok(Answer.Done.DONE);
        while (!to.receivers.isEmpty()) {
            Waiter w = to.receivers.poll();
            if (!w.done && !w.proc.finished) {
                hub.trace.event(w.proc, "recv", e.pipe(), w.site, number, () -> hub.shown.value(s.item()));
                w.ok(new Answer.Value(s.item()));
                return;
            }
        }
        to.items.add(s.item());
        to.numbers.add(number);
        to.wakePollers();
    }

    @Override
    public void recv(HubProcess from, PipeRequest.Recv rc, Reply<Answer.Value> r) {
        HubPipe.End e = end(rc.end());
        String why = unusable(e, false);
        if (why != null) {
            r.fail(why);
            return;
        }
        if (!e.items.isEmpty()) {
            byte[] item = e.items.poll();
            hub.trace.event(from, "recv", e.pipe(), rc.site(), e.numbers.poll(), () -> hub.shown.value(item));
            r.ok(new Answer.Value(item));
            return;
        }
        if (e.atEnd()) {
            r.fail(endOfPipe(e));
            return;
        }
        hub.trace.event(from, "wait", e.pipe(), rc.site());
        hub.park(from, r, null, "waits to receive from " + e.pipe().described(), rc.site(), null, e.receivers, null,
                null);
    }

    private static String endOfPipe(HubPipe.End e) {
        return "end of the pipe: the other end of " + e.pipe().described() + " is closed and nothing is left to receive";
    }

    @Override
    public void poll(HubProcess from, PipeRequest.Poll p, Reply<Answer.Flag> r) {
        HubPipe.End e = end(p.end());
        String why = unusable(e, false);
        if (why != null) {
            r.fail(why);
            return;
        }
        if (e.ready() || (p.timeout() != null && p.timeout().seconds() <= 0)) {
            r.ok(Answer.Flag.of(e.ready()));
            return;
        }
        hub.trace.event(from, "wait", e.pipe(), p.site());
        hub.park(from, r, null, "polls " + e.pipe().described(), p.site(), null, e.pollers, p.timeout(), w -> {
            e.pollers.remove(w);
            w.ok(Answer.Flag.FALSE);
        });
    }

    /** Closes an end: its own waiters fail, and the other end's learn that nothing more will come. */
    @Override
    public void closeEnd(HubProcess from, PipeRequest.CloseEnd c, Reply<Answer.Done> r) {
        HubPipe.End e = end(c.end());
        if (!e.closed) {
            e.closed = true;
            hub.trace.event(from, "close", e.pipe(), c.site());
            failAll(e.receivers, "this end of " + e.pipe().described() + " was closed while this process waited on it");
            failAll(e.pollers, "this end of " + e.pipe().described() + " was closed while this process waited on it");
            failAll(e.other.receivers, endOfPipe(e.other));
            e.other.wakePollers();
        }
        r.ok(Answer.Done.DONE);
    }

    private static void failAll(java.util.Collection<Waiter> waiters, String message) {
        for (Waiter w : waiters) {
            if (!w.done) {
                w.fail(message);
            }
        }
        waiters.clear();
    }
}
