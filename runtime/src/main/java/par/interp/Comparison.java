package par.interp;

/** The comparison operators, each knowing how to test two values. */
enum Comparison {
    EQ("==") {
        @Override
        boolean test(Object a, Object b) {
            return Values.equal(a, b);
        }
    },
    NE("!=") {
        @Override
        boolean test(Object a, Object b) {
            return !Values.equal(a, b);
        }
    },
    LT("<") {
        @Override
        boolean test(Object a, Object b) {
            if (a instanceof Long && b instanceof Long) {
                return (Long) a < (Long) b;
            }
            return Values.compare(a, b) == -1;
        }
    },
    LE("<=") {
        @Override
        boolean test(Object a, Object b) {
            if (a instanceof Long && b instanceof Long) {
                return (Long) a <= (Long) b;
            }
            return Values.compare(a, b) <= 0; // not UNORDERED
        }
    },
    GT(">") {
        @Override
        boolean test(Object a, Object b) {
            if (a instanceof Long && b instanceof Long) {
                return (Long) a > (Long) b;
            }
            return Values.compare(a, b) == 1;
        }
    },
    GE(">=") {
        @Override
        boolean test(Object a, Object b) {
            if (a instanceof Long && b instanceof Long) {
                return (Long) a >= (Long) b;
            }
            int c = Values.compare(a, b);
            return c == 0 || c == 1;
        }
    },
    IN("in") {
        @Override
        boolean test(Object a, Object b) {
            return Sequences.contains(b, a);
        }
    },
    NOT_IN("not in") {
        @Override
        boolean test(Object a, Object b) {
            return !Sequences.contains(b, a);
        }
    },
    IS("is") {
        @Override
        boolean test(Object a, Object b) {
            return Values.same(a, b);
        }
    },
    IS_NOT("is not") {
        @Override
        boolean test(Object a, Object b) {
            return !Values.same(a, b);
        }
    };

    final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    abstract boolean test(Object a, Object b);

    /**
     * The same test by switch rather than by virtual call: one node class serves every
     * operator without its call site seeing eight different enum bodies.
     */
    static boolean test(Comparison op, Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a;
            long y = (Long) b;
            switch (op) {
                case LT: return x < y;
                case LE: return x <= y;
                case GT: return x > y;
                case GE: return x >= y;
                case EQ: return x == y;
                case NE: return x != y;
                default: break;
            }
        }
        return op.test(a, b);
    }

    static Comparison of(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException(symbol);
    }
}
