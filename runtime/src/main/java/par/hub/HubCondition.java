package par.hub;

import java.util.ArrayDeque;

/**
 * A condition variable as the hub keeps it: its lock (its own, or one given) and the processes
 * waiting to be notified. wait() gives the lock up and takes it back before returning.
 * Guarded by the hub's monitor.
 */
final class HubCondition extends HubObject {
    final HubLock lock;
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    HubCondition(long id, String label, HubLock lock) {
        super(id, "condition", label);
        this.lock = lock;
    }
}
