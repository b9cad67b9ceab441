package par.interp;

import java.util.List;

import par.syntax.Stmt;

/**
 * What the resolver makes of one {@code def}: the runnable body, the frame layout, and the
 * definition itself (which the wire codec copies to children, who resolve it anew).
 */
public final class FunctionCode {
    final String name;
    final String file;
    /** The function's own lines, which errors in it show. */
    final par.syntax.SourceLines lines;
    final int arity;
    final int frameSize;
    /** Slots that hold cells because an inner function captures them. */
    final int[] cellSlots;
    final String[] cellNames;
    final StmtNode body;
    public final Stmt.Def def;
    /** Names of the enclosing functions' variables this function captures, in capture order. */
    public final List<String> freeVars;
    /**
     * The global names this function's code reads, those of the functions defined inside it
     * included: a child needs these globals (and those the functions among them read) to run it.
     */
    public final String[] globalsRead;

    FunctionCode(Stmt.Def def, int frameSize, int[] cellSlots, String[] cellNames, StmtNode body, List<String> freeVars,
                 String[] globalsRead) {
        this.name = def.name();
        this.file = def.file();
        this.lines = def.lines();
        this.arity = def.params().size();
        this.frameSize = frameSize;
        this.cellSlots = cellSlots;
        this.cellNames = cellNames;
        this.body = body;
        this.def = def;
        this.freeVars = freeVars;
        this.globalsRead = globalsRead;
    }

    /** A fresh frame for a call with argc arguments, or null if argc is wrong. */
    Object[] newSlots(int argc) {
        return argc == arity ? new Object[frameSize] : null;
    }

    ParError arityError(int argc) {
        return new ParError(name + "() takes " + count(arity) + " but was given " + argc);
    }

    static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }
}
