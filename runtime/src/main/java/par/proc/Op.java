package par.proc;

/** The requests a process makes of the hub, each naming the object it acts on by id. */
public enum Op {
    SPAWN, JOIN, INFO, TERMINATE,
    LOCK_NEW, ACQUIRE, RELEASE,
    QUEUE_NEW, PUT, GET, QUEUE_SIZE,
    SHARED_NEW, SHARED_GET, SHARED_SET,
    POOL_NEW, POOL_SUBMIT, POOL_WAIT, POOL_ANY, POOL_DONE, POOL_CLOSE;

    private static final Op[] ALL = values();

    static Op of(int code) {
        if (code < 0 || code >= ALL.length) {
            throw new WireException("malformed request: unknown operation " + code);
        }
        return ALL[code];
    }
}
