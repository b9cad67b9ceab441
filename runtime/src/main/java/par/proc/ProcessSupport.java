package par.proc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import par.hub.RootProcesses;
import par.interp.Callable;
import par.interp.Cell;
import par.interp.Function;
import par.interp.Globals;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.Processes;
import par.interp.Repr;
import par.interp.Resolver;
import par.interp.Values;
import par.syntax.Stmt;
import par.wire.Codec;
import par.wire.Handle;
import par.wire.ProcessRequest;
import par.wire.Request;
import par.wire.Wire;
import par.wire.WireException;

/**
 * The interpreter's view of processes, the same in the root and in a child: spawn builds the
 * image (below: the call and the globals it reaches, in {@link Codec}'s form) and asks the hub;
 * join asks the hub and decodes what the process returned; a child installs its image with
 * {@link #install}. Values arriving from other processes are rebuilt here, functions resolved
 * against this process's globals. lock(), queue(), shared() and the rest are {@link NewObjects}'.
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
        byte[] image = image(interp.globals, function, args);
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

    // ================================================================= the image

    // The fork-copy a child starts from: the function to call, its arguments, and the parent's
    // globals that the call can reach, as they are at the moment of the spawn (functions travel
    // as AST). Reaching follows the globals each function reads (its resolver noted them),
    // through the functions among those globals and the functions inside their values, so a
    // global no code of the call reads is not copied however large it is. A global that cannot
    // travel (a bound method, say) is left out, and the child says so if it is used. A pool's
    // workers start from an image too.

    /** The most an image may hold: a frame, less room for what travels beside it. */
    static final int MAX_IMAGE = Wire.MAX_FRAME - (1 << 16);

    /** A spawn's image: the globals the call reaches, the function, its arguments. */
    public static byte[] image(Globals globals, Object function, Object[] args) {
        Reach reach = new Reach(globals, Set.of());
        Codec.Writer call = reach.writer();
        call.value(function, 0);
        call.value(new ParList(java.util.Arrays.asList(args)), 0);
        return reach.withGlobals(call, "the function and its arguments", "this spawn");
    }

    /**
     * What a pool's workers start from (bytes: every function among the globals, every global
     * some function reads, and what those reach), the globals that were functions (the workers
     * know them by name), and the names looked at (sent, or missing then), which no task needs
     * to carry.
     */
    record PoolImage(byte[] bytes, Map<String, Object> functions, Set<String> names) {
    }

    /**
     * A worker must be able to run any function of the image given later by name, and a
     * function shipped whole with a task (one defined after the pool, say) reads globals too:
     * in a script every function is resolved before it runs, so the globals functions read
     * cover it; what a function typed later at the REPL reads travels with its tasks.
     */
    static PoolImage poolImage(Globals globals) {
        Reach reach = new Reach(globals, Set.of());
        Map<String, Object> functions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> g : globals.snapshot().entrySet()) {
            if (g.getValue() instanceof Function) {
                functions.put(g.getKey(), g.getValue());
                reach.name(g.getKey());
            }
        }
        for (String name : globals.readByFunctions()) {
            reach.name(name);
        }
        Codec.Writer call = reach.writer();
        call.value(par.interp.Nil.NIL, 0);
        call.value(new ParList(), 0);
        byte[] bytes = reach.withGlobals(call, "the call", "this pool");
        return new PoolImage(bytes, functions, reach.considered());
    }

    /**
     * The encoded functions that capture nothing, which no later change can alter: a function
     * may be sent by many spawns, and encoding the 40 of one program took 6 ms each time. Weak
     * keys, compared by identity (functions do not override equals), so a function redefined in
     * the REPL does not stay here.
     */
    private static final Map<Function, byte[]> ENCODED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The globals some values reach, found while those values are encoded and each encoded
     * once. Values are written through {@link #writer()}, which notes the functions it meets;
     * names may also be added by hand.
     */
    static final class Reach {
        private final Globals globals;
        /** Names the receiver has already, which are not sent again. */
        private final Set<String> alreadyThere;
        /** Names looked at here (sent, absent, or unable to travel). */
        private final Set<String> considered = new HashSet<>();
        private final ArrayDeque<String> pending = new ArrayDeque<>();
        private final List<Function> met = new ArrayList<>();
        private final ParList entries = new ParList();
        private long size;
        private String largest;
        private long largestSize = -1;

        /** alreadyThere: names the receiver has, which are not to be sent again. */
        Reach(Globals globals, Set<String> alreadyThere) {
            this.globals = globals;
            this.alreadyThere = alreadyThere;
        }

        /** A writer whose values count: the globals their functions read are reached. */
        Codec.Writer writer() {
            return new Codec.Writer(met);
        }

        void name(String name) {
            if (!alreadyThere.contains(name) && considered.add(name)) {
                pending.add(name);
            }
        }

        /** The names looked at: after {@link #globals}, every global the values reach. */
        Set<String> considered() {
            return considered;
        }

        /**
         * Encodes every global reached so far and puts them before what call holds, as
         * {@link #install} reads them. The sizes are checked together, so the error names the
         * largest part: callWhat names the call's part, what the whole.
         */
        byte[] withGlobals(Codec.Writer call, String callWhat, String what) {
            ParList found = globals();
            long callSize = call.length();
            long total = size + callSize;
            if (total > MAX_IMAGE) {
                String culprit = largestSize >= callSize ? "global '" + largest + "'" : callWhat;
                throw new ParError(culprit + " " + (largestSize >= callSize ? "is" : "are")
                        + " too large to send to another process (" + mib(Math.max(largestSize, callSize)) + " of the "
                        + mib(total) + " " + what + " would send; the limit is " + (Wire.MAX_FRAME >> 20) + " MiB)");
            }
            Codec.Writer image = new Codec.Writer();
            image.value(found, 0);
            image.raw(call.toBytes());
            return image.toBytes();
        }

        /**
         * The globals reached, each a list of its name and its encoding, or of its name alone
         * for one the program assigns but had not yet.
         */
        ParList globals() {
            follow();
            while (!pending.isEmpty()) {
                add(pending.poll());
                follow();
            }
            return entries;
        }

        private void add(String name) {
            Object value = globals.get(name);
            if (value == null) {
                if (globals.assignedSomewhere(name)) {
                    entries.add(ParList.of(name)); // the child says it did not exist yet, if it uses it
                }
                return;
            }
            int metBefore = met.size();
            byte[] encoded;
            try {
                encoded = encode(value);
            } catch (Codec.TooLarge e) {
                throw new ParError("global '" + name + "' is too large to send to another process (over "
                        + (Wire.MAX_FRAME >> 20) + " MiB)");
            } catch (ParError cannotTravel) {
                met.subList(metBefore, met.size()).clear();
                return; // the child will not see this name; using it there says so
            }
            entries.add(ParList.of(name, encoded));
            size += encoded.length + name.length() + 16;
            if (encoded.length > largestSize) {
                largest = name;
                largestSize = encoded.length;
            }
        }

        private byte[] encode(Object value) {
            if (!(value instanceof Function) || ((Function) value).captured().length > 0) {
                Codec.Writer w = writer();
                w.value(value, 0);
                return w.toBytes();
            }
            met.add((Function) value);
            byte[] known = ENCODED.get(value);
            if (known == null) {
                known = Codec.encode(value);
                ENCODED.put((Function) value, known);
            }
            return known;
        }

        /** The globals read by the functions met so far are reached too. */
        private void follow() {
            for (Function f : met) {
                for (String name : f.code().globalsRead) {
                    name(name);
                }
            }
            met.clear();
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (double) (1 << 20));
    }

    /** What a child finds in its image: the call to make, with the globals already installed. */
    public record Call(Object function, Object[] args) {
    }

    public static Call install(byte[] image, Globals globals, Codec.Receiver receiver) {
        Object[] parts = Codec.decodeAll(image, 3, receiver);
        installGlobals((ParList) parts[0], globals, receiver, false);
        return new Call(parts[1], ((ParList) parts[2]).items.toArray());
    }

    /**
     * Installs globals sent as {@link Reach#globals} gives them. onlyMissing: a pool worker
     * keeps its own copy of a global a task brings again (it may have changed it).
     */
    public static void installGlobals(ParList sent, Globals globals, Codec.Receiver receiver, boolean onlyMissing) {
        for (Object entry : sent.items) {
            ParList pair = (ParList) entry;
            globals.cell((String) pair.get(0));
        }
        // cells first, values second: functions resolved while decoding find every global's cell
        for (Object entry : sent.items) {
            ParList pair = (ParList) entry;
            String name = (String) pair.get(0);
            if (pair.size() == 1) { // the program assigns it, but had not yet
                globals.noteAssigned(name);
                continue;
            }
            if (onlyMissing && globals.get(name) != null) {
                continue;
            }
            byte[] value = (byte[]) pair.get(1);
            globals.set(name, Codec.isFunction(value)
                    ? Function.later(new Decoding(value, receiver)) : Codec.decode(value, receiver));
        }
    }

    /** A function of the image, decoded and resolved when it is first used. */
    private static final class Decoding implements Function.Source {
        private final byte[] encoded;
        private final Codec.Receiver receiver;

        Decoding(byte[] encoded, Codec.Receiver receiver) {
            this.encoded = encoded;
            this.receiver = receiver;
        }

        @Override
        public Function make() {
            return (Function) Codec.decode(encoded, receiver);
        }
    }
}
