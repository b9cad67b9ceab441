package par.interp;

import par.syntax.Pos;

/** A runnable expression: the resolver's output for one {@link par.syntax.Expr}. */
public abstract class ExprNode {
    final int line;
    /** Where the expression is in the source, set by the resolver: an error here is placed there. */
    Pos pos;

    ExprNode(int line) {
        this.line = line;
    }

    abstract Object eval(Frame f);

    /**
     * e, placed at this expression unless a part of it placed it already. Nodes that can fail
     * themselves (not only through their operands) catch their errors and rethrow them through
     * this, off their fast paths where they have one.
     */
    final ParError at(ParError e) {
        e.placeAt(pos);
        return e;
    }

    /**
     * The value as a long when it is an int that fits one, sparing a box between arithmetic
     * nodes; any other value is left in {@link Frame#other} (which is null after a long).
     */
    long evalLong(Frame f) {
        Object v = eval(f);
        if (v instanceof Long) {
            f.other = null;
            return (Long) v;
        }
        f.other = v;
        return 0;
    }

    /**
     * eval by way of evalLong, for an operator whose operand is arithmetic. Apart from eval so
     * that eval stays small enough to inline; the nodes are final classes, so once this is
     * inlined into one's eval the evalLong call is direct.
     */
    final Object viaLong(Frame f) {
        long r = evalLong(f);
        Object o = f.other;
        return o != null ? o : (Object) r;
    }

    /** A condition: spares the boxing of comparisons that only feed an if or while. */
    boolean test(Frame f) {
        return Values.truthy(eval(f));
    }
}
