package par.interp;

/** A user function value: its code plus the cells it captured when its {@code def} ran. */
public final class Function implements Callable {
    /** Deeper than this, a call is an error: Par's own, long before Java's stack runs out. */
    static final int MAX_DEPTH = 10_000;

    /** Makes a function when it is first used (see {@link #later}). */
    public interface Source {
        Function make();
    }

    private FunctionCode code;
    private Cell[] captured;
    /** Until a function made later is made: how to make it. */
    private Source source;

    public Function(FunctionCode code, Cell[] captured) {
        this.code = code;
        this.captured = captured;
    }

    private Function(Source source) {
        this.source = source;
    }

    /**
     * A function made on its first use. A child JVM installs the functions of its image so:
     * a spawned function usually calls few of the program's others, and decoding and resolving
     * all of them took the child of a 40-function program 40 ms. Only the thread running the
     * child's program uses its functions, so making one needs no lock.
     */
    public static Function later(Source source) {
        return new Function(source);
    }

    public FunctionCode code() {
        if (source != null) {
            make();
        }
        return code;
    }

    public Cell[] captured() {
        if (source != null) {
            make();
        }
        return captured;
    }

    private void make() {
        Function made = source.make();
        code = made.code();
        captured = made.captured();
        source = null;
    }

    @Override
    public String name() {
        return code().name;
    }

    @Override
    public String typeName() {
        return "function";
    }

    @Override
    public Object call(Interpreter interp, Object[] args) {
        FunctionCode code = code();
        Object[] slots = code.newSlots(args.length);
        if (slots == null) {
            throw code.arityError(args.length);
        }
        System.arraycopy(args, 0, slots, 0, args.length);
        return invoke(interp, slots);
    }

    /** An error now if argc arguments would be the wrong number for this function. */
    public void checkArity(int argc) {
        if (code().newSlots(argc) == null) {
            throw code.arityError(argc);
        }
    }

    /** Runs the body in a frame whose first slots already hold the arguments. */
    Object invoke(Interpreter interp, Object[] slots) {
        FunctionCode code = code();
        if (code.cellSlots.length != 0) {
            makeCells(code, slots);
        }
        Frame frame = interp.enter(slots, captured);
        try {
            Object returned = code.body.exec(frame);
            return returned != null ? returned : Nil.NIL; // the body ran to its end
        } catch (ParError e) {
            throw leaving(e);
        } catch (StackOverflowError e) {
            throw new ParError("maximum recursion depth exceeded (the stack is full)");
        } finally {
            interp.leave(frame);
        }
    }

    /** Puts the locals an inner function captures into cells, arguments included. */
    private static void makeCells(FunctionCode code, Object[] slots) {
        int[] cellSlots = code.cellSlots;
        for (int i = 0; i < cellSlots.length; i++) {
            slots[cellSlots[i]] = new Cell(code.cellNames[i], slots[cellSlots[i]]);
        }
    }

    private ParError leaving(ParError e) {
        e.leaveFunction(code().name, code.file, code.lines);
        return e;
    }

    @Override
    public String toString() {
        return "<function " + name() + ">";
    }
}
