package par.interp;

/**
 * The state of one running function (or of the top level): its local slots, the cells it
 * captured from enclosing functions, and the value being returned. The resolver has fixed
 * every local's slot number, so reading a variable is one array access.
 */
public final class Frame {
    public final Object[] slots;
    final Cell[] captured;
    public final Interpreter interp;
    Object returnValue;

    Frame(Object[] slots, Cell[] captured, Interpreter interp) {
        this.slots = slots;
        this.captured = captured;
        this.interp = interp;
    }
}
