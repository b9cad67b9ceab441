package par.interp;

import java.util.List;

import par.syntax.Expr;

/**
 * Counts, while the resolver works, the child JVMs the code may start (see {@link TopLevel#jvms})
 * and whether it makes pools, from what the code spells out: a {@code spawn} or {@code pool(n)}
 * counts once for each time the code around it runs. Reads the AST it is shown and nothing else;
 * the launcher acts on the count.
 */
final class JvmCount {
    private int jvms;
    private boolean pools;
    /**
     * How many times the code being resolved runs, as far as it shows: 1 at top level, the
     * product of the loops around it when they go over a literal range or list, and
     * {@link TopLevel#MANY} inside a while loop or a function.
     */
    private long times = 1;

    /** How many child JVMs the code may start. */
    int jvms() {
        return jvms;
    }

    /** Whether the code calls pool(...). */
    boolean pools() {
        return pools;
    }

    /** How many times the code being resolved runs, for {@link #restore} when a loop or function ends. */
    long mark() {
        return times;
    }

    /** The code that follows runs rounds times for each time the code around it runs. */
    void repeat(long rounds) {
        times = times(times, rounds);
    }

    void restore(long mark) {
        times = mark;
    }

    /** A spawn where the code stands. */
    void spawn() {
        startsJvms(1);
    }

    /**
     * A call where the code stands: a call of pool(...) starts its workers, unless it asks for
     * a cluster's (whose workers run on other machines).
     */
    void call(Expr.Call c) {
        if (calls(c, "pool") && !asksForCluster(c)) {
            pools = true;
            startsJvms(poolSize(c.args()));
        }
    }

    /** Whether a call says cluster=; a loop, not a stream: no lambda on the resolver's path. */
    private static boolean asksForCluster(Expr.Call c) {
        for (Expr a : c.args()) {
            if (a instanceof Expr.Keyword k && k.name().equals("cluster")) {
                return true;
            }
        }
        return false;
    }

    /** Notes that the code starts n child JVMs where it stands, once each time it runs. */
    private void startsJvms(int n) {
        jvms = (int) Math.min(TopLevel.MANY, (long) jvms + times(times, n));
    }

    /** How many items a loop's iterable has, when the code spells it out; MANY otherwise. */
    static long count(Expr iterable) {
        if (iterable instanceof Expr.ListLiteral) {
            return ((Expr.ListLiteral) iterable).items().size();
        }
        if (calls(iterable, "range")) {
            List<Expr> args = ((Expr.Call) iterable).args();
            long[] n = new long[args.size()];
            for (int i = 0; i < n.length; i++) {
                Long v = intLiteral(args.get(i));
                if (v == null) {
                    return TopLevel.MANY;
                }
                n[i] = v;
            }
            try {
                return n.length == 1 ? new Range(0, n[0], 1).length()
                        : n.length == 2 ? new Range(n[0], n[1], 1).length()
                        : n.length == 3 ? new Range(n[0], n[1], n[2]).length() : TopLevel.MANY;
            } catch (ParError e) {
                return TopLevel.MANY; // range(a, b, 0): the error comes when it runs
            }
        }
        return TopLevel.MANY;
    }

    /** An int written out in the code (a literal, perhaps negated), or null. */
    static Long intLiteral(Expr e) {
        if (e instanceof Expr.Literal && ((Expr.Literal) e).value() instanceof Long) {
            return (Long) ((Expr.Literal) e).value();
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op().equals("-")) {
            Long v = intLiteral(((Expr.Unary) e).operand());
            return v == null || v == Long.MIN_VALUE ? null : -v;
        }
        return null;
    }

    private static long times(long a, long b) {
        return a >= TopLevel.MANY || b >= TopLevel.MANY || (b != 0 && a > TopLevel.MANY / b) ? TopLevel.MANY : a * b;
    }

    /**
     * How many workers a pool(...) call starts, when its arguments say: pool() and
     * pool(cpu_count()) make one per core.
     */
    private static int poolSize(List<Expr> args) {
        if (args.isEmpty() || args.size() == 1 && calls(args.get(0), "cpu_count")
                && ((Expr.Call) args.get(0)).args().isEmpty()) {
            return Runtime.getRuntime().availableProcessors(); // what cpu_count() answers
        }
        Long n = args.size() == 1 ? intLiteral(args.get(0)) : null;
        return n == null ? TopLevel.MANY : (int) Math.max(0, Math.min(TopLevel.MANY, n)); // pool(-1) fails when it runs
    }

    /** e is a call of the function named name, as written (a global of that name may hide the builtin). */
    private static boolean calls(Expr e, String name) {
        return e instanceof Expr.Call && ((Expr.Call) e).callee() instanceof Expr.Name
                && ((Expr.Name) ((Expr.Call) e).callee()).name().equals(name);
    }
}
