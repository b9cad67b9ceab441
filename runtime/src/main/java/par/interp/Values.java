package par.interp;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Facts about values that every part of the runtime asks: type names, truth, equality, order. */
public final class Values {
    private Values() {
    }

    /** The name users see in messages: int, float, string, bool, nil, list, map, function... */
    public static String typeName(Object v) {
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v == Nil.NIL) {
            return "nil";
        }
        if (v instanceof ParList) {
            return "list";
        }
        if (v instanceof ParMap) {
            return "map";
        }
        if (v instanceof Range) {
            return "range";
        }
        if (v instanceof ParObject) {
            return ((ParObject) v).typeName();
        }
        return "value";
    }

    /** The type name with its article, for messages: "an int", "a list". */
    public static String aType(Object v) {
        String name = typeName(v);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    public static boolean truthy(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v == Nil.NIL) {
            return false;
        }
        if (v instanceof Long) {
            return (Long) v != 0;
        }
        if (v instanceof Double) {
            return (Double) v != 0.0;
        }
        if (v instanceof String) {
            return !((String) v).isEmpty();
        }
        if (v instanceof ParList) {
            return ((ParList) v).size() > 0;
        }
        if (v instanceof ParMap) {
            return ((ParMap) v).size() > 0;
        }
        if (v instanceof Range) {
            return ((Range) v).length() > 0;
        }
        return true; // big ints are never zero; functions and handles are always true
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger;
    }

    /** Python's {@code ==}: numbers by value across int and float, containers element-wise. */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double) || !((Double) a).isNaN(); // one boxed NaN is still not itself
        }
        if (a instanceof Long && b instanceof Long) {
            return ((Long) a).longValue() == (Long) b;
        }
        if (isNumber(a) && isNumber(b)) {
            return Ops.compareNumbers(a, b) == 0;
        }
        if (a instanceof ParList && b instanceof ParList) {
            List<Object> x = ((ParList) a).items;
            List<Object> y = ((ParList) b).items;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof ParMap && b instanceof ParMap) {
            Map<Object, Object> x = ((ParMap) a).entries;
            Map<Object, Object> y = ((ParMap) b).entries;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<Object, Object> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Range && b instanceof Range) {
            Range x = (Range) a;
            Range y = (Range) b;
            return x.start == y.start && x.stop == y.stop && x.step == y.step;
        }
        return a.equals(b);
    }

    /**
     * Python's {@code is}: the same list, map, function or handle. nil, true and false are one
     * value each. Numbers and strings are values without an identity Par lets one see, so
     * they are the same when equal and of one type (where CPython's answer depends on its
     * caches: {@code 1000 is 10 ** 3} is false there).
     */
    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        boolean plain = a instanceof String || a instanceof Boolean || isNumber(a);
        return plain && typeName(a).equals(typeName(b)) && equal(a, b);
    }

    /** What {@link #compare} gives when neither is less, nor are they equal: a NaN. */
    public static final int UNORDERED = 2;

    /**
     * Order for {@code < <= > >=} and sorting: numbers, strings, and lists of those. Gives -1,
     * 0, 1, or {@link #UNORDERED} when a NaN decides, so that each operator can answer as
     * IEEE (and Python) does: a NaN is neither less, equal, nor greater.
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return Long.compare((Long) a, (Long) b);
        }
        if (isNumber(a) && isNumber(b)) {
            return Ops.compareNumbers(a, b);
        }
        if (a instanceof String && b instanceof String) {
            return Integer.signum(((String) a).compareTo((String) b));
        }
        if (a instanceof ParList && b instanceof ParList) {
            Iterator<Object> x = ((ParList) a).items.iterator();
            Iterator<Object> y = ((ParList) b).items.iterator();
            while (x.hasNext() && y.hasNext()) {
                Object p = x.next();
                Object q = y.next();
                if (!equal(p, q)) {
                    return compare(p, q);
                }
            }
            return Boolean.compare(x.hasNext(), y.hasNext()); // -1, 0 or 1
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        throw new ParError("cannot compare " + typeName(a) + " and " + typeName(b));
    }

    /** Python's {@code a < b}, the one comparison its sort and min use. */
    public static boolean less(Object a, Object b) {
        return compare(a, b) == -1;
    }

    /**
     * A comparator for Java's sort that asks only {@link #less}, as Python's sort does: Java's
     * TimSort is a port of Python's, asking {@code < 0} where Python asks {@code a < b} and
     * {@code > 0} where it asks {@code b < a}, so NaNs end up where Python leaves them.
     */
    public static int sortOrder(Object a, Object b) {
        if (less(a, b)) {
            return -1;
        }
        return less(b, a) ? 1 : 0;
    }

    /** Reads an int argument as a Java int, for indexes, counts and sizes. */
    public static long toLong(Object v, String what) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof BigInteger) {
            throw new ParError(what + " is too large");
        }
        throw new ParError(what + " must be an int, not " + typeName(v));
    }

    /** Reads a number argument as a double: ints and floats both do. */
    public static double toDouble(Object v, String what) {
        if (v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof BigInteger) {
            return Ops.bigToDouble((BigInteger) v);
        }
        throw new ParError(what + " must be a number, not " + typeName(v));
    }
}
