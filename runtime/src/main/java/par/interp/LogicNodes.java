package par.interp;

/**
 * Comparisons, {@code and}, {@code or}, {@code not} and the conditional expression: the nodes
 * that answer {@link ExprNode#test} themselves, so a condition that only feeds an if or a
 * while is never boxed. They touch only their operands, through {@link Comparison} and
 * {@link Values#truthy}.
 */
final class LogicNodes {
    private LogicNodes() {
    }

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
            try {
                return Comparison.test(op, left.eval(f), right.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
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
            try {
                return op.test(a, boxed);
            } catch (ParError e) {
                throw at(e);
            }
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
            try {
                return chain(f);
            } catch (ParError e) {
                throw at(e);
            }
        }

        private boolean chain(Frame f) {
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
}
