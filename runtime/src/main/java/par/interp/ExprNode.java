package par.interp;

/** A runnable expression: the resolver's output for one {@link par.syntax.Expr}. */
public abstract class ExprNode {
    final int line;

    ExprNode(int line) {
        this.line = line;
    }

    abstract Object eval(Frame f);

    /** A condition: spares the boxing of comparisons that only feed an if or while. */
    boolean test(Frame f) {
        return Values.truthy(eval(f));
    }
}
