package par.proc;

/**
 * Where the hub sends the answer to one request, once it can: to a waiting thread in the
 * root process, or down the pipe to a child. Exactly one of the two methods is called.
 */
interface Reply {
    void ok(Object value);

    void fail(String message);
}
