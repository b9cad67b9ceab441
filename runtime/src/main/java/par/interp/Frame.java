package par.interp;

/**
 * The state of one running function (or of the top level): its local slots and the cells it
 * captured from enclosing functions. The resolver has fixed every local's slot number, so
 * reading a variable is one array access.
 */
public final class Frame {
    /** Set when a call enters the frame (see {@link Interpreter#enter}). */
    public Object[] slots;
    Cell[] captured;
    public final Interpreter interp;
    /**
     * Where {@link ExprNode#evalLong} leaves a value that is not a long (or null when it was
     * one); read at once by the caller, before anything else is evaluated.
     */
    Object other;

    Frame(Object[] slots, Cell[] captured, Interpreter interp) {
        this.slots = slots;
        this.captured = captured;
        this.interp = interp;
    }
}
