package par.hub;

import java.util.function.IntConsumer;

import par.interp.ErrorPrinter;
import par.interp.Nil;
import par.interp.OutputFailure;
import par.launch.ChildConn;
import par.wire.Answer;
import par.wire.ChildMessage;
import par.wire.Codec;
import par.wire.HubMessage;
import par.wire.ProcessRequest;
import par.wire.Request;
import par.wire.Wire;
import par.wire.WireException;

/**
 * The hub's part for what children send, heard on each child's reader thread: their printed
 * lines, their requests (answered down their pipe), their puts, how their job or task ended,
 * a malformed frame, and the end of their channel. Takes the hub's monitor for whatever
 * touches its state; a printed line only needs the output's own lock.
 */
final class ChildEvents implements ChildConn.Events {
    private final Hub hub;
    /** What a failed stdout does to the main program: end it with the failure's status. */
    IntConsumer onOutputFailure = status -> { };
    private boolean outputFailed;

    ChildEvents(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void frame(ChildConn c, Wire.Frame f) {
        HubProcess p = c.owner();
        ChildMessage m = ChildMessage.read(f, hub.trace.on());
        if (m instanceof ChildMessage.Ready) {
            if (c.readyAgain() && p != null) {
                synchronized (hub) {
                    hub.processes.freed(p, c); // a reused JVM's job is over: it is a spare again
                }
            }
            return;
        }
        if (m instanceof ChildMessage.Output o) {
            if (o.more()) {
                c.linePiece(o.text());
            } else {
                childLine(c.lineEnd(o.text()), origin(p));
            }
            return;
        }
        if (p == null) {
            throw new WireException("a message from a process with no job");
        }
        if (m instanceof ChildMessage.Call call) {
            hub.handle(p, call.request(), new Answering<>(c, call.number()));
        } else if (m instanceof ChildMessage.Failed failed) {
            failed(p, failed);
        } else {
            synchronized (hub) {
                ended(p, m);
            }
        }
    }

    /** A put, or the end of a job or a task. */
    private void ended(HubProcess p, ChildMessage m) {
        if (m instanceof ChildMessage.Put put) {
            hub.queues.put(p, put.queue(), put.item(), put.site(), Queues.UNANSWERED);
        } else if (m instanceof ProcessRequest.Result result) {
            hub.processes.finish(p, result.value(), null, 0);
        } else if (m instanceof ChildMessage.Exit exit) {
            hub.processes.finish(p, Codec.encode(Nil.NIL), null, exit.status());
        } else if (m instanceof ChildMessage.TaskResults results) {
            hub.pools.taskFinished(p, new Answer.Results(results.results()));
        } else if (m instanceof ChildMessage.TaskFailed t) {
            hub.pools.taskFinished(p, new Answer.TaskFailed(t.index(), t.message(), t.trace(), p.name, p.pid));
        }
    }

    /** The child's uncaught error: shown at once on stderr, kept for whoever joins it. */
    private void failed(HubProcess p, ChildMessage.Failed failed) {
        synchronized (hub) {
            hub.flushOut();
            ErrorPrinter.print(failed.message(), failed.trace(), " (in process " + p.name + ", pid " + p.pid + ")",
                    hub.err);
            hub.processes.finish(p, null, "process " + p.name + " (pid " + p.pid + ") failed: " + failed.message(), 1);
        }
    }

    /** Where the answer to one of a child's requests goes: down its pipe, numbered. */
    private static final class Answering<A extends Answer> implements Request.Reply<A> {
        private final ChildConn child;
        private final long number;

        Answering(ChildConn child, long number) {
            this.child = child;
            this.number = number;
        }

        @Override
        public void ok(A answer) {
            child.send(new HubMessage.Answered(number, answer));
        }

        @Override
        public void fail(String message) {
            child.send(new HubMessage.Refused(number, message));
        }
    }

    /**
     * The root's child that p is or descends from: its id, or 0 (a pool worker, or no job yet).
     * A process's parent is set before it runs and never changes, so no lock is needed.
     */
    private static long origin(HubProcess p) {
        HubProcess q = p;
        while (q != null && q.parent != null && q.parent.parent != null) {
            q = q.parent;
        }
        return q != null && q.parent != null ? q.id : 0;
    }

    /** A child's line, written to the root's stdout; origin: see {@link par.interp.Output#line(String, long)}. */
    private void childLine(String line, long origin) {
        try {
            hub.out.line(line, origin);
        } catch (OutputFailure e) {
            outputFailed(e);
        }
    }

    /**
     * The root's stdout failed (its reader went away, say) while the hub wrote to it: the
     * program is ended, once, since nothing it or its children print can be seen any more (a
     * child printing in a loop while the main program joins it would otherwise never stop).
     * The main program ends with the failure's status and stops the children as it ends.
     */
    void outputFailed(OutputFailure e) {
        synchronized (hub) {
            if (outputFailed) {
                return;
            }
            outputFailed = true;
        }
        onOutputFailure.accept(e.status);
    }

    @Override
    public void malformed(ChildConn c, String problem) {
        synchronized (hub) {
            HubProcess p = c.owner();
            hub.flushOut();
            hub.err.println("par: error: " + (p == null ? "a spare process" : p.describe())
                    + " sent a malformed message (" + problem + "); it has been stopped");
            hub.err.flush();
        }
        c.process.destroyForcibly();
    }

    @Override
    public void gone(ChildConn c) {
        int status = c.awaitExit();
        hub.launcher.gone(c);
        synchronized (hub) {
            HubProcess p = c.owner();
            if (p != null) {
                hub.processes.exited(p, status);
            }
        }
    }

    /** What a child JVM printed on its own before Par's channel opened: passed on to stderr. */
    @Override
    public void jvmSaid(String text) {
        synchronized (hub) {
            hub.err.println(text);
            hub.err.flush();
        }
    }
}
