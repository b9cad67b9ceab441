package par.interp;

import par.syntax.Pos;

/**
 * A runnable statement. {@link #exec} returns null to go on, {@link #BREAK} or
 * {@link #CONTINUE}, which loops consume, or else the value a {@code return} returns, which
 * the function call consumes. Signals are plain return values, not exceptions, and a returned
 * value is its own signal: leaving a loop or a function costs nothing, and a return stores
 * nothing on the way out.
 */
public abstract class StmtNode {
    static final Object BREAK = new Object();
    static final Object CONTINUE = new Object();

    final int line;
    /** Where the statement is in the source, set by the resolver. */
    Pos pos;

    StmtNode(int line) {
        this.line = line;
    }

    abstract Object exec(Frame f);
}
