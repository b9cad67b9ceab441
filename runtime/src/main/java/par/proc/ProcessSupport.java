package par.proc;

import java.util.List;
import java.util.function.Supplier;

import par.hub.RootProcesses;
import par.interp.Callable;
import par.interp.Cell;
import par.interp.Function;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.Processes;
import par.interp.Repr;
import par.interp.Resolver;
import par.interp.Values;
import par.syntax.Stmt;
import par.wire.Codec;
import par.wire.Handle;
import par.wire.ProcessRequest;
import par.wire.Request;
import par.wire.WireException;

/**
 * The interpreter's view of processes, the same in the root and in a child: spawn builds the
 * image and asks the hub; lock(), queue(), shared() are {@link NewObjects}'. Values arriving
 * from other processes are rebuilt here, functions resolved against this process's globals.
 */
public class ProcessSupport implements Processes, Codec.Receiver {
    final Interpreter interp;
    /** Queue items the hub gave this process ahead of its gets. */
    final QueueBatches batches = new QueueBatches();
    /** The queues this process has closed (close() is a process's own promise, as in Python). */
    final java.util.Set<Long> closedQueues = new java.util.HashSet<>();
    /** The shared arrays, lists and maps whose lock this process holds in a with block (see {@link SharedData}). */
    final java.util.Set<Long> heldData = new java.util.HashSet<>();
    /** What lock(), queue(), pool() and the rest make. */
    private final NewObjects objects = new NewObjects(this);
    private final Supplier<Broker> brokerSource;
    private Broker broker;

    public ProcessSupport(Interpreter interp, Supplier<Broker> brokerSource) {
        this.interp = interp;
        this.brokerSource = brokerSource;
    }

    /** With its broker at hand (a child's, over its pipes). */
    public ProcessSupport(Interpreter interp, Broker broker) {
        this(interp, (Supplier<Broker>) null);
        this.broker = broker;
    }

    public synchronized Broker broker() {
        if (broker == null) {
            broker = scheduled ? Scheduled.turns(brokerSource.get()) : brokerSource.get();
        }
        return broker;
    }

    private boolean scheduled;

    /**
     * This process runs under a schedule from now on ({@link Scheduled}): its meetings with
     * other processes wait for their turns, its clock is the hub's, and seed seeds its random().
     */
    public synchronized void schedule(long seed) {
        scheduled = true;
        if (broker != null) {
            broker = Scheduled.turns(broker);
        }
        Scheduled.install(interp, this, seed);
    }

    /** The hub is there to talk to: always in a child; in the root once a process has been made. */
    protected boolean connected() {
        return true;
    }

    @Override
    public Object spawn(Object function, Object[] args, Object name, String site) {
        if (!(function instanceof Callable)) {
            throw new ParError("spawn needs a function to call, not " + Values.aType(function));
        }
        if (function instanceof Function) {
            ((Function) function).checkArity(args.length); // here, at the spawn, not later in the child
        }
        if (name != Nil.NIL && !(name instanceof String)) {
            throw new ParError("a process name must be a string, not " + Values.aType(name));
        }
        byte[] image = Image.build(interp.globals, function, args);
        ProcessRequest.Spawned spawned = broker().call(new ProcessRequest.Spawn(image, name == Nil.NIL ? null : (String) name, site));
        return track(new ProcHandle(this, spawned.id(), spawned.pid(), spawned.name()), false);
    }

    /**
     * A process handle this process now holds. arrived: it came in a value (it was not made by
     * a spawn here). Only the root counts its handles (see {@link RootProcesses}).
     */
    protected ProcHandle track(ProcHandle handle, boolean arrived) {
        return handle;
    }

    /** A handle to process id is about to leave this process. */
    protected void processHandleSent(long id) {
    }

    @Override
    public Object join(Object handle, String site) {
        if (handle instanceof ProcHandle) {
            return join(((ProcHandle) handle).id, Nil.NIL, site);
        }
        if (handle instanceof TaskHandle) {
            return ((TaskHandle) handle).join(site);
        }
        throw new ParError("join needs a process or a pool task, not " + Values.aType(handle));
    }

    /**
     * join p and p.join(timeout): flushes this process's printed lines, waits for process id to
     * end and returns what it returned, decoded here.
     */
    Object join(long process, Object timeout, String site) {
        interp.out().flush();
        return decode(broker().call(new ProcessRequest.Join(process, timeout(timeout), site)).value());
    }

    @Override
    public Object ask(String what, Object[] args) {
        switch (what) {
            case "current_process": {
                ProcessRequest.Spawned me = broker().call(new ProcessRequest.Me());
                return track(new ProcHandle(this, me.id(), me.pid(), me.name()), true);
            }
            case "active_children":
                return decode(broker().call(new ProcessRequest.Children()).encoded());
            case "parent_pid":
                return broker().call(new ProcessRequest.Parent()).value();
            default:
                throw new ParError(what + "() is not available");
        }
    }

    @Override
    public Object create(String kind, Object[] args, String name) {
        return objects.create(kind, args, name);
    }

    /** Whether every pool() of this program goes to a cluster (PAR_CLUSTER is set). */
    public static boolean clusterFromEnvironment() {
        return ClusterDoor.address(Nil.NIL) != null;
    }

    Object decode(byte[] bytes) {
        return Codec.decode(bytes, this);
    }

    /** A time-out as the program gave it (nil: none), checked here, where the error belongs. */
    static Request.Timeout timeout(Object seconds) {
        return seconds == Nil.NIL ? null : new Request.Timeout(Values.toDouble(seconds, "timeout"), Repr.str(seconds));
    }

    /**
     * A function that arrived from another process, resolved here. Its tree was rebuilt from
     * bytes, so a damaged one can hold what our parser never makes (a string where an
     * expression belongs, an operator that does not exist): the resolver, written for the
     * parser's trees, would fail on it with a Java exception, which is turned into the
     * malformed-message error a damaged frame gets.
     */
    @Override
    public Function function(Stmt.Def def, List<String> freeVars, Cell[] captured) {
        try {
            return new Function(Resolver.resolveFunction(def, freeVars, interp.globals), captured);
        } catch (ParError | par.syntax.SyntaxError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WireException("malformed function " + def.name() + ": its tree does not make sense");
        }
    }

    @Override
    public Object handle(byte kind, long id, long meta) {
        switch (kind) {
            case Handle.KIND_PROCESS: return track(new ProcHandle(this, id, meta, null), true);
            case Handle.KIND_LOCK: return new LockHandle(this, id);
            case Handle.KIND_RLOCK: return new SyncHandles.RLock(this, id);
            case Handle.KIND_PIPE: return new PipeHandle(this, id, meta);
            case Handle.KIND_ARRAY: return new SharedData.Array(this, id, meta);
            case Handle.KIND_SHARED_LIST: return new SharedData.List_(this, id);
            case Handle.KIND_SHARED_MAP: return new SharedData.Map_(this, id);
            case Handle.KIND_QUEUE: return new QueueHandle(this, id, meta & QueueHandle.CAPACITY, meta != (meta & QueueHandle.CAPACITY));
            case Handle.KIND_SHARED: return new SharedHandle(this, id);
            case Handle.KIND_SEMAPHORE: return new SyncHandles.Semaphore(this, id);
            case Handle.KIND_EVENT: return new SyncHandles.Event(this, id);
            case Handle.KIND_BARRIER: return new SyncHandles.Barrier(this, id, meta);
            case Handle.KIND_CONDITION: return new SyncHandles.Condition(this, id, meta);
            default: throw new WireException("malformed value: unknown handle kind " + kind);
        }
    }
}
