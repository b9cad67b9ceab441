package par.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Indexing, slicing, membership, length and iteration for strings, lists, maps and ranges. */
public final class Sequences {
    private Sequences() {
    }

    public static Object getItem(Object target, Object index) {
        if (target instanceof ParList) {
            List<Object> items = ((ParList) target).items;
            return items.get(position(index, items.size(), "list"));
        }
        if (target instanceof ParMap) {
            Object v = ((ParMap) target).get(index);
            if (v == null) {
                throw new ParError("key " + Repr.repr(index) + " is not in the map");
            }
            return v;
        }
        if (target instanceof String) {
            String s = (String) target;
            int i = position(index, s.length(), "string");
            return s.substring(i, i + 1);
        }
        if (target instanceof Range) {
            Range r = (Range) target;
            return r.at(position(index, r.length(), "range"));
        }
        if (target instanceof ParContainer c) {
            return c.getItem(index);
        }
        throw new ParError("cannot index " + Values.aType(target));
    }

    public static void setItem(Object target, Object index, Object value) {
        if (target instanceof ParList) {
            List<Object> items = ((ParList) target).items;
            items.set(position(index, items.size(), "list"), value);
        } else if (target instanceof ParMap) {
            ((ParMap) target).put(index, value);
        } else if (target instanceof String) {
            throw new ParError("cannot change a string in place: strings are immutable");
        } else if (target instanceof ParContainer c) {
            c.setItem(index, value);
        } else {
            throw new ParError("cannot assign to an item of " + Values.aType(target));
        }
    }

    /** {@code del target[index]}: removes a list's item or a map's entry. */
    public static void deleteItem(Object target, Object index) {
        if (target instanceof ParList) {
            List<Object> items = ((ParList) target).items;
            items.remove(position(index, items.size(), "list"));
        } else if (target instanceof ParMap) {
            if (!((ParMap) target).containsKey(index)) {
                throw new ParError("key " + Repr.repr(index) + " is not in the map");
            }
            ((ParMap) target).remove(index);
        } else if (target instanceof ParContainer c) {
            c.deleteItem(index);
        } else {
            throw new ParError("cannot delete an item of " + Values.aType(target));
        }
    }

    /**
     * {@code target[lo:hi:step] = value}, or with value null {@code del target[lo:hi:step]}:
     * a plain slice may take any number of items in the place of its own, a slice with a step
     * only as many as it has, as in Python.
     */
    public static void setSlice(Object target, Object lo, Object hi, Object step, Object value) {
        if (target instanceof ParContainer c) {
            c.setSlice(lo, hi, step, value);
            return;
        }
        if (!(target instanceof ParList)) {
            throw new ParError("cannot " + (value == null ? "delete" : "assign to") + " a slice of " + Values.aType(target));
        }
        List<Object> items = ((ParList) target).items;
        long st = step == Nil.NIL ? 1 : clampedIndex(step, "slice step");
        if (st == 0) {
            throw new ParError("slice step cannot be zero");
        }
        List<Object> replacement = value == null ? List.of() : toList(value); // a copy: xs[1:] = xs works
        if (st == 1) {
            int[] b = bounds(items.size(), lo, hi, 1);
            List<Object> range = items.subList(b[0], Math.max(b[0], b[1]));
            range.clear();
            range.addAll(replacement);
            return;
        }
        int[] at = indexes(items.size(), lo, hi, st);
        if (value == null) {
            removeAll(items, at);
        } else if (at.length != replacement.size()) {
            throw new ParError("cannot assign " + replacement.size() + " items to a slice of " + at.length
                    + " with a step");
        } else {
            for (int k = 0; k < at.length; k++) {
                items.set(at[k], replacement.get(k));
            }
        }
    }

    private static void removeAll(List<Object> items, int[] at) {
        int[] sorted = at.clone();
        java.util.Arrays.sort(sorted);
        for (int k = sorted.length - 1; k >= 0; k--) {
            items.remove(sorted[k]);
        }
    }

    /** A checked position in a sequence of the given size; negative indexes count from the end. */
    static int position(Object index, int size, String what) {
        return (int) position(index, (long) size, what);
    }

    private static long position(Object index, long size, String what) {
        if (!(index instanceof Long)) {
            if (Ops.isInt(index)) {
                throw new ParError(what + " index out of range");
            }
            throw new ParError(what + " index must be an int, not " + Values.aType(index));
        }
        long i = (Long) index;
        if (i < 0) {
            i += size;
        }
        if (i < 0 || i >= size) {
            throw new ParError(what + " index " + index + " out of range (size " + size + ")");
        }
        return i;
    }

    public static Object slice(Object target, Object lo, Object hi, Object step) {
        if (target instanceof ParContainer c) {
            return c.slice(lo, hi, step);
        }
        long st = step == Nil.NIL ? 1 : clampedIndex(step, "slice step");
        if (st == 0) {
            throw new ParError("slice step cannot be zero");
        }
        if (target instanceof ParList) {
            List<Object> items = ((ParList) target).items;
            ParList out = new ParList();
            for (int i : indexes(items.size(), lo, hi, st)) {
                out.add(items.get(i));
            }
            return out;
        }
        if (target instanceof String) {
            String s = (String) target;
            if (st == 1) {
                int[] b = bounds(s.length(), lo, hi, 1);
                return b[0] < b[1] ? s.substring(b[0], b[1]) : "";
            }
            StringBuilder out = new StringBuilder();
            for (int i : indexes(s.length(), lo, hi, st)) {
                out.append(s.charAt(i));
            }
            return out.toString();
        }
        throw new ParError("cannot slice " + Values.aType(target));
    }

