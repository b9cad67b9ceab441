package par.interp;

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
            return r.at(position(index, (int) Math.min(Integer.MAX_VALUE, r.length()), "range"));
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
        } else {
            throw new ParError("cannot assign to an item of " + Values.aType(target));
        }
    }

    /** A checked position in a sequence of the given size; negative indexes count from the end. */
    static int position(Object index, int size, String what) {
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
        return (int) i;
    }

    public static Object slice(Object target, Object lo, Object hi, Object step) {
        long st = step == Nil.NIL ? 1 : Values.toLong(step, "slice step");
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

    private static List<Integer> indexes(int size, Object lo, Object hi, long step) {
        int[] b = bounds(size, lo, hi, step);
        List<Integer> out = new ArrayList<>();
        if (step > 0) {
            for (long i = b[0]; i < b[1]; i += step) {
                out.add((int) i);
            }
        } else {
            for (long i = b[0]; i > b[1]; i += step) {
                out.add((int) i);
            }
        }
        return out;
    }

    /** Python's slice.indices: clamps start and stop into range for the step's direction. */
    private static int[] bounds(int size, Object lo, Object hi, long step) {
        long start;
        long stop;
        if (step > 0) {
            start = lo == Nil.NIL ? 0 : clamp(Values.toLong(lo, "slice index"), size, 0, size);
            stop = hi == Nil.NIL ? size : clamp(Values.toLong(hi, "slice index"), size, 0, size);
        } else {
            start = lo == Nil.NIL ? size - 1 : clamp(Values.toLong(lo, "slice index"), size, -1, size - 1);
            stop = hi == Nil.NIL ? -1 : clamp(Values.toLong(hi, "slice index"), size, -1, size - 1);
        }
        return new int[] {(int) start, (int) stop};
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
            Range r = (Range) container;
            if (!(item instanceof Long)) {
                return false;
            }
            long v = (Long) item;
            long offset = v - r.start;
            return offset % r.step == 0 && offset / r.step >= 0 && offset / r.step < r.length();
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
            return ((Range) v).length();
        }
        throw new ParError(Values.aType(v) + " has no length");
    }

    /** What {@code for x in v} walks: list items, string characters, map keys, range numbers. */
    public static Iterable<Object> iterate(Object v) {
        if (v instanceof ParList) {
            return ((ParList) v).items;
        }
        if (v instanceof ParMap) {
            return new ArrayList<>(((ParMap) v).entries.keySet());
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
