package par.proc;

/** The requests a process makes of the hub, each naming the object it acts on by id. */
public enum Op {
    SPAWN, JOIN, INFO, TERMINATE,
    LOCK_NEW, ACQUIRE, RELEASE,
    QUEUE_NEW, PUT, GET, QUEUE_SIZE,
    SHARED_NEW, SHARED_GET, SHARED_SET,
    POOL_NEW, POOL_SUBMIT, POOL_WAIT, POOL_ANY, POOL_DONE, POOL_CLOSE,
    SEM_NEW, SEM_ACQUIRE, SEM_RELEASE,
    EVENT_NEW, EVENT_SET, EVENT_CLEAR, EVENT_IS_SET, EVENT_WAIT,
    BARRIER_NEW, BARRIER_WAIT,
    COND_NEW, COND_WAIT, COND_NOTIFY;

    private static final Op[] ALL = values();

    static Op of(int code) {
        if (code < 0 || code >= ALL.length) {
            throw new WireException("malformed request: unknown operation " + code);
        }
        return ALL[code];
    }
}
