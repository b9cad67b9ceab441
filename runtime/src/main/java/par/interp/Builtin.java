package par.interp;

/** A function written in Java, such as {@code len} or {@code print}, with its allowed argument counts. */
public final class Builtin implements Callable {
    /** The Java side of a builtin; it may assume the argument count is within range. */
    @FunctionalInterface
    public interface Body {
        Object call(Interpreter interp, Object[] args);
    }

    private final String name;
    private final int minArgs;
    private final int maxArgs;
    private final Body body;

    /** maxArgs -1 means any number from minArgs up. */
    public Builtin(String name, int minArgs, int maxArgs, Body body) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String typeName() {
        return "builtin";
    }

    @Override
    public Object call(Interpreter interp, Object[] args) {
        checkArity(name, args, minArgs, maxArgs);
        return body.call(interp, args);
    }

    /** Its parameters' names in order, for keyword arguments; empty for a builtin that takes none. */
    public java.util.List<String> parameters() {
        return body instanceof Builtins.Fn fn ? fn.params : java.util.List.of();
    }

    /** Whether it makes an object the hub keeps, which may be given a name: lock(), queue()... */
    public boolean makesObjects() {
        return body instanceof Builtins.Fn fn && fn.makesObjects();
    }

    /** Calls a builtin that makes an object, giving the object its name. */
    Object make(Interpreter interp, Object[] args, String objectName) {
        checkArity(name, args, minArgs, maxArgs);
        return interp.processes().create(name, args, objectName);
    }

    /** The one place argument counts are checked and their errors worded, for builtins and methods. */
    public static void checkArity(String name, Object[] args, int min, int max) {
        if (args.length >= min && (max < 0 || args.length <= max)) {
            return;
        }
        String expected;
        if (max < 0) {
            expected = "at least " + FunctionCode.count(min);
        } else if (min == max) {
            expected = FunctionCode.count(min);
        } else {
            expected = min + " to " + max + " arguments";
        }
        throw new ParError(name + "() takes " + expected + " but was given " + args.length);
    }

    @Override
    public String toString() {
        return "<builtin " + name + ">";
    }
}
