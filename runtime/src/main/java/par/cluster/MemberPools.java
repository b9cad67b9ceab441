package par.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import par.launch.ChildConn;
import par.launch.ChildLauncher;
import par.wire.Answer;
import par.wire.ChildMessage;
import par.wire.HubMessage;
import par.wire.Wire;

/**
 * A member's side of the pools roots make on it: a pool per root and pool (keyed
 * {@code client-uuid/n}), made when its first task comes with the image, closed when its root
 * closes it or goes away. It hears its worker JVMs' frames as the hub does its children's;
 * a task's printed lines go to the member's stdout, and a task that asks for a lock, a queue
 * or a process is refused: those live in the root's hub, on another machine.
 */
final class MemberPools implements ChildConn.Events {
    /** The member this JVM runs, for the tasks Hazelcast's executor hands it (one per JVM). */
    private static volatile MemberPools current;

    private final ChildLauncher launcher = new ChildLauncher(this);
    private final Map<String, LocalPool> pools = new ConcurrentHashMap<>();
    private final int workers;
    private final PrintStream out;
    private volatile String where = "?";

    MemberPools(int workers, PrintStream out) {
        this.workers = workers;
        this.out = out;
        current = this;
    }

    /** This member's address, as worker names and errors show it. */
    void locatedAt(String where) {
        this.where = where;
    }

    /** Boots the workers' JVMs ahead of the first pool. */
    void warm() {
        launcher.prewarm(workers, true);
    }

    /** A request from a root (on an executor thread of Hazelcast's): its reply. */
    static byte[] handle(byte[] payload) {
        MemberPools m = current;
        if (m == null) {
            return Messages.refused("this Hazelcast member runs no Par pools");
        }
        return m.serve(Messages.Request.read(payload));
    }

    private byte[] serve(Messages.Request r) {
        if (r.op() == Messages.CLOSE) {
            close(r.pool(), false);
            return Messages.refused("closed");
        }
        LocalPool pool = pools.get(r.pool());
        if (pool == null) {
            if (r.image() == null) {
                return Messages.needImage();
            }
            try {
                pool = open(r.pool(), r.image());
            } catch (IOException e) {
                return Messages.refused("member " + where + " cannot start its workers: " + e.getMessage());
            }
        }
        try {
            return Messages.outcome(pool.run(0, r.work()).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Messages.refused("member " + where + " is shutting down");
        } catch (ExecutionException e) {
            return Messages.refused("member " + where + ": " + e.getCause());
        }
    }

    private synchronized LocalPool open(String key, byte[] image) throws IOException {
        LocalPool pool = pools.get(key);
        if (pool == null) {
            pool = new LocalPool(key, image, launcher, where);
            pool.start(workers);
            pools.put(key, pool);
        }
        return pool;
    }

    /** Closes a pool; gone: its root went away, so its queued work is dropped too. */
    void close(String key, boolean gone) {
        LocalPool pool = pools.remove(key);
        if (pool != null) {
            pool.close(gone);
            warm(); // spares for the next program's pool
        }
    }

    /** A root left the cluster: its pools close. */
    void clientGone(String clientUuid) {
        for (String key : pools.keySet()) {
            if (key.startsWith(clientUuid + "/")) {
                close(key, true);
            }
        }
    }

    /** The member stops: every worker JVM with it. */
    void stop() {
        launcher.stopAll();
    }

    @Override
    public void frame(ChildConn c, Wire.Frame f) {
        ChildMessage m = ChildMessage.read(f, false);
        LocalPool.Worker w = c.owner();
        if (m instanceof ChildMessage.Output o) {
            if (o.more()) {
                c.linePiece(o.text());
            } else {
                synchronized (out) {
                    out.println(c.lineEnd(o.text()));
                    out.flush();
                }
            }
        } else if (m instanceof ChildMessage.Call call) {
            c.send(new HubMessage.Refused(call.number(), "a task of a cluster pool cannot use locks, queues, "
                    + "shared values or processes: they live in the root's machine"));
        } else if (w != null && m instanceof ChildMessage.TaskResults r) {
            w.pool.finished(w, new Answer.Results(r.results()));
        } else if (w != null && m instanceof ChildMessage.TaskFailed t) {
            w.pool.finished(w, new Answer.TaskFailed(t.index(), t.message(), t.trace(), w.name, c.pid()));
        }
        // READY, and a put without an answer (which has nowhere to go), are let pass
    }

    @Override
    public void gone(ChildConn c) {
        int status = c.awaitExit();
        launcher.gone(c);
        LocalPool.Worker w = c.owner();
        if (w != null) {
            w.pool.died(w, ChildConn.howItEnded(status));
        }
    }

    @Override
    public void malformed(ChildConn c, String problem) {
        System.err.println("par member: a worker sent a malformed message (" + problem + "); it has been stopped");
        c.process.destroyForcibly();
    }

    @Override
    public void jvmSaid(String text) {
        System.err.println(text);
    }
}
