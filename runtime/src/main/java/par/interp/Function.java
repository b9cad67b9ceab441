package par.interp;

/** A user function value: its code plus the cells it captured when its {@code def} ran. */
public final class Function implements Callable {
    /** Deeper than this, a call is an error: Par's own, long before Java's stack runs out. */
    static final int MAX_DEPTH = 10_000;

    public final FunctionCode code;
    public final Cell[] captured;

    public Function(FunctionCode code, Cell[] captured) {
        this.code = code;
        this.captured = captured;
    }

    @Override
    public String name() {
        return code.name;
    }

    @Override
    public String typeName() {
        return "function";
    }

    @Override
    public Object call(Interpreter interp, Object[] args) {
        Object[] slots = code.newSlots(args.length);
        if (slots == null) {
            throw code.arityError(args.length);
        }
        System.arraycopy(args, 0, slots, 0, args.length);
        return invoke(interp, slots);
    }

    /** An error now if argc arguments would be the wrong number for this function. */
    public void checkArity(int argc) {
        if (code.newSlots(argc) == null) {
            throw code.arityError(argc);
        }
    }

    /** Runs the body in a frame whose first slots already hold the arguments. */
    Object invoke(Interpreter interp, Object[] slots) {
        int[] cellSlots = code.cellSlots;
        for (int i = 0; i < cellSlots.length; i++) {
            slots[cellSlots[i]] = new Cell(code.cellNames[i], slots[cellSlots[i]]);
        }
        Frame frame = new Frame(slots, captured, interp);
        if (++interp.depth > MAX_DEPTH) {
            interp.depth--;
            // not entered yet: the caller's line is where this happened
            throw new ParError("maximum recursion depth exceeded (" + MAX_DEPTH + " calls deep)");
        }
        try {
            return code.body.exec(frame) == StmtNode.RETURN ? frame.returnValue : Nil.NIL;
        } catch (ParError e) {
            throw leaving(e);
        } catch (StackOverflowError e) {
            throw new ParError("maximum recursion depth exceeded (the stack is full)");
        } finally {
            interp.depth--;
        }
    }

    private ParError leaving(ParError e) {
        e.leaveFunction(code.name, code.file);
        return e;
    }

    @Override
    public String toString() {
        return "<function " + code.name + ">";
    }
}
