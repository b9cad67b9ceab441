package par.interp;

/** Par's {@code nil}: the one empty value. (Java null means "no value yet" inside the runtime.) */
public final class Nil {
    public static final Nil NIL = new Nil();

    private Nil() {
    }

    @Override
    public String toString() {
        return "nil";
    }
}
