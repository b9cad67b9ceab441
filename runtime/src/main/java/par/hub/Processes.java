package par.hub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import par.interp.ParList;
import par.launch.ChildConn;
import par.wire.Answer;
import par.wire.Codec;
import par.wire.Handle;
import par.wire.HubMessage;
import par.wire.ProcessRequest;
import par.wire.Request;
import par.wire.Request.Reply;

/**
 * The hub's part for processes: spawning them, joining them, and a process's end, with all it
 * lets go (joiners, locks, permits, barriers). Also forgets a finished process once nothing
 * can ask about it. Runs under the hub's monitor.
 */
final class Processes implements ProcessRequest.Handler<HubProcess> {
    private final Hub hub;
    private final int maxProcs;
    private int unnamed;

    Processes(Hub hub, int maxProcs) {
        this.hub = hub;
        this.maxProcs = maxProcs;
    }

    /**
     * Why starting more processes would take the live ones over the limit, or null if it would
     * not. pool: the pool they are for ("a pool of 4"), or null for a spawn.
     */
    String overLimit(long more, String pool) {
        long live = hub.procs.values().stream().filter(HubProcess::alive).count();
        if (live + more <= maxProcs) {
            return null;
        }
        String now = pool == null ? live + " are running" : pool + " would make " + (live + more);
        return "too many processes: " + now + ", the limit is " + maxProcs + " (see par --max-procs)";
    }

    @Override
    public void spawn(HubProcess from, ProcessRequest.Spawn s, Reply<ProcessRequest.Spawned> r) {
        String refusal = overLimit(1, null);
        if (refusal != null) {
            r.fail(refusal);
            return;
        }
        ChildConn conn;
        try {
            conn = hub.launcher.take(true, false);
        } catch (IOException e) {
            r.fail("cannot start a process: " + e.getMessage());
            return;
        }
        String name = s.name() == null ? "p" + (++unnamed) : s.name();
        HubProcess p = new HubProcess(hub.nextId(), name, conn.pid(), conn);
        p.parent = from;
        if (from == hub.root) {
            p.rootHandles = 1; // counted now: the child may end before the root has made the handle
        } else {
            p.namedElsewhere = true;
        }
        hub.procs.put(p.id, p);
        hub.names.process(p.id, p.name);
        conn.own(p);
        conn.send(new ProcessRequest.Job(p.id, p.name, hub.childSeed(p.id), hub.childSlots(), s.image()));
        hub.trace.event(from, "spawn", p, s.site());
        r.ok(new ProcessRequest.Spawned(p.id, p.pid, p.name));
    }

    @Override
    public void join(HubProcess from, ProcessRequest.Join j, Reply<ProcessRequest.Returned> r) {
        HubProcess p = process(j.process());
        if (p.finished) {
            hub.trace.event(from, "join", p, j.site());
            deliver(p, r);
            return;
        }
        hub.trace.event(from, "wait", p, j.site());
        hub.park(from, r, null, "waits to join " + p.name, j.site(), p, p.joiners, j.timeout(), w -> {
            p.joiners.remove(w);
            w.fail("join timed out: " + p.name + " is still running after " + Hub.seconds(j.timeout()));
        });
    }

    private static void deliver(HubProcess p, Reply<ProcessRequest.Returned> r) {
        if (p.failure != null) {
            r.fail(p.failure);
        } else {
            r.ok(new ProcessRequest.Returned(p.result));
        }
    }

    @Override
    public void info(HubProcess from, ProcessRequest.Info i, Reply<Answer.ProcessState> r) {
        HubProcess p = process(i.process());
        r.ok(new Answer.ProcessState(p.alive(), p.exitcode == null ? null : (long) p.exitcode, p.name));
    }

    @Override
    public void terminate(HubProcess from, ProcessRequest.Terminate t, Reply<Answer.Done> r) {
        HubProcess p = process(t.process());
        if (p.conn != null && p.alive()) {
            p.conn.terminate(); // SIGTERM, leaving the pipes open for its last words
        }
        r.ok(Answer.Done.DONE);
    }

    /** One line per live process, for the REPL's :ps: name, pid, state, what it holds and waits for. */
    List<String> table() {
        List<String> rows = new ArrayList<>();
        for (HubProcess p : hub.procs.values()) {
            if (!p.finished) {
                rows.add(p.row(hub.scheduler == null ? null : hub.scheduler.pending(p), hub.locks.heldBy(p)));
            }
        }
        return rows;
    }

    /** SIGKILL: the child gets no say, so its exit code is -9 and joining it fails. */
    @Override
    public void kill(HubProcess from, ProcessRequest.Kill k, Reply<Answer.Done> r) {
        HubProcess p = process(k.process());
        if (p == hub.root) {
            r.fail("the main program cannot be killed from inside (use exit())");
            return;
        }
        if (p.conn != null && p.alive()) {
            hub.trace.event(from, "kill", p, k.site());
            p.conn.process.destroyForcibly();
        }
        r.ok(Answer.Done.DONE);
    }

    @Override
    public void daemon(HubProcess from, ProcessRequest.Daemon d, Reply<Answer.Flag> r) {
        HubProcess p = process(d.process());
        if (d.set() != 2) {
            p.daemon = d.set() == 1;
        }
        r.ok(Answer.Flag.of(p.daemon));
    }

    /** The live processes parent spawned, oldest first, as handles in Codec's form. */
    @Override
    public void me(HubProcess from, ProcessRequest.Me m, Reply<ProcessRequest.Spawned> r) {
        r.ok(new ProcessRequest.Spawned(from.id, from.pid, from.name));
    }

