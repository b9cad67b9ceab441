package par.interp;

/** A value {@code with} can manage: entered before the block, exited after it, even on error. */
public interface ContextManager {
    /** Returns the value bound by {@code with x as name}. */
    Object enter(Interpreter interp);

    void exit(Interpreter interp, boolean failed);
}
