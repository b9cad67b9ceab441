package par.hub;

import java.util.HashMap;
import java.util.Map;

import par.wire.Answer;
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
        long id = hub.nextId();
        HubQueue q = new HubQueue(id, hub.names.label("queue", id, n.name()), (int) n.capacity(), hub);
        queues.put(q.id, q);
        r.ok(new Answer.Id(q.id));
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
        HubQueue q = queue(queue);
        if (!q.full()) {
            q.add(item, from, site);
            r.ok(Answer.Done.DONE);
            return;
        }
        hub.trace.event(from, "wait", q.kind, q.label + " (full)", site, -1, null);
        hub.park(from, r, item, "waits to put into " + q.described() + ", which is full", site, null, q.putters, null, null);
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
