package par.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import par.syntax.Literals;

/**
 * The builtin functions every program sees, by name. A global of the same name hides one, as
 * in Python. Process builtins ({@code lock}, {@code queue}, {@code pool}...) ask the
 * interpreter's {@link Processes}.
 */
public final class Builtins {
    private static final Map<String, Builtin> TABLE = new LinkedHashMap<>();

    static {
        for (Fn fn : Fn.values()) {
            TABLE.put(fn.parName, new Builtin(fn.parName, fn.min, fn.max, fn));
        }
    }

    private Builtins() {
    }

    public static Builtin get(String name) {
        return TABLE.get(name);
    }

    /** Whether the builtin of that name makes an object the hub keeps (lock, queue...). */
    static boolean makesObjects(String name) {
        Builtin b = TABLE.get(name);
        return b != null && b.makesObjects();
    }

    /** All builtin names, in a stable order (for completion and docs). */
    public static List<String> names() {
        return new ArrayList<>(TABLE.keySet());
    }

    /**
     * Each builtin: its name, its argument counts and its body. Constants of an enum rather
     * than a table of lambdas: they are plain classes that the class-data archive holds,
     * where each lambda would be a call site every JVM links at start-up (about 5 ms of
     * CPU in each child JVM that calls a builtin, measured).
     */
    enum Fn implements Builtin.Body {
        PRINT("print", 0, -1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        line.append(' ');
                    }
                    line.append(Repr.str(a[i]));
                }
                in.out().line(line.toString());
                return Nil.NIL;
            }
        },
        LEN("len", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return Sequences.length(a[0]);
            }
        },
        RANGE("range", 1, 3) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return range(a);
            }
        },
        STR("str", 0, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return a.length == 0 ? "" : Repr.str(a[0]);
            }
        },
        REPR("repr", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return Repr.repr(a[0]);
            }
        },
        INT("int", 0, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return a.length == 0 ? 0L : Conversions.toInt(a);
            }
        },
        FLOAT("float", 0, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return a.length == 0 ? 0.0 : Conversions.toFloat(a[0]);
            }
        },
        BOOL("bool", 0, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return a.length > 0 && Values.truthy(a[0]);
            }
        },
        LIST("list", 0, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return a.length == 0 ? new ParList() : new ParList(Sequences.toList(a[0]));
            }
        },
        TYPE("type", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return Values.typeName(a[0]);
            }
        },
        ROUND("round", 1, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return round(a);
            }
        },
        ABS("abs", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return abs(a[0]);
            }
        },
        SORTED("sorted", 1, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                ParList out = new ParList(Sequences.toList(a[0]));
                sort(in, out.items, a.length > 1 ? a[1] : null);
                return out;
            }
        },
        REVERSED("reversed", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                ArrayList<Object> items = Sequences.toList(a[0]);
                Collections.reverse(items);
                return new ParList(items);
            }
        },
        SUM("sum", 1, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                Object total = a.length > 1 ? a[1] : (Object) 0L;
                for (Object x : Sequences.iterate(a[0])) {
                    total = Ops.add(total, x);
                }
                return total;
            }
        },
        MIN("min", 1, -1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return extreme("min", a, -1);
            }
        },
        MAX("max", 1, -1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return extreme("max", a, 1);
            }
        },
        ANY("any", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                for (Object x : Sequences.iterate(a[0])) {
                    if (Values.truthy(x)) {
                        return true;
                    }
                }
                return false;
            }
        },
        ALL("all", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                for (Object x : Sequences.iterate(a[0])) {
                    if (!Values.truthy(x)) {
                        return false;
                    }
                }
                return true;
            }
        },
        ENUMERATE("enumerate", 1, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                ParList out = new ParList();
                long i = a.length > 1 ? Values.toLong(a[1], "enumerate() start") : 0;
                for (Object x : Sequences.iterate(a[0])) {
                    out.add(ParList.of(i++, x));
                }
                return out;
            }
        },
        ZIP("zip", 1, -1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return zip(a);
            }
        },
        KEYS("keys", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return Methods.call(in, map("keys", a[0]), "keys", new Object[0]);
            }
        },
        VALUES("values", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return Methods.call(in, map("values", a[0]), "values", new Object[0]);
            }
        },
        CHR("chr", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                Object n = a[0];
                if (n instanceof BigInteger || n instanceof Long && ((Long) n < 0 || (Long) n > Character.MAX_CODE_POINT)) {
                    throw new ParError("chr() argument out of range");
                }
                return new String(Character.toChars((int) Values.toLong(n, "chr() argument")));
            }
        },
        FORMAT("format", 1, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                if (a.length > 1 && !(a[1] instanceof String)) {
                    throw new ParError("format() spec must be a string, not " + Values.aType(a[1]));
                }
                return Format.format(a[0], a.length > 1 ? (String) a[1] : "");
            }
        },
        ORD("ord", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                if (!(a[0] instanceof String) || ((String) a[0]).codePointCount(0, ((String) a[0]).length()) != 1) {
                    throw new ParError("ord() needs a string of one character");
                }
                return (long) ((String) a[0]).codePointAt(0);
            }
        },
        SLEEP("sleep", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                in.sleep(Values.toDouble(a[0], "sleep() seconds"));
                return Nil.NIL;
            }
        },
        TIME("time", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return in.clock().now();
            }
        },
        RANDOM("random", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return in.random().nextDouble();
            }
        },
        RANDINT("randint", 2, 2) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                long lo = Values.toLong(a[0], "randint() low");
                long hi = Values.toLong(a[1], "randint() high");
                if (hi < lo) {
                    throw new ParError("randint() needs low <= high");
                }
                return lo + in.random().nextLong(hi - lo + 1);
            }
        },
        CHOICE("choice", 1, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                ArrayList<Object> items = Sequences.toList(a[0]);
                if (items.isEmpty()) {
                    throw new ParError("choice() from an empty list");
                }
                return items.get(in.random().nextInt(items.size()));
            }
        },
        CPU_COUNT("cpu_count", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return (long) Runtime.getRuntime().availableProcessors();
            }
        },
        PID("pid", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return ProcessHandle.current().pid();
            }
        },
        INPUT("input", 0, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return in.readLine(a.length > 0 ? Repr.str(a[0]) : "");
            }
        },
        CURRENT_PROCESS("current_process", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return in.processes().ask(parName, a);
            }
        },
        ACTIVE_CHILDREN("active_children", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return in.processes().ask(parName, a);
            }
        },
        PARENT_PID("parent_pid", 0, 0) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                return in.processes().ask(parName, a);
            }
        },
        LOCK("lock", 0, 0),
        RLOCK("rlock", 0, 0),
        QUEUE("queue", 0, 1),
        PIPE("pipe", 0, 1, "duplex"),
        JOINABLE_QUEUE("joinable_queue", 0, 1),
        POOL("pool", 0, 3, "processes", "maxtasksperchild", "cluster"),
        SHARED("shared", 1, 1),
        ARRAY("array", 2, 2),
        SHARED_LIST("shared_list", 0, 1),
        SHARED_MAP("shared_map", 0, 1),
        SEMAPHORE("semaphore", 0, 1),
        BOUNDED_SEMAPHORE("bounded_semaphore", 0, 1),
        EVENT("event", 0, 0),
        BARRIER("barrier", 1, 3, "parties", "action", "timeout"),
        CONDITION("condition", 0, 1),
        EXIT("exit", 0, 1) {
            @Override
            public Object call(Interpreter in, Object[] a) {
                throw new ExitRequest(a.length == 0 ? 0 : (int) Values.toLong(a[0], "exit() status"));
            }
        };

        final String parName;
        final int min;
        final int max;
        /** The parameters' names, in order, of a builtin that takes keyword arguments. */
        final List<String> params;

        /** max -1 means any number from min up; params: the parameters' names, for keywords. */
        Fn(String parName, int min, int max, String... params) {
            this.parName = parName;
            this.min = min;
            this.max = max;
            this.params = List.of(params);
        }

        /** The constants without a body of their own: their classes are this enum's own. */
        boolean makesObjects() {
            return getClass() == Fn.class;
        }

        /**
         * The constants without a body of their own make process objects (a lock, a queue, a
         * pool...), which the interpreter's {@link Processes} makes by name.
         */
        @Override
        public Object call(Interpreter in, Object[] a) {
            return in.processes().create(parName, a, null);
        }
    }

    private static Object map(String fn, Object v) {
        if (!(v instanceof ParMap)) {
            throw new ParError(fn + "() needs a map, not " + Values.aType(v));
        }
        return v;
    }

    private static Range range(Object[] a) {
        long start = 0;
        long step = 1;
        long stop;
        if (a.length == 1) {
            stop = Values.toLong(a[0], "range() argument");
        } else {
            start = Values.toLong(a[0], "range() start");
            stop = Values.toLong(a[1], "range() stop");
            if (a.length == 3) {
                step = Values.toLong(a[2], "range() step");
            }
        }
        return new Range(start, stop, step);
    }

    private static Object abs(Object v) {
        if (v instanceof Long) {
            long x = (Long) v;
            return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) Math.abs(x);
        }
        if (v instanceof Double) {
            return Math.abs((Double) v);
        }
        if (v instanceof BigInteger) {
            return ((BigInteger) v).abs();
        }
        throw new ParError("abs() needs a number, not " + Values.aType(v));
    }

    /** Python's round: halves go to the even neighbour, decided on the float's exact value. */
    private static Object round(Object[] a) {
        Object x = a[0];
        if (!Values.isNumber(x)) {
            throw new ParError("round() needs a number, not " + Values.aType(x));
        }
        if (a.length == 1 || a[1] == Nil.NIL) {
            if (Ops.isInt(x)) {
                return x;
            }
            double d = (Double) x;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ParError("cannot round " + Repr.formatFloat(d) + " to an int");
            }
            return Literals.normalize(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
        }
        if (Ops.isInt(x)) {
            BigInteger n = Ops.big(x);
            int digits = roundDigits(a[1], -(n.bitLength() / 3 + 2), 0); // past its first digit, it is 0
            return Literals.normalize(new BigDecimal(n).setScale(digits, RoundingMode.HALF_EVEN)
                    .setScale(0).toBigInteger());
        }
        double d = (Double) x;
        int digits = roundDigits(a[1], -400, 1100); // a double has no digit beyond either
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        double r = new BigDecimal(d).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
        return Math.copySign(r, d); // round(-0.4, 0) is -0.0, as in Python
    }

    /**
     * round()'s digits, brought within [min, max], the counts that can matter: any count
     * beyond gives the same answer, so round(1.5, 10**10) is 1.5 as in Python.
     */
    private static int roundDigits(Object n, int min, int max) {
        if (!Ops.isInt(n)) {
            throw new ParError("round() digits must be an int, not " + Values.aType(n));
        }
        return Ops.big(n).max(BigInteger.valueOf(min)).min(BigInteger.valueOf(max)).intValue();
    }

    private static Object extreme(String name, Object[] a, int sign) {
        Iterable<Object> items = a.length == 1 ? Sequences.iterate(a[0]) : List.of(a);
        Object best = null;
        for (Object x : items) {
            if (best == null || (sign < 0 ? Values.less(x, best) : Values.less(best, x))) {
                best = x;
            }
        }
        if (best == null) {
            throw new ParError(name + "() of an empty sequence");
        }
        return best;
    }

    private static ParList zip(Object[] a) {
        List<ArrayList<Object>> lists = new ArrayList<>();
        int n = Integer.MAX_VALUE;
        for (Object x : a) {
            ArrayList<Object> items = Sequences.toList(x);
            lists.add(items);
            n = Math.min(n, items.size());
        }
        ParList out = new ParList(n);
        for (int i = 0; i < n; i++) {
            ParList row = new ParList(lists.size());
            for (ArrayList<Object> items : lists) {
                row.add(items.get(i));
            }
            out.add(row);
        }
        return out;
    }

    /** Stable sort by natural order, or by what key(item) gives. */
    static void sort(Interpreter interp, List<Object> items, Object key) {
        try {
            if (key == null || key == Nil.NIL) {
                items.sort(Values::sortOrder);
                return;
            }
            List<Object[]> pairs = new ArrayList<>(items.size());
            for (Object item : items) {
                pairs.add(new Object[] {interp.call(key, new Object[] {item}), item});
            }
            pairs.sort((p, q) -> Values.sortOrder(p[0], q[0]));
            for (int i = 0; i < pairs.size(); i++) {
                items.set(i, pairs.get(i)[1]);
            }
        } catch (IllegalArgumentException e) {
            throw new ParError("cannot sort: the values have no consistent order");
        }
    }
}
