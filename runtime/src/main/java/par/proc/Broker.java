package par.proc;

/**
 * How a process's handles reach the hub: directly in the root process, through the pipe in a
 * child. A call blocks until the hub answers; a hub refusal arrives as a ParError.
 */
public interface Broker {
    Object call(Op op, Object... args);

    /** A request that needs no answer (putting into an unbounded queue): sent, not waited for. */
    void send(Op op, Object... args);

    /** The id of the process this broker speaks for (0 is the root). */
    long self();
}
