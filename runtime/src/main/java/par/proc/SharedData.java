package par.proc;

import java.util.Set;

import par.interp.ContextManager;
import par.interp.Interpreter;
import par.interp.Methods;
import par.interp.Nil;
import par.interp.ParContainer;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.ParMap;
import par.interp.Repr;
import par.interp.Sequences;
import par.interp.Values;

/**
 * What {@code array(kind, n)}, {@code shared_list()} and {@code shared_map()} return: a list or a
 * map the hub holds as one shared value (see {@link SharedHandle}), every operation on it done
 * under the value's own lock (read, change, write back), so each is atomic, as the operations of
 * Python's {@code Array} and {@code Manager().list()} and {@code .dict()} are. {@code with d { }}
 * holds the lock across several operations (those inside then do not take it again), which is
 * what makes {@code d[k] = d[k] + 1} atomic.
 */
final class SharedData {
    private SharedData() {
    }

    /** One change of the whole value, done atomically; gives what the operation gives. */
    private interface Change {
        Object apply(Object value);
    }

    /** What the three share: the value and its lock, and the atomic read-change-write. */
    private abstract static class Base extends HubHandle implements ParContainer, ContextManager {
        final SharedHandle value;

        Base(ProcessSupport support, long id) {
            super(support, id);
            this.value = new SharedHandle(support, id);
        }

        /** The value as it is now (a copy): one read, atomic by itself. */
        Object read() {
            return value.getAttribute("value");
        }

        /** Reads the value, lets change alter it, writes it back (if write), all under the lock. */
        Object atomically(boolean write, Change change) {
            Interpreter interp = support.interp;
            boolean mine = support.heldData.contains(id); // inside with d { }: the lock is ours already
            if (!mine) {
                value.enter(interp);
            }
            try {
                Object v = read();
                Object result = change.apply(v);
                if (write) {
                    value.setAttribute("value", v);
                }
                return result;
            } finally {
                if (!mine) {
                    value.exit(interp, false);
                }
            }
        }

        @Override
        public Object enter(Interpreter interp) {
            if (support.heldData.contains(id)) {
                throw new ParError("this process holds the lock of this " + typeName() + " already (with cannot be nested on it)");
            }
            value.enter(interp);
            support.heldData.add(id);
            return this;
        }

        @Override
        public void exit(Interpreter interp, boolean failed) {
            support.heldData.remove(id);
            value.exit(interp, failed);
        }

        @Override
        public Object getItem(Object index) {
            return Sequences.getItem(read(), index);
        }

        @Override
        public Object slice(Object lo, Object hi, Object step) {
            return Sequences.slice(read(), lo, hi, step);
        }

        @Override
        public boolean contains(Object item) {
            return Sequences.contains(read(), item);
        }

        @Override
        public long length() {
            return Sequences.length(read());
        }

        @Override
        public Iterable<Object> iterable() {
            return Sequences.iterate(read()); // a snapshot, as iterating over a copy
        }

        @Override
        public void setItem(Object index, Object v) {
            atomically(true, all -> {
                Sequences.setItem(all, index, v);
                return null;
            });
        }

        @Override
        public void deleteItem(Object index) {
            atomically(true, all -> {
                Sequences.deleteItem(all, index);
                return null;
            });
        }

        @Override
        public void setSlice(Object lo, Object hi, Object step, Object v) {
            atomically(true, all -> {
                Sequences.setSlice(all, lo, hi, step, v);
                return null;
            });
        }

        /** A method of the list or map itself (append, pop, keys...), done atomically; written back if it changes the value. */
        Object method(Interpreter interp, String method, Object[] args, Set<String> changing) {
            return atomically(changing.contains(method), all -> Methods.call(interp, all, method, args));
        }

        @Override
        public String toString() {
            return typeName() + "(" + Repr.repr(read()) + ")";
        }
    }

    /** A fixed number of ints or floats: items can be read and set, one or a slice at a time, never added or removed. */
    static final class Array extends Base {
        /** The bit of the handle's meta above the length that says the items are floats. */
        static final long FLOATS = 1L << 32;
        private final long meta;

        Array(ProcessSupport support, long id, long meta) {
            super(support, id);
            this.meta = meta;
        }

        /** The first value of array(kind, n_or_list): n zeros, or the list's numbers, as the kind says. */
        static ParList initial(Object kind, Object sizeOrItems) {
            boolean floats = floats(kind);
            if (sizeOrItems instanceof Long n) {
                if (n < 0 || n > 10_000_000) {
                    throw new ParError("an array's size must be from 0 to 10000000, not " + n);
                }
                ParList zeros = new ParList();
                for (long i = 0; i < n; i++) {
                    zeros.add(floats ? (Object) 0.0 : (Object) 0L);
                }
                return zeros;
            }
            ParList items = new ParList();
            for (Object x : Sequences.iterate(sizeOrItems)) {
                items.add(number(floats, x));
            }
            return items;
        }

