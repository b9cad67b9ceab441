package par.proc;

import java.util.concurrent.ScheduledFuture;

/** A process blocked in the hub (on a lock, a queue, a join) and how to wake it. Guarded by the hub. */
final class Waiter {
    final HubProcess proc;
    final Reply reply;
    /** What a blocked put will add once there is room. */
    final byte[] payload;
    boolean done;
    /** What the process waits for, in words, for a deadlock report. */
    String what;
    /** Waiting for whichever of several pool tasks ends first: the answer names the task. */
    boolean any;
    /** Where in the program it waits (file.par:LINE), and for what: a HubLock or the HubProcess it joins. */
    String site = "";
    Object on;
    ScheduledFuture<?> timer;

    Waiter(HubProcess proc, Reply reply, byte[] payload) {
        this.proc = proc;
        this.reply = reply;
        this.payload = payload;
        if (reply instanceof Pending) {
            ((Pending) reply).waiter = this; // so an interrupted wait can be withdrawn
        }
    }

    void ok(Object value) {
        finish();
        reply.ok(value);
    }

    void fail(String message) {
        finish();
        reply.fail(message);
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
