package par.interp;

/**
 * A value of its own type that indexing, slicing, {@code in}, {@code len} and {@code del} work
 * on, as they do on a list or a map: the shared array, list and map, whose items live in the
 * hub. {@link Sequences} hands each of those operations to it.
 */
public interface ParContainer extends ParIterable {
    Object getItem(Object index);

    void setItem(Object index, Object value);

    void deleteItem(Object index);

    Object slice(Object lo, Object hi, Object step);

    /** value null: {@code del target[lo:hi:step]}. */
    void setSlice(Object lo, Object hi, Object step, Object value);

    boolean contains(Object item);

    long length();
}