        static boolean floats(Object kind) {
            if ("int".equals(kind)) {
                return false;
            }
            if ("float".equals(kind)) {
                return true;
            }
            throw new ParError("an array holds \"int\" or \"float\", not " + Repr.repr(kind));
        }

        /** An item as the array keeps it: an int for an int array, a float for a float array (an int is made one). */
        private static Object number(boolean floats, Object x) {
            if (floats && (x instanceof Long || x instanceof Double)) {
                return Values.toDouble(x, "array item");
            }
            if (!floats && x instanceof Long) {
                return x;
            }
            throw new ParError("an array of " + (floats ? "floats" : "ints") + " cannot hold " + Values.aType(x));
        }

        private boolean floats() {
            return (meta & FLOATS) != 0;
        }

        @Override
        public byte kind() {
            return KIND_ARRAY;
        }

        @Override
        public long meta() {
            return meta;
        }

        @Override
        public String typeName() {
            return "array";
        }

        @Override
        public long length() {
            return meta & (FLOATS - 1);
        }

        @Override
        public void setItem(Object index, Object v) {
            super.setItem(index, number(floats(), v));
        }

        @Override
        public void deleteItem(Object index) {
            throw new ParError("cannot delete from an array: its size is fixed");
        }

        @Override
        public void setSlice(Object lo, Object hi, Object step, Object v) {
            if (v == null) {
                throw new ParError("cannot delete from an array: its size is fixed");
            }
            ParList items = new ParList();
            for (Object x : Sequences.iterate(v)) {
                items.add(number(floats(), x));
            }
            atomically(true, all -> {
                Sequences.setSlice(all, lo, hi, step, items);
                if (Sequences.length(all) != length()) {
                    throw new ParError("an array's size is fixed: the slice and what replaces it must have as many items");
                }
                return null;
            });
        }

        @Override
        public Object callMethod(Interpreter interp, String method, Object[] args) {
            throw noMethod(method);
        }

        @Override
        public String toString() {
            return "array(" + (floats() ? "'float'" : "'int'") + ", " + Repr.repr(read()) + ")";
        }
    }

    private static final Set<String> CHANGING_LIST = Set.of("append", "extend", "pop", "insert", "remove", "clear",
            "sort", "reverse");
    private static final Set<String> LIST_METHODS = Set.of("append", "extend", "pop", "insert", "remove", "clear",
            "sort", "reverse", "index", "count", "copy");

    /** What shared_list() returns: a list in the hub whose every operation is atomic. */
    static final class List_ extends Base {
        List_(ProcessSupport support, long id) {
            super(support, id);
        }

        @Override
        public byte kind() {
            return KIND_SHARED_LIST;
        }

        @Override
        public String typeName() {
            return "shared_list";
        }

        @Override
        public Object callMethod(Interpreter interp, String method, Object[] args) {
            if (!LIST_METHODS.contains(method)) {
                throw noMethod(method);
            }
            return method(interp, method, args, CHANGING_LIST);
        }
    }

    private static final Set<String> CHANGING_MAP = Set.of("pop", "update", "clear", "setdefault");
    private static final Set<String> MAP_METHODS = Set.of("keys", "values", "items", "get", "pop", "update", "clear",
            "copy", "setdefault");

    /** What shared_map() returns: a map in the hub whose every operation is atomic. */
    static final class Map_ extends Base {
        Map_(ProcessSupport support, long id) {
            super(support, id);
        }

        @Override
        public byte kind() {
            return KIND_SHARED_MAP;
        }

        @Override
        public String typeName() {
            return "shared_map";
        }

        @Override
        public Object slice(Object lo, Object hi, Object step) {
            throw new ParError("cannot slice a shared_map");
        }

        @Override
        public void setSlice(Object lo, Object hi, Object step, Object v) {
            throw new ParError("cannot slice a shared_map");
        }

        @Override
        public Object callMethod(Interpreter interp, String method, Object[] args) {
            if (!MAP_METHODS.contains(method)) {
                throw noMethod(method);
            }
            return method(interp, method, args, CHANGING_MAP);
        }
    }

    /** The first value of shared_list(items) or shared_map(entries): a copy of what was given, or an empty one. */
    static Object initial(String kind, Object[] args) {
        boolean map = kind.equals("shared_map");
        if (args.length == 0 || args[0] == Nil.NIL) {
            return map ? new ParMap() : new ParList();
        }
        if (map) {
            if (!(args[0] instanceof ParMap m)) {
                throw new ParError("shared_map() takes a map, not " + Values.aType(args[0]));
            }
            ParMap copy = new ParMap();
            copy.putAll(m);
            return copy;
        }
        return new ParList(Sequences.toList(args[0]));
    }
}
