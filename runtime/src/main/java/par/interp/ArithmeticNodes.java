package par.interp;

/**
 * The arithmetic operators' nodes, with their int fast paths; the whole meaning of each
 * operator (floats, big ints, strings, lists, errors) stays in {@link Ops}, which they call.
 * They touch only their operands and {@link Frame#other}, through which evalLong hands on a
 * value that is not a long.
 */
final class ArithmeticNodes {
    private ArithmeticNodes() {
    }

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
            try {
                switch (op) {
                    case '+': return Ops.add(a, b);
                    case '-': return Ops.subtract(a, b);
                    default: return Ops.multiply(a, b);
                }
            } catch (ParError e) {
                throw at(e);
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
            try {
                if (a instanceof ParList) {
                    return add ? Ops.extend((ParList) a, b) : Ops.repeatInPlace((ParList) a, b);
                }
                return add ? Ops.add(a, b) : Ops.multiply(a, b);
            } catch (ParError e) {
                throw at(e);
            }
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
            try {
                return Ops.binary(op, left.eval(f), right.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
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
            try {
                return Ops.negate(operand.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
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
            try {
                return Ops.plus(operand.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
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
            return generic(a);
        }

        private Object generic(Object a) {
            try {
                return subtract ? Ops.subtract(a, written) : Ops.add(a, written);
            } catch (ParError e) {
                throw at(e);
            }
        }

        @Override
        long evalLong(Frame f) {
            long x = left.evalLong(f);
            Object a = f.other;
            long r = x + constant;
            if (a != null || ((x ^ r) & (constant ^ r)) < 0) {
                Object operand = a != null ? a : (Object) x;
                f.other = generic(operand);
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
            return a instanceof Long ? (Object) Math.floorMod((Long) a, constant) : generic(a);
        }

        private Object generic(Object a) {
            try {
                return Ops.modulo(a, divisor);
            } catch (ParError e) {
                throw at(e);
            }
        }

        @Override
        long evalLong(Frame f) {
            long x = left.evalLong(f);
            Object a = f.other;
            if (a != null) {
                f.other = generic(a);
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
            try {
                return Ops.modulo(left.eval(f), right.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
        }
    }

    static final class FloorDivide extends BinaryNode {
        FloorDivide(int line, ExprNode left, ExprNode right) {
            super(line, left, right);
        }

        @Override
        Object eval(Frame f) {
            try {
                return Ops.floorDivide(left.eval(f), right.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
        }
    }

    static final class TrueDivide extends BinaryNode {
        TrueDivide(int line, ExprNode left, ExprNode right) {
            super(line, left, right);
        }

        @Override
        Object eval(Frame f) {
            try {
                return Ops.trueDivide(left.eval(f), right.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
        }
    }
}
