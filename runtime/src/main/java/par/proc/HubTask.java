package par.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * One task of a pool as the hub keeps it: the encoded work (a function and a chunk of items),
 * the worker running it, and its outcome: the encoded results, or the failure report
 * ({@code [item index, message, stack, worker name, worker pid]}). Guarded by the hub.
 */
final class HubTask {
    final long id;
    final HubPool pool;
    final byte[] work;
    HubProcess worker;
    boolean done;
    /** What POOL_WAIT answers: ["ok", results] or ["error", index, message, stack, worker, pid]. */
    par.interp.ParList outcome;
    final List<Waiter> waiters = new ArrayList<>();

    HubTask(long id, HubPool pool, byte[] work) {
        this.id = id;
        this.pool = pool;
        this.work = work;
    }
}
