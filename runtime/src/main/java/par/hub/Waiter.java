package par.hub;

import java.util.concurrent.ScheduledFuture;

import par.wire.Answer;
import par.wire.Request;

/**
 * A process blocked in the hub (on a lock, a queue, a join...) and how to wake it: the reply its
 * answer goes to, and what the deadlock report and {@code :ps} say of the wait. Made only by
 * {@link Hub#park}. Guarded by the hub.
 */
final class Waiter {
    final HubProcess proc;
    private final Request.Reply<? extends Answer> reply;
    /** What a blocked put will add once there is room. */
    final byte[] payload;
    boolean done;
    /** What the process waits for, in words, for a deadlock report. */
    final String what;
    /** Waiting for whichever of several pool tasks ends first: the answer names the task. */
    boolean any;
    /** Where in the program it waits (file.par:LINE), and for what: a HubLock or the HubProcess it joins. */
    final String site;
    final Object on;
    ScheduledFuture<?> timer;

    Waiter(HubProcess proc, Request.Reply<? extends Answer> reply, byte[] payload, String what, String site, Object on) {
        this.proc = proc;
        this.reply = reply;
        this.payload = payload;
        this.what = what;
        this.site = site;
        this.on = on;
        if (Scheduler.unwrap(reply) instanceof Pending<?> pending) {
            pending.waiter = this; // so an interrupted wait can be withdrawn
        }
    }

    /**
     * Answers the wait. The hub parks each kind of request on objects that answer it with the
     * kind it names (a lock's waiters get flags, a queue's getters values), so the cast holds.
     */
    @SuppressWarnings("unchecked")
    void ok(Answer answer) {
        finish();
        ((Request.Reply<Answer>) reply).ok(answer);
    }

    void fail(String message) {
        finish();
        reply.fail(message);
    }

    /** The main program's own wait, if this is it. */
    Pending<?> pending() {
        return Scheduler.unwrap(reply) instanceof Pending<?> p ? p : null;
    }

    private void finish() {
        done = true;
        if (proc.blockedOn == this) {
            proc.blockedOn = null;
        }
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
