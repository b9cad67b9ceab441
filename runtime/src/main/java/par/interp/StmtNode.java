package par.interp;

import par.syntax.Pos;

/**
 * A runnable statement. {@link #exec} returns null to go on, or one of the {@link #BREAK},
 * {@link #CONTINUE}, {@link #RETURN} signals, which loops and function calls consume. Signals
 * are plain return values, not exceptions: leaving a loop costs nothing.
 */
public abstract class StmtNode {
    static final Object BREAK = new Object();
    static final Object CONTINUE = new Object();
    static final Object RETURN = new Object();

    final int line;
    /** Where the statement is in the source, set by the resolver. */
    Pos pos;

    StmtNode(int line) {
        this.line = line;
    }

    abstract Object exec(Frame f);
}
