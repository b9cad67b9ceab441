package par.interp;

/** The expression nodes: one small class per kind, each evaluating itself. */
final class ExprNodes {
    private ExprNodes() {
    }

    // ------------------------------------------------------------ values and variables

    static final class Const extends ExprNode {
        private final Object value;

        Const(int line, Object value) {
            super(line);
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }
    }

    static final class LocalRead extends ExprNode {
        private final int slot;
        private final String name;

        LocalRead(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = f.slots[slot];
            if (v == null) {
                throw unassigned(name);
            }
            return v;
        }

        @Override
        long evalLong(Frame f) {
            Object v = f.slots[slot];
            if (v instanceof Long) {
                f.other = null;
                return (Long) v;
            }
            if (v == null) {
                throw unassigned(name);
            }
            f.other = v;
            return 0;
        }
    }

    /** A local that an inner function captured: the slot holds its cell. */
    static final class CellRead extends ExprNode {
        private final int slot;
        private final String name;

        CellRead(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = ((Cell) f.slots[slot]).value;
            if (v == null) {
                throw unassigned(name);
            }
            return v;
        }
    }

    /** A variable of an enclosing function, reached through the cell this function captured. */
    static final class CapturedRead extends ExprNode {
        private final int index;

        CapturedRead(int line, int index) {
            super(line);
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            Cell cell = f.captured[index];
            if (cell.value == null) {
                throw unassigned(cell.name);
            }
            return cell.value;
        }
    }

    static final class GlobalRead extends ExprNode {
        private final Cell cell;
        private final Object builtin;

        GlobalRead(int line, Cell cell, Object builtin) {
            super(line);
            this.cell = cell;
            this.builtin = builtin;
        }

        @Override
        Object eval(Frame f) {
            Object v = cell.value;
            if (v != null) {
                return v;
            }
            if (builtin != null) {
                return builtin;
            }
            throw f.interp.undefined(cell.name);
        }
    }

    static ParError unassigned(String name) {
        return new ParError("variable '" + name + "' is used before it is assigned");
    }

    // ------------------------------------------------------------ arithmetic

    /** An operator with two operands; each subclass evaluates its own, so each call site stays simple. */
    abstract static class BinaryNode extends ExprNode {
        final ExprNode left;
        final ExprNode right;

        BinaryNode(int line, ExprNode left, ExprNode right) {
            super(line);
            this.left = left;
            this.right = right;
        }
    }

    /*
     * +, - and * work on longs through evalLong, so a chain like (t + i * i) % m boxes only its
     * final result; any operand that is not a long (a float, a big int, a string) and any
     * overflow go to Ops, which has the whole of each operator's meaning. Only an operator with
     * an arithmetic operand takes that way from eval: for fib(n - 1) or i * i the plain path
     * boxes no more, and one call fewer per node counts while the JIT warms up.
     */

    /** Whether n is an operator whose long evalLong gives without a box. */
    static boolean arithmetic(ExprNode n) {
        return n instanceof IntOp || n instanceof AddConst || n instanceof ModConst;
    }

    /** {@code a + b}, {@code a - b}, {@code a * b}: one class, so their long path is written once. */
    static final class IntOp extends BinaryNode {
        private final char op;
        private final boolean unboxed;

        IntOp(int line, char op, ExprNode left, ExprNode right) {
            super(line, left, right);
            this.op = op;
            this.unboxed = arithmetic(left) || arithmetic(right);
        }

        @Override
        Object eval(Frame f) {
            return unboxed ? viaLong(f) : generic(left.eval(f), right.eval(f));
        }

        private Object generic(Object a, Object b) {
            switch (op) {
                case '+': return Ops.add(a, b);
                case '-': return Ops.subtract(a, b);
                default: return Ops.multiply(a, b);
            }
        }

        @Override
        long evalLong(Frame f) {
            long x = left.evalLong(f);
            Object a = f.other;
            if (a != null) {
                f.other = generic(a, right.eval(f));
                return 0;
            }
            long y = right.evalLong(f);
            Object b = f.other;
            boolean overflow;
            long r;
            switch (op) {
                case '+':
                    r = x + y;
                    overflow = ((x ^ r) & (y ^ r)) < 0;
                    break;
                case '-':
                    r = x - y;
                    overflow = ((x ^ y) & (x ^ r)) < 0;
                    break;
                default:
                    r = x * y;
                    long hi = Math.multiplyHigh(x, y);
                    overflow = !((hi == 0 && r >= 0) || (hi == -1 && r < 0));
                    break;
            }
            if (b != null || overflow) {
                f.other = generic(x, b != null ? b : (Object) y);
                return 0;
            }
            return r;
        }
    }

