package par.interp;

/**
 * A value with a type of its own beyond the built-in data: functions, builtins, process and
 * lock handles. It names its type and answers attribute reads and method calls.
 */
public interface ParObject {
    String typeName();

    /** {@code value.name}; the default says the attribute does not exist. */
    default Object getAttribute(String name) {
        throw new ParError(typeName() + " has no attribute '" + name + "'");
    }

    /** {@code value.name = v}. */
    default void setAttribute(String name, Object value) {
        throw new ParError("cannot set attribute '" + name + "' of " + typeName());
    }

    /** {@code value.name(args)}. */
    default Object callMethod(Interpreter interp, String name, Object[] args) {
        throw new ParError(typeName() + " has no method '" + name + "'");
    }
}