    /** The positions a slice of a sequence of this size takes, in order. */
    static int[] indexes(int size, Object lo, Object hi, long step) {
        int[] b = bounds(size, lo, hi, step);
        long distance = step > 0 ? b[1] - b[0] : b[0] - b[1];
        int n = distance <= 0 ? 0 : (int) ((distance - 1) / Math.abs(step) + 1); // a step of 2**63 is no overflow
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) (b[0] + k * step);
        }
        return out;
    }

    /** Python's slice.indices: clamps start and stop into range for the step's direction. */
    static int[] bounds(int size, Object lo, Object hi, long step) {
        long start;
        long stop;
        if (step > 0) {
            start = lo == Nil.NIL ? 0 : clamp(clampedIndex(lo, "slice index"), size, 0, size);
            stop = hi == Nil.NIL ? size : clamp(clampedIndex(hi, "slice index"), size, 0, size);
        } else {
            start = lo == Nil.NIL ? size - 1 : clamp(clampedIndex(lo, "slice index"), size, -1, size - 1);
            stop = hi == Nil.NIL ? -1 : clamp(clampedIndex(hi, "slice index"), size, -1, size - 1);
        }
        return new int[] {(int) start, (int) stop};
    }

    /** A slice's bound or step as a long; a big int is past either end, so it clamps as Python's does. */
    static long clampedIndex(Object v, String what) {
        if (v instanceof BigInteger) {
            return ((BigInteger) v).signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
        }
        return Values.toLong(v, what);
    }

    private static long clamp(long i, int size, long min, long max) {
        if (i < 0) {
            i += size;
        }
        return Math.max(min, Math.min(max, i));
    }

    public static boolean contains(Object container, Object item) {
        if (container instanceof ParList) {
            for (Object x : ((ParList) container).items) {
                if (Values.equal(x, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof ParMap) {
            return ((ParMap) container).containsKey(item);
        }
        if (container instanceof String) {
            if (!(item instanceof String)) {
                throw new ParError("'in <string>' needs a string on the left, not " + Values.aType(item));
            }
            return ((String) container).contains((String) item);
        }
        if (container instanceof Range) {
            if (item instanceof Double && Values.equal(item, Math.round((Double) item))) {
                item = Math.round((Double) item); // 2.0 in range(3), as in Python
            }
            return item instanceof Long && ((Range) container).contains((Long) item);
        }
        if (container instanceof ParContainer c) {
            return c.contains(item);
        }
        throw new ParError("cannot use 'in' on " + Values.aType(container));
    }

    public static long length(Object v) {
        if (v instanceof String) {
            return ((String) v).length();
        }
        if (v instanceof ParList) {
            return ((ParList) v).size();
        }
        if (v instanceof ParMap) {
            return ((ParMap) v).size();
        }
        if (v instanceof Range) {
            long n = ((Range) v).exactLength();
            if (n < 0) {
                throw new ParError("the range is too long for len(): it holds 2**63 or more numbers");
            }
            return n;
        }
        if (v instanceof ParContainer c) {
            return c.length();
        }
        throw new ParError(Values.aType(v) + " has no length");
    }

    /** What {@code for x in v} walks: list items, string characters, map keys, range numbers. */
    public static Iterable<Object> iterate(Object v) {
        if (v instanceof ParList) {
            return ((ParList) v).items;
        }
        if (v instanceof ParMap) {
            return ((ParMap) v).keys();
        }
        if (v instanceof String) {
            return new Characters((String) v);
        }
        if (v instanceof Range) {
            return new Numbers((Range) v);
        }
        if (v instanceof ParIterable) {
            return ((ParIterable) v).iterable();
        }
        throw new ParError("cannot iterate over " + Values.aType(v));
    }

    /**
     * A walk over items numbered 0 to length - 1: the characters of a string, the numbers of
     * a range. Classes, not lambdas: nearly every program loops over a range, and a JVM's first
     * lambda costs it some 4 ms to link.
     */
    private abstract static class Indexed implements Iterable<Object> {
        abstract long length();

        abstract Object at(long i);

        @Override
        public Iterator<Object> iterator() {
            return new Iterator<>() {
                private long i;

                @Override
                public boolean hasNext() {
                    return i < length();
                }

                @Override
                public Object next() {
                    if (i >= length()) {
                        throw new NoSuchElementException();
                    }
                    return at(i++);
                }
            };
        }
    }

    /** The characters of a string, each a string of its own. */
    private static final class Characters extends Indexed {
        private final String s;

        Characters(String s) {
            this.s = s;
        }

        @Override
        long length() {
            return s.length();
        }

        @Override
        Object at(long i) {
            return s.substring((int) i, (int) i + 1);
        }
    }

    /** The numbers of a range, in order. */
    private static final class Numbers extends Indexed {
        private final Range r;

        Numbers(Range r) {
            this.r = r;
        }

        @Override
        long length() {
            return r.length();
        }

        @Override
        Object at(long i) {
            return r.at(i);
        }
    }

    /** Everything {@link #iterate} gives, as a fresh Java list. */
    public static ArrayList<Object> toList(Object v) {
        ArrayList<Object> out = new ArrayList<>();
        for (Object x : iterate(v)) {
            out.add(x);
        }
        return out;
    }
}