    /**
     * The value of {@code x += v} or {@code x *= v} when v is not a number written out: a list
     * in x is extended or repeated in place, as Python does; anything else is added or multiplied.
     */
    static final class InPlace extends BinaryNode {
        private final boolean add;

        InPlace(int line, boolean add, ExprNode left, ExprNode right) {
            super(line, left, right);
            this.add = add;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof ParList) {
                return add ? Ops.extend((ParList) a, b) : Ops.repeatInPlace((ParList) a, b);
            }
            return add ? Ops.add(a, b) : Ops.multiply(a, b);
        }
    }

    /** Power, the rarest operator, names its operator. */
    static final class Arithmetic extends ExprNode {
        private final String op;
        private final ExprNode left;
        private final ExprNode right;

        Arithmetic(int line, String op, ExprNode left, ExprNode right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            return Ops.binary(op, left.eval(f), right.eval(f));
        }
    }

    static final class Negate extends ExprNode {
        private final ExprNode operand;

        Negate(int line, ExprNode operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return Ops.negate(operand.eval(f));
        }
    }

    static final class Plus extends ExprNode {
        private final ExprNode operand;

        Plus(int line, ExprNode operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return Ops.plus(operand.eval(f));
        }
    }

    // ------------------------------------------------------------ comparison and logic

    /** One comparison {@code a OP b}: the common case, without the chain's bookkeeping. */
    static final class Compare extends ExprNode {
        private final Comparison op;
        private final ExprNode left;
        private final ExprNode right;

        Compare(int line, Comparison op, ExprNode left, ExprNode right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            return test(f);
        }

        @Override
        boolean test(Frame f) {
            return Comparison.test(op, left.eval(f), right.eval(f));
        }
    }

    /** {@code x OP 5}: a comparison with an int constant, the commonest condition in loops. */
    static final class CompareConst extends ExprNode {
        private final Comparison op;
        private final ExprNode left;
        private final long constant;
        private final Object boxed;

        CompareConst(int line, Comparison op, ExprNode left, long constant) {
            super(line);
            this.op = op;
            this.left = left;
            this.constant = constant;
            this.boxed = constant;
        }

        @Override
        Object eval(Frame f) {
            return test(f);
        }

        @Override
        boolean test(Frame f) {
            Object a = left.eval(f);
            if (a instanceof Long) {
                long x = (Long) a;
                switch (op) {
                    case LT: return x < constant;
                    case LE: return x <= constant;
                    case GT: return x > constant;
                    case GE: return x >= constant;
                    case EQ: return x == constant;
                    case NE: return x != constant;
                    default: break;
                }
            }
            return op.test(a, boxed);
        }
    }

    /** {@code x + 1}, {@code n - 2}: adding (or subtracting) an int constant, without a constant node. */
    static final class AddConst extends ExprNode {
        private final ExprNode left;
        private final long constant;
        private final boolean subtract;
        private final Object written;
        private final boolean unboxed;

        /** constant: what is added (already negated for a subtraction); written: the literal as written. */
        AddConst(int line, ExprNode left, long constant, boolean subtract) {
            super(line);
            this.left = left;
            this.constant = constant;
            this.subtract = subtract;
            this.written = subtract ? -constant : constant;
            this.unboxed = arithmetic(left);
        }

        @Override
        Object eval(Frame f) {
            if (unboxed) {
                return viaLong(f);
            }
            Object a = left.eval(f);
            if (a instanceof Long) {
                long x = (Long) a;
                long r = x + constant;
                if (((x ^ r) & (constant ^ r)) >= 0) {
                    return r;
                }
            }
            return subtract ? Ops.subtract(a, written) : Ops.add(a, written);
        }

        @Override
        long evalLong(Frame f) {
            long x = left.evalLong(f);
            Object a = f.other;
            long r = x + constant;
            if (a != null || ((x ^ r) & (constant ^ r)) < 0) {
                Object operand = a != null ? a : (Object) x;
                f.other = subtract ? Ops.subtract(operand, written) : Ops.add(operand, written);
                return 0;
            }
            return r;
        }
    }

    /** {@code x % 7}: modulo by a positive int constant. */
    static final class ModConst extends ExprNode {
        private final ExprNode left;
        private final long constant;
        private final Object divisor;

        private final boolean unboxed;

        ModConst(int line, ExprNode left, long constant) {
            super(line);
            this.left = left;
            this.constant = constant;
            this.divisor = constant;
            this.unboxed = arithmetic(left);
        }

        @Override
        Object eval(Frame f) {
            if (unboxed) {
                return viaLong(f);
            }
            Object a = left.eval(f);
            return a instanceof Long ? (Object) Math.floorMod((Long) a, constant) : Ops.modulo(a, divisor);
        }

        @Override
        long evalLong(Frame f) {
            long x = left.evalLong(f);
            Object a = f.other;
            if (a != null) {
                f.other = Ops.modulo(a, divisor);
                return 0;
            }
            return Math.floorMod(x, constant);
        }
    }

    static final class Modulo extends BinaryNode {
        Modulo(int line, ExprNode left, ExprNode right) {
            super(line, left, right);
        }

        @Override
        Object eval(Frame f) {
            return Ops.modulo(left.eval(f), right.eval(f));
        }
    }

    static final class FloorDivide extends BinaryNode {
        FloorDivide(int line, ExprNode left, ExprNode right) {
            super(line, left, right);
        }

        @Override
        Object eval(Frame f) {
            return Ops.floorDivide(left.eval(f), right.eval(f));
        }
    }

    static final class TrueDivide extends BinaryNode {
        TrueDivide(int line, ExprNode left, ExprNode right) {
            super(line, left, right);
        }

        @Override
        Object eval(Frame f) {
            return Ops.trueDivide(left.eval(f), right.eval(f));
        }
    }

    /** {@code a < b < c}: each operand evaluated once, stopping at the first false link. */
    static final class ChainCompare extends ExprNode {
        private final Comparison[] ops;
        private final ExprNode[] operands;

        ChainCompare(int line, Comparison[] ops, ExprNode[] operands) {
            super(line);
            this.ops = ops;
            this.operands = operands;
        }

        @Override
        Object eval(Frame f) {
            return test(f);
        }

        @Override
        boolean test(Frame f) {
            Object left = operands[0].eval(f);
            for (int i = 0; i < ops.length; i++) {
                Object right = operands[i + 1].eval(f);
                if (!ops[i].test(left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }
    }

    static final class And extends ExprNode {
        private final ExprNode[] operands;

        And(int line, ExprNode[] operands) {
            super(line);
            this.operands = operands;
        }

        @Override
        Object eval(Frame f) {
            Object v = null;
            for (ExprNode operand : operands) {
                v = operand.eval(f);
                if (!Values.truthy(v)) {
                    return v;
                }
            }
            return v;
        }

        @Override
        boolean test(Frame f) {
            for (ExprNode operand : operands) {
                if (!operand.test(f)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Or extends ExprNode {
        private final ExprNode[] operands;

        Or(int line, ExprNode[] operands) {
            super(line);
            this.operands = operands;
        }

        @Override
        Object eval(Frame f) {
            Object v = null;
            for (ExprNode operand : operands) {
                v = operand.eval(f);
                if (Values.truthy(v)) {
                    return v;
                }
            }
            return v;
        }

        @Override
        boolean test(Frame f) {
            for (ExprNode operand : operands) {
                if (operand.test(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Not extends ExprNode {
        private final ExprNode operand;

        Not(int line, ExprNode operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return !operand.test(f);
        }

        @Override
        boolean test(Frame f) {
            return !operand.test(f);
        }
    }

    static final class Conditional extends ExprNode {
        private final ExprNode cond;
        private final ExprNode then;
        private final ExprNode orelse;

        Conditional(int line, ExprNode cond, ExprNode then, ExprNode orelse) {
            super(line);
            this.cond = cond;
            this.then = then;
            this.orelse = orelse;
        }

        @Override
        Object eval(Frame f) {
            return cond.test(f) ? then.eval(f) : orelse.eval(f);
        }
    }

    // ------------------------------------------------------------ calls

    static final class Call extends ExprNode {
        private final ExprNode callee;
        private final ExprNode[] args;

        Call(int line, ExprNode callee, ExprNode[] args) {
            super(line);
            this.callee = callee;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            Object fn = callee.eval(f);
            if (fn instanceof Function) {
                Function function = (Function) fn;
                FunctionCode code = function.code();
                Object[] slots = code.newSlots(args.length);
                if (slots == null) {
                    throw code.arityError(args.length);
                }
                for (int i = 0; i < args.length; i++) {
                    slots[i] = args[i].eval(f);
                }
                return function.invoke(f.interp, slots);
            }
            return f.interp.call(fn, evalArgs(f, args));
        }
    }

    static Object[] evalArgs(Frame f, ExprNode[] args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].eval(f);
        }
        return values;
    }

    static final class MethodCall extends ExprNode {
        private final ExprNode target;
        private final String name;
        private final ExprNode[] args;
        private final String site;

        MethodCall(int line, ExprNode target, String name, ExprNode[] args, String site) {
            super(line);
            this.target = target;
            this.name = name;
            this.args = args;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object self = target.eval(f);
            Object[] values = evalArgs(f, args);
            if (self instanceof ParObject) {
                f.interp.site = site; // a lock, queue or pool call may wait on another process
            }
            return Methods.call(f.interp, self, name, values);
        }
    }

    // ------------------------------------------------------------ access

    static final class Attribute extends ExprNode {
        private final ExprNode target;
        private final String name;

        Attribute(int line, ExprNode target, String name) {
            super(line);
            this.target = target;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            return Methods.getAttribute(target.eval(f), name);
        }
    }

    static final class Index extends ExprNode {
        private final ExprNode target;
        private final ExprNode index;

        Index(int line, ExprNode target, ExprNode index) {
            super(line);
            this.target = target;
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            return Sequences.getItem(target.eval(f), index.eval(f));
        }
    }

    static final class Slice extends ExprNode {
        private final ExprNode target;
        private final ExprNode lo;
        private final ExprNode hi;
        private final ExprNode step;

        Slice(int line, ExprNode target, ExprNode lo, ExprNode hi, ExprNode step) {
            super(line);
            this.target = target;
            this.lo = lo;
            this.hi = hi;
            this.step = step;
        }

        @Override
        Object eval(Frame f) {
            Object t = target.eval(f);
            return Sequences.slice(t, optional(f, lo), optional(f, hi), optional(f, step));
        }

        private static Object optional(Frame f, ExprNode e) {
            return e == null ? Nil.NIL : e.eval(f);
        }
    }

    // ------------------------------------------------------------ containers

    static final class ListLiteral extends ExprNode {
        private final ExprNode[] items;

        ListLiteral(int line, ExprNode[] items) {
            super(line);
            this.items = items;
        }

        @Override
        Object eval(Frame f) {
            ParList list = new ParList(items.length);
            for (ExprNode item : items) {
                list.add(item.eval(f));
            }
            return list;
        }
    }

    static final class MapLiteral extends ExprNode {
        private final ExprNode[] keys;
        private final ExprNode[] values;

        MapLiteral(int line, ExprNode[] keys, ExprNode[] values) {
            super(line);
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            ParMap map = new ParMap();
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].eval(f);
                map.put(k, values[i].eval(f));
            }
            return map;
        }
    }

    /** One {@code for ... in ... if ...} clause of a comprehension, resolved. */
    static final class Clause {
        final Target target;
        final ExprNode iter;
        final ExprNode[] conds;

        Clause(Target target, ExprNode iter, ExprNode[] conds) {
            this.target = target;
            this.iter = iter;
            this.conds = conds;
        }
    }

    static final class ListComp extends ExprNode {
        private final ExprNode element;
        private final Clause[] clauses;

        ListComp(int line, ExprNode element, Clause[] clauses) {
            super(line);
            this.element = element;
            this.clauses = clauses;
        }

        @Override
        Object eval(Frame f) {
            ParList out = new ParList();
            fill(f, 0, out);
            return out;
        }

        private void fill(Frame f, int depth, ParList out) {
            Clause clause = clauses[depth];
            for (Object item : Sequences.iterate(clause.iter.eval(f))) {
                clause.target.assign(f, item);
                if (passes(f, clause.conds)) {
                    if (depth + 1 == clauses.length) {
                        out.add(element.eval(f));
                    } else {
                        fill(f, depth + 1, out);
                    }
                }
            }
        }

        private static boolean passes(Frame f, ExprNode[] conds) {
            for (ExprNode cond : conds) {
                if (!cond.test(f)) {
                    return false;
                }
            }
            return true;
        }
    }

    // ------------------------------------------------------------ processes

    static final class Spawn extends ExprNode {
        private final ExprNode callee;
        private final ExprNode[] args;
        private final ExprNode alias;
        private final String site;

        Spawn(int line, ExprNode callee, ExprNode[] args, ExprNode alias, String site) {
            super(line);
            this.callee = callee;
            this.args = args;
            this.alias = alias;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object fn = callee.eval(f);
            Object[] values = evalArgs(f, args);
            Object name = alias == null ? Nil.NIL : alias.eval(f);
            f.interp.site = site;
            return f.interp.processes().spawn(fn, values, name, line);
        }
    }

    static final class Join extends ExprNode {
        private final ExprNode process;
        private final String site;

        Join(int line, ExprNode process, String site) {
            super(line);
            this.process = process;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object p = process.eval(f);
            f.interp.site = site;
            return f.interp.processes().join(p, line);
        }
    }
}
