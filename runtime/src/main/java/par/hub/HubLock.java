package par.hub;

import java.util.ArrayDeque;

import par.wire.Answer;

/**
 * A lock as the hub keeps it: who holds it and who waits, first come first served. A lock
 * whose holder died is released and remembered as abandoned, so the next holder is warned.
 * Guarded by the hub's monitor.
 */
final class HubLock extends HubObject {
    HubProcess holder;
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Where its holder took it ({@code file.par:LINE}, or "" for nowhere known). */
    String takenAt = "";
    /** Who died holding it, until the next holder has been told. */
    String abandonedBy;

    HubLock(long id, String label) {
        super(id, "lock", label);
    }

    /** Grants the lock to proc now if free; otherwise says why not (null means: wait). */
    boolean tryTake(HubProcess proc, Hub hub) {
        return tryTake(proc, hub, "");
    }

    boolean tryTake(HubProcess proc, Hub hub, String site) {
        if (holder != null) {
            return false;
        }
        holder = proc;
        takenAt = site == null ? "" : site;
        proc.held.add(this);
        hub.trace.event(proc, "acquire", this, site);
        if (abandonedBy != null) {
            hub.warn(described() + " was released because " + abandonedBy + " died holding it; " + proc.describe()
                    + " now holds it");
            abandonedBy = null;
        }
        return true;
    }

    void release(Hub hub) {
        hub.trace.event(holder, "release", this, "");
        holder.held.remove(this);
        holder = null;
        grantNext(hub);
    }

    void grantNext(Hub hub) {
        while (holder == null && !waiters.isEmpty()) {
            Waiter w = waiters.poll();
            if (!w.done && !w.proc.finished && !w.proc.stopping && tryTake(w.proc, hub, w.site)) {
                w.ok(Answer.Flag.TRUE);
            }
        }
    }

    /** The holder died: free the lock for the next waiter, who will be warned. */
    void holderDied(Hub hub) {
        hub.trace.event(holder, "release", kind, label + " (abandoned)", "", -1, null);
        abandonedBy = holder.stopping ? null : holder.describe(); // a deadlock's victims were reported already
        holder.held.remove(this);
        holder = null;
        grantNext(hub);
    }
}
