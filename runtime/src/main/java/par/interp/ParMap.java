package par.interp;

import java.util.LinkedHashMap;

/**
 * A Par map: keys in insertion order. Keys are normalised so that equal numbers are one key
 * ({@code m[1]} and {@code m[1.0]} are the same entry, as in Python); lists and maps cannot be
 * keys because they can change.
 */
public final class ParMap {
    public final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();

    public Object get(Object key) {
        return entries.get(key(key));
    }

    public void put(Object key, Object value) {
        entries.put(key(key), value);
    }

    public boolean containsKey(Object key) {
        return entries.containsKey(key(key));
    }

    public Object remove(Object key) {
        return entries.remove(key(key));
    }

    public int size() {
        return entries.size();
    }

    /** The form a value takes as a key; an error for values that cannot be keys. */
    public static Object key(Object k) {
        if (k instanceof Double) {
            double d = (Double) k;
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.2e18) {
                return (long) d;
            }
            return d == 0.0 ? 0L : k;
        }
        if (k instanceof ParList || k instanceof ParMap) {
            throw new ParError(Values.aType(k) + " cannot be a map key (it can change)");
        }
        return k;
    }
}
