package par.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Par map: keys in insertion order. Keys are normalised so that equal numbers are one key
 * ({@code m[1]} and {@code m[1.0]} are the same entry, as in Python); lists and maps cannot be
 * keys because they can change. As in Python the key an entry shows is the one it was first
 * made with ({@code {1.0: 'a'}} prints {@code 1.0}), kept aside for the few keys whose
 * normal form differs.
 */
public final class ParMap {
    public final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();
    /** The key as first written, by normal form, for floats that normalise to an int. */
    private HashMap<Object, Object> written;

    public Object get(Object key) {
        return entries.get(key(key));
    }

    public void put(Object key, Object value) {
        Object k = key(key);
        if (entries.put(k, value) == null && k != key && key instanceof Double) {
            if (written == null) {
                written = new HashMap<>();
            }
            written.put(k, key);
        }
    }

    /** Every entry of other, under the keys other shows. */
    public void putAll(ParMap other) {
        for (Map.Entry<Object, Object> e : other.entries.entrySet()) {
            put(other.shown(e.getKey()), e.getValue());
        }
    }

    /** The key an entry shows, given its normal form. */
    public Object shown(Object key) {
        return written == null ? key : written.getOrDefault(key, key);
    }

    /** The keys as they show, in order. */
    public List<Object> keys() {
        List<Object> keys = new ArrayList<>(entries.size());
        for (Object k : entries.keySet()) {
            keys.add(shown(k));
        }
        return keys;
    }

    public void clear() {
        entries.clear();
        written = null;
    }

    public boolean containsKey(Object key) {
        return entries.containsKey(key(key));
    }

    public Object remove(Object key) {
        Object k = key(key);
        if (written != null) {
            written.remove(k);
        }
        return entries.remove(k);
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
