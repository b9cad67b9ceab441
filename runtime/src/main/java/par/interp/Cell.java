package par.interp;

/**
 * A box holding one variable: a global, or a local that an inner function captures. A null
 * value means the variable has not been assigned yet.
 */
public final class Cell {
    public Object value;
    public final String name;
    /**
     * For a global: some code resolved in this program assigns it (in a child: some code of the
     * parent's does), whether or not that has run yet.
     */
    boolean assigned;

    public Cell(String name, Object value) {
        this.name = name;
        this.value = value;
    }
}
