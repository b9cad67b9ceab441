package par.interp;

/** Anything a call {@code f(args)} can run: user functions, builtins, bound methods. */
public interface Callable extends ParObject {
    Object call(Interpreter interp, Object[] args);

    String name();
}
