package par.proc;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The pool tasks whose holders (a submit's task handle, an imap's results) the program let go
 * before it had heard how they ended: nobody can ask about them any more, so the hub may let
 * their records go, as it does a map's. A cleaner notes their ids when the holder is collected;
 * the program's own thread tells the hub at its pool's next request, as the channel to the hub
 * is that thread's alone. Without this, a loop of submits never waited for kept every task's
 * work and outcome in the root until the run ended.
 */
final class DroppedTasks {
    private static Cleaner cleaner;

    private static synchronized Cleaner cleaner() {
        if (cleaner == null) {
            cleaner = Cleaner.create(); // one daemon thread for the JVM, made with the first holder
        }
        return cleaner;
    }

    /** What a holder says once its tasks are forgotten its own way (it heard how they ended). */
    static final class Watch {
        private volatile boolean settled;

        void settled() {
            settled = true;
        }
    }

    private final ConcurrentLinkedQueue<Long> dropped = new ConcurrentLinkedQueue<>();

    /** ids are to be forgotten once holder is collected, unless its watch has settled them by then. */
    Watch watch(Object holder, List<Long> ids) {
        Watch w = new Watch();
        ConcurrentLinkedQueue<Long> into = dropped; // the action must not hold the holder, nor this
        cleaner().register(holder, () -> {
            if (!w.settled) {
                into.addAll(ids);
            }
        });
        return w;
    }

    /** Tells the hub of the tasks dropped so far. On the program's thread only. */
    void forgetNow(PoolTasks tasks) {
        if (dropped.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (Long id = dropped.poll(); id != null; id = dropped.poll()) {
            ids.add(id);
        }
        PoolHandle.forget(tasks, ids);
    }
}
