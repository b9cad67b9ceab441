package par.interp;

/**
 * A box holding one variable: a global, or a local that an inner function captures. A null
 * value means the variable has not been assigned yet.
 */
public final class Cell {
    public Object value;
    public final String name;

    public Cell(String name, Object value) {
        this.name = name;
        this.value = value;
    }
}
