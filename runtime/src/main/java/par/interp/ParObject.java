package par.interp;

import java.util.List;

/**
 * A value with a type of its own beyond the built-in data: functions, builtins, process and
 * lock handles. It names its type and answers attribute reads and method calls.
 */
public interface ParObject {
    String typeName();

    /** The attributes and methods it has: what completion offers and a misspelling is compared with. */
    default List<String> memberNames() {
        return List.of();
    }

    /** {@code value.name}; the default says the attribute does not exist. */
    default Object getAttribute(String name) {
        throw new ParError(Values.aType(this) + " has no attribute '" + name + "'"
                + Suggestions.didYouMean(name, memberNames()));
    }

    /** {@code value.name = v}. */
    default void setAttribute(String name, Object value) {
        throw new ParError("cannot set attribute '" + name + "' of " + typeName());
    }

    /** The parameters' names, in order, of a method that takes keyword arguments; empty for one that takes none. */
    default List<String> parameters(String method) {
        return List.of();
    }

    /** {@code value.name(args)}. */
    default Object callMethod(Interpreter interp, String name, Object[] args) {
        throw new ParError(Values.aType(this) + " has no method '" + name + "'"
                + Suggestions.didYouMean(name, memberNames()));
    }
}
