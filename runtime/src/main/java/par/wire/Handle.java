package par.wire;

/** A value naming an object the hub owns (process, lock, queue, shared value, pool...): it travels as kind + id. */
public interface Handle {
    byte KIND_PROCESS = 1;
    byte KIND_LOCK = 2;
    byte KIND_QUEUE = 3;
    byte KIND_SHARED = 4;
    byte KIND_POOL = 5;
    byte KIND_TASK = 6;
    byte KIND_SEMAPHORE = 7;
    byte KIND_EVENT = 8;
    byte KIND_BARRIER = 9;
    byte KIND_CONDITION = 10;
    byte KIND_RLOCK = 11;
    byte KIND_PIPE = 12;
    byte KIND_ARRAY = 13;
    byte KIND_SHARED_LIST = 14;
    byte KIND_SHARED_MAP = 15;

    byte kind();

    long id();

    /** One more number a receiver needs to rebuild the handle: a process's pid, a queue's capacity. */
    default long meta() {
        return 0;
    }

    /** Whether it may leave the process that made it (a pool or a task may not). */
    default boolean travels() {
        return true;
    }

    /** The handle is being encoded to leave this process. */
    default void sending() {
    }
}