    @Override
    public void children(HubProcess parent, ProcessRequest.Children c, Reply<Answer.Value> r) {
        ParList list = new ParList();
        hub.procs.values().stream().filter(p -> p.parent == parent && p.alive())
                .sorted(java.util.Comparator.comparingLong(p -> p.id))
                .forEach(p -> list.add(handle(p)));
        r.ok(new Answer.Value(Codec.encode(list)));
    }

    private static Handle handle(HubProcess p) {
        return new Handle() {
            @Override
            public byte kind() {
                return KIND_PROCESS;
            }

            @Override
            public long id() {
                return p.id;
            }

            @Override
            public long meta() {
                return p.pid;
            }
        };
    }

    /** The pid of whoever spawned from; for the main program, that of its own parent (the shell). */
    @Override
    public void parent(HubProcess from, ProcessRequest.Parent p, Reply<Answer.Count> r) {
        long pid = from.parent != null ? from.parent.pid
                : ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        r.ok(new Answer.Count(pid));
    }

    /** A process ended: the daemons it spawned end with it, with SIGTERM, as Python's do. */
    void endDaemons(HubProcess parent) {
        for (HubProcess p : hub.procs.values()) {
            if (p.daemon && p.parent == parent && p.alive() && p.conn != null) {
                hub.trace.event(parent, "terminate", p, "");
                p.conn.terminate();
            }
        }
    }

    /** A process by id; id 0 is the main program (current_process() there). */
    HubProcess process(long id) {
        return id == hub.root.id ? hub.root : Hub.find(hub.procs, id, "process");
    }

    /** A process is done (well or badly): its joiners wake, its locks are freed. */
    void finish(HubProcess p, byte[] result, String failure, int exitcode) {
        if (p.finished) {
            return;
        }
        p.finished = true;
        p.result = result;
        p.failure = failure;
        p.exitcode = exitcode;
        hub.trace.event(p, "exit", ending(exitcode), "");
        for (Waiter w : p.joiners) {
            if (!w.done) {
                hub.trace.event(w.proc, "join", p, w.site);
                if (failure != null) {
                    w.fail(failure);
                } else {
                    w.ok(new ProcessRequest.Returned(result));
                }
            }
        }
        p.joiners.clear();
        endDaemons(p);
        hub.locks.holderDied(p);
        hub.queues.getterEnded(p);
        hub.deadlocks.check();
        hub.notifyAll();
        hub.scheduleNext();
    }

    /** The child's JVM exited with status (a pool worker's is the pools' business). */
    void exited(HubProcess p, int status) {
        p.exited = true;
        p.conn = null; // the pipes' buffers and the Process go with it
        hub.pools.ownerEnded(p);
        if (p.pool != null && !p.finished) {
            p.finished = true;
            p.exitcode = status;
            // a retired worker's JVM ends as the hub closes its pipe, with status 1: no failure
            hub.trace.event(p, "exit", p.retiring && status == 1 ? "retired" : ending(status > 128 ? 128 - status : status),
                    "");
            if (!p.retiring) {
                hub.pools.workerDied(p, ChildConn.howItEnded(status));
            }
        }
        if (!p.finished) {
            boolean killed = status > 128;
            String how = ChildConn.howItEnded(status) + (killed ? "" : " before finishing");
            finish(p, null, "process " + p.name + " (pid " + p.pid + ") " + how, killed ? -(status - 128) : status);
        }
        forgetIfDone(p);
        hub.notifyAll();
    }

    /**
     * A JVM kept for job after job (par check's runs) has finished p's job and is free again:
     * for p it is as if its JVM had exited, and the JVM goes back to the launcher's spares.
     */
    void freed(HubProcess p, ChildConn c) {
        c.own(null);
        exited(p, p.exitcode == null ? 0 : p.exitcode);
        hub.launcher.giveBack(c);
    }

    /** The JVMs of processes still on their job; those done come back to the spares by themselves. */
    void stopUnfinished() {
        for (HubProcess p : hub.procs.values()) {
            if (!p.finished && p.conn != null) {
                p.conn.close();
                p.conn.process.destroyForcibly();
            }
        }
    }

    /** How a process ended, for the trace: {@code status 0}, or {@code signal 9 (SIGKILL)} (exitcode -9). */
    private static String ending(int exitcode) {
        return exitcode < 0 ? "signal " + -exitcode + ChildConn.signalName(-exitcode) : "status " + exitcode;
    }

    /**
     * Forgets a process nobody can ask about any more: its JVM has exited and, for a spawned
     * process, no handle to it is left (the root's are counted, and one anywhere else keeps the
     * record); a pool worker is never asked about once it has exited. What the trace keeps stays.
     */
    private void forgetIfDone(HubProcess p) {
        boolean asked = p.pool == null && (p.rootHandles > 0 || p.namedElsewhere);
        if (p.finished && p.exited && !asked) {
            hub.procs.remove(p.id);
        }
    }

    /** A handle to process id arrived in the root (in a value from another process). */
    void handleMade(long id) {
        synchronized (hub) {
            HubProcess p = hub.procs.get(id);
            if (p != null) {
                p.rootHandles++;
            }
        }
    }

    /** A handle the root held to process id has been collected. */
    void handleGone(long id) {
        synchronized (hub) {
            HubProcess p = hub.procs.get(id);
            if (p != null) {
                p.rootHandles--;
                forgetIfDone(p);
            }
        }
    }

    /** The root is sending a handle to process id to another process (or a queue, or a shared value). */
    void handleSent(long id) {
        synchronized (hub) {
            HubProcess p = hub.procs.get(id);
            if (p != null) {
                p.namedElsewhere = true;
            }
        }
    }
}
