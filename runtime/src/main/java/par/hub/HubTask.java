package par.hub;

import java.util.ArrayList;
import java.util.List;

import par.wire.Answer;

/**
 * One task of a pool as the hub keeps it: the encoded work (a function and a chunk of items),
 * the worker running it, and its outcome: the encoded results, or the failure report
 * ({@code [item index, message, stack, worker name, worker pid]}). It belongs to a batch, the
 * tasks of one map (one submit is a batch of its own): when one fails, those after it are
 * cancelled. Guarded by the hub.
 */
final class HubTask {
    final long id;
    final HubPool pool;
    final byte[] work;
    /** The tasks handed in with this one, in the order of their items; this one at position. */
    final List<HubTask> batch;
    final int position;
    HubProcess worker;
    boolean done;
    /** Cancelled because an earlier task of its batch failed: whatever it still returns is dropped. */
    boolean cancelled;
    /** How it ended, once it has. */
    Answer.Outcome outcome;
    final List<Waiter> waiters = new ArrayList<>();
    /** The process that submitted it, the only one that asks about it. */
    final HubProcess owner;
    /** Its owner will not ask about it again: its record goes once it has ended. */
    boolean forgotten;

    HubTask(long id, HubPool pool, byte[] work, List<HubTask> batch, HubProcess owner) {
        this.id = id;
        this.pool = pool;
        this.work = work;
        this.batch = batch;
        this.owner = owner;
        this.position = batch.size();
        batch.add(this);
    }
}
