package par.proc;

import par.interp.Callable;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.Values;
import par.wire.Answer;
import par.wire.Codec;
import par.wire.PoolRequest;
import par.wire.QueueRequest;
import par.wire.Request;
import par.wire.SyncRequest;

/**
 * What lock(), queue(), shared(), pool() and the other makers of shared objects make, for a
 * process's {@link ProcessSupport}: each checks its arguments, asks the hub for a new object
 * and wraps the id it gets in a handle.
 */
final class NewObjects {
    private final ProcessSupport support;

    NewObjects(ProcessSupport support) {
        this.support = support;
    }

    private Broker broker() {
        return support.broker();
    }

    Object create(String kind, Object[] args, String name) {
        switch (kind) {
            case "lock":
                return new LockHandle(support, broker().call(new Request.NewLock(name)).id());
            case "rlock":
                return new SyncHandles.RLock(support, broker().call(new SyncRequest.NewRLock(name)).id());
            case "queue": {
                long capacity = queueSize(args);
                return new QueueHandle(support, broker().call(new Request.NewQueue(capacity, name)).id(), capacity, false);
            }
            case "joinable_queue": {
                long capacity = queueSize(args);
                long id = broker().call(new QueueRequest.NewJoinableQueue(capacity, name)).id();
                return new QueueHandle(support, id, capacity, true);
            }
            case "pool":
                return pool(args, name);
            case "shared":
                return new SharedHandle(support, broker().call(new Request.NewShared(Codec.encode(args[0]), name)).id());
            case "semaphore":
                return new SyncHandles.Semaphore(support, broker().call(new Request.NewSemaphore(permits(args), name)).id());
            case "bounded_semaphore": {
                long n = permits(args);
                return new SyncHandles.Semaphore(support, broker().call(new SyncRequest.NewBoundedSemaphore(n, name)).id());
            }
            case "event":
                return new SyncHandles.Event(support, broker().call(new Request.NewEvent(name)).id());
            case "barrier":
                return barrier(args, name);
            case "array": {
                ParList items = SharedData.Array.initial(args[0], args[1]);
                long id = broker().call(new Request.NewShared(Codec.encode(items), name)).id();
                return new SharedData.Array(support, id,
                        items.size() | (SharedData.Array.floats(args[0]) ? SharedData.Array.FLOATS : 0));
            }
            case "shared_list":
                return new SharedData.List_(support, newShared(SharedData.initial(kind, args), name));
            case "shared_map":
                return new SharedData.Map_(support, newShared(SharedData.initial(kind, args), name));
            case "pipe":
                return PipeHandle.make(support, args.length == 0 ? Nil.NIL : args[0], name);
            case "condition": {
                long lockId = 0;
                if (args.length > 0) {
                    if (!(args[0] instanceof LockHandle) || args[0] instanceof SharedHandle) {
                        throw new ParError("condition() takes a lock, not " + Values.aType(args[0]));
                    }
                    lockId = ((LockHandle) args[0]).id;
                }
                Answer.ConditionMade made = broker().call(new Request.NewCondition(lockId, name));
                return new SyncHandles.Condition(support, made.id(), made.lock());
            }
            default:
                throw new ParError(kind + "() is not available");
        }
    }

    /** barrier(n), barrier(n, action), barrier(n, action, timeout); either may be nil. */
    private Object barrier(Object[] args, String name) {
        long n = Values.toLong(args[0], "barrier parties");
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new ParError("a barrier needs at least one party");
        }
        Object action = args.length > 1 ? args[1] : Nil.NIL;
        Request.Timeout timeout = ProcessSupport.timeout(args.length > 2 ? args[2] : Nil.NIL);
        if (action == Nil.NIL && timeout == null) {
            return new SyncHandles.Barrier(support, broker().call(new Request.NewBarrier(n, name)).id(), n);
        }
        if (action != Nil.NIL && !(action instanceof Callable)) {
            throw new ParError("a barrier's action must be a function, not " + Values.aType(action));
        }
        byte[] encoded = action == Nil.NIL ? new byte[0] : Codec.encode(action);
        long id = broker().call(new SyncRequest.NewBarrierWith(n, encoded, timeout, name)).id();
        return new SyncHandles.Barrier(support, id, action == Nil.NIL ? n : n | SyncHandles.Barrier.ACTION);
    }

    private long newShared(Object value, String name) {
        return broker().call(new Request.NewShared(Codec.encode(value), name)).id();
    }

    private static long queueSize(Object[] args) {
        long capacity = args.length == 0 || args[0] == Nil.NIL ? 0 : Values.toLong(args[0], "queue size");
        if (capacity < 0 || capacity > Integer.MAX_VALUE) {
            throw new ParError("queue size must be positive, or 0 for no limit");
        }
        return capacity;
    }

    private static long permits(Object[] args) {
        long n = args.length == 0 ? 1 : Values.toLong(args[0], "semaphore size");
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new ParError("a semaphore needs a count of 0 or more");
        }
        return n;
    }

    /** pool(processes, maxtasksperchild, cluster): worker JVMs here, or a cluster's members' workers. */
    private PoolHandle pool(Object[] args, String name) {
        long size = args.length == 0 || args[0] == Nil.NIL ? Runtime.getRuntime().availableProcessors()
                : Values.toLong(args[0], "pool size");
        if (size < 1) {
            throw new ParError("a pool needs at least one worker");
        }
        long maxTasks = args.length < 2 || args[1] == Nil.NIL ? 0 : Values.toLong(args[1], "maxtasksperchild");
        if (maxTasks < 0 || (args.length >= 2 && args[1] != Nil.NIL && maxTasks == 0)) {
            throw new ParError("maxtasksperchild must be at least 1");
        }
        ProcessSupport.PoolImage image = ProcessSupport.poolImage(support.interp.globals);
        String cluster = ClusterDoor.address(args.length > 2 ? args[2] : Nil.NIL);
        if (cluster != null) {
            if (maxTasks != 0) {
                throw new ParError("maxtasksperchild is not available for a pool on a cluster: its workers belong to the members");
            }
            return new PoolHandle(support, ClusterDoor.open(cluster, image.bytes()), image);
        }
        long id = maxTasks == 0 ? broker().call(new Request.NewPool(size, image.bytes(), name)).id()
                : broker().call(new PoolRequest.NewPoolWith(size, maxTasks, image.bytes(), name)).id();
        return new PoolHandle(support, new HubTasks(support, id, (int) size), image);
    }
}
