package par.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;

import par.syntax.Literals;

/**
 * The arithmetic of Par, with Python's meaning: ints that never overflow (long while they
 * fit, BigInteger beyond), {@code /} giving a float, {@code //} and {@code %} flooring, and
 * {@code +} and {@code *} on strings and lists. Every operator node and builtin calls here.
 */
public final class Ops {
    private static final long EXACT_DOUBLE = 1L << 53;

    private Ops() {
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a;
            long y = (Long) b;
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return Literals.normalize(BigInteger.valueOf(x).add(BigInteger.valueOf(y)));
            }
            return r;
        }
        if (a instanceof Double && b instanceof Double) {
            return (Double) a + (Double) b;
        }
        if (a instanceof String && b instanceof String) {
            return ((String) a).concat((String) b);
        }
        if (a instanceof ParList && b instanceof ParList) {
            ParList out = new ParList(((ParList) a).size() + ((ParList) b).size());
            out.items.addAll(((ParList) a).items);
            out.items.addAll(((ParList) b).items);
            return out;
        }
        if (isInt(a) && isInt(b)) {
            return Literals.normalize(big(a).add(big(b)));
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return toDouble(a) + toDouble(b);
        }
        throw new ParError("cannot add " + Values.typeName(a) + " and " + Values.typeName(b));
    }

    public static Object subtract(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a;
            long y = (Long) b;
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return Literals.normalize(BigInteger.valueOf(x).subtract(BigInteger.valueOf(y)));
            }
            return r;
        }
        if (isInt(a) && isInt(b)) {
            return Literals.normalize(big(a).subtract(big(b)));
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return toDouble(a) - toDouble(b);
        }
        throw new ParError("cannot subtract " + Values.typeName(b) + " from " + Values.typeName(a));
    }

    public static Object multiply(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a;
            long y = (Long) b;
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
            return Literals.normalize(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
        }
        if (isInt(a) && isInt(b)) {
            return Literals.normalize(big(a).multiply(big(b)));
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
            return toDouble(a) * toDouble(b);
        }
        if ((a instanceof String || a instanceof ParList) && isInt(b)) {
            return repeat(a, b);
        }
        if (isInt(a) && (b instanceof String || b instanceof ParList)) {
            return repeat(b, a);
        }
        throw new ParError("cannot multiply " + Values.typeName(a) + " by " + Values.typeName(b));
    }

    private static Object repeat(Object seq, Object times) {
        long n = Math.max(0, Values.toLong(times, "repeat count"));
        if (seq instanceof String) {
            String s = (String) seq;
            if (s.isEmpty()) {
                return s; // however many times: the count alone may not fit an int
            }
            checkSize(s.length() * (double) n);
            return s.repeat((int) n);
        }
        ArrayList<Object> items = ((ParList) seq).items;
        if (items.isEmpty()) {
            return new ParList(); // and no loop of n rounds that add nothing
        }
        checkSize(items.size() * (double) n);
        ParList out = new ParList((int) (items.size() * n));
        for (long i = 0; i < n; i++) {
            out.items.addAll(items);
        }
        return out;
    }

    private static void checkSize(double size) {
        if (size > Integer.MAX_VALUE - 16) {
            throw new ParError("result is too large");
        }
    }

    public static Object trueDivide(Object a, Object b) {
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new ParError("cannot divide " + Values.typeName(a) + " by " + Values.typeName(b));
        }
        if (isZero(b)) {
            throw new ParError("division by zero");
        }
        if (a instanceof Long && b instanceof Long && Math.abs((Long) a) < EXACT_DOUBLE
                && Math.abs((Long) b) < EXACT_DOUBLE) {
            return (double) (Long) a / (double) (Long) b;
        }
        if (isInt(a) && isInt(b)) {
            return intDivide(big(a), big(b));
        }
        return toDouble(a) / toDouble(b);
    }

    /**
     * An int divided by an int, rounded once to the nearest float as Python does: the
     * quotient is taken to 55 bits or more, a last bit set if anything remained (so a
     * near-tie rounds the right way), and BigInteger rounds that to 53 bits. The sign of a
     * zero result is the quotient's, as in {@code 0 / -(2**53)}.
     */
    private static double intDivide(BigInteger a, BigInteger b) {
        BigInteger n = a.abs();
        BigInteger d = b.abs();
        int shift = 55 + d.bitLength() - n.bitLength();
        BigInteger[] qr = (shift > 0 ? n.shiftLeft(shift) : n).divideAndRemainder(shift < 0 ? d.shiftLeft(-shift) : d);
        BigInteger q = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
        double magnitude = Math.scalb(q.doubleValue(), -shift - 1);
        if (Double.isInfinite(magnitude)) {
            throw new ParError("int division result is too large for a float");
        }
        return (a.signum() < 0) != (b.signum() < 0) ? -magnitude : magnitude;
    }

    public static Object floorDivide(Object a, Object b) {
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new ParError("cannot divide " + Values.typeName(a) + " by " + Values.typeName(b));
        }
        if (isZero(b)) {
            throw new ParError("division by zero");
        }
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a;
            long y = (Long) b;
            if (x == Long.MIN_VALUE && y == -1) {
                return BigInteger.valueOf(x).negate();
            }
            return Math.floorDiv(x, y);
        }
        if (isInt(a) && isInt(b)) {
            BigInteger[] qr = big(a).divideAndRemainder(big(b));
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != big(b).signum()) {
                q = q.subtract(BigInteger.ONE);
            }
            return Literals.normalize(q);
        }
        return floatDivMod(toDouble(a), toDouble(b))[0];
    }

    public static Object modulo(Object a, Object b) {
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new ParError("cannot take " + Values.typeName(a) + " modulo " + Values.typeName(b));
        }
        if (isZero(b)) {
            throw new ParError("division by zero");
        }
        if (a instanceof Long && b instanceof Long) {
            return Math.floorMod((Long) a, (Long) b);
        }
        if (isInt(a) && isInt(b)) {
            BigInteger m = big(a).mod(big(b).abs());
            if (big(b).signum() < 0 && m.signum() != 0) {
                m = m.add(big(b));
            }
            return Literals.normalize(m);
        }
        return floatDivMod(toDouble(a), toDouble(b))[1];
    }

    /** CPython's float divmod: the remainder takes the divisor's sign. */
    private static double[] floatDivMod(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        double floor;
        if (div != 0) {
            floor = Math.floor(div);
            if (div - floor > 0.5) {
                floor += 1.0;
            }
        } else {
            floor = Math.copySign(0.0, x / y);
        }
        return new double[] {floor, mod};
    }

    public static Object power(Object a, Object b) {
        if (!Values.isNumber(a) || !Values.isNumber(b)) {
            throw new ParError("cannot raise " + Values.typeName(a) + " to the power " + Values.typeName(b));
        }
        if (a instanceof Long && b instanceof Long && (Long) b >= 0) {
            Object r = longPower((Long) a, (Long) b);
            if (r != null) {
                return r;
            }
        }
        if (isInt(a) && isInt(b)) {
            BigInteger exp = big(b);
            if (exp.signum() >= 0) {
                return intPower(big(a), exp);
            }
            if (isZero(a)) {
                throw new ParError("division by zero: 0 cannot be raised to a negative power");
            }
        }
        double x = toDouble(a);
        double y = toDouble(b);
        if (x == 0 && y < 0) {
            throw new ParError("division by zero: 0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y)) {
            throw new ParError("a negative number cannot be raised to a fractional power");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new ParError("float result is too large");
        }
        return r;
    }

    /** base ** exp by squaring in longs, or null if a step overflows (BigInteger takes it then). */
    private static Object longPower(long base, long exp) {
        long result = 1;
        while (true) {
            if ((exp & 1) != 0) {
                long hi = Math.multiplyHigh(result, base);
                result *= base;
                if (!fits(hi, result)) {
                    return null;
                }
            }
            exp >>= 1;
            if (exp == 0) {
                return result;
            }
            long hi = Math.multiplyHigh(base, base);
            base *= base;
            if (!fits(hi, base)) {
                return null;
            }
        }
    }

    /** Whether a product whose high and low halves are these fits in a long. */
    private static boolean fits(long hi, long lo) {
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0);
    }

    private static Object intPower(BigInteger base, BigInteger exp) {
        if (base.abs().compareTo(BigInteger.ONE) <= 0) {
            if (base.signum() == 0) {
                return exp.signum() == 0 ? 1L : 0L;
            }
            return base.signum() > 0 || !exp.testBit(0) ? 1L : -1L;
        }
        if (exp.bitLength() > 31 || (long) base.bitLength() * exp.intValue() > 64_000_000L) {
            throw new ParError("int result is too large");
        }
        return Literals.normalize(base.pow(exp.intValue()));
    }

    public static Object negate(Object a) {
        if (a instanceof Long) {
            long x = (Long) a;
            return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
        }
        if (a instanceof Double) {
            return -(Double) a;
        }
        if (a instanceof BigInteger) {
            return Literals.normalize(((BigInteger) a).negate());
        }
        throw new ParError("cannot negate " + Values.typeName(a));
    }

    public static Object plus(Object a) {
        if (!Values.isNumber(a)) {
            throw new ParError("cannot apply unary + to " + Values.typeName(a));
        }
        return a;
    }

    /**
     * a op= b: as in Python, a list is changed in place by += (extended by any iterable) and by
     * *= (repeated), so every name for it sees the change; anything else gets a op b.
     */
    public static Object inPlace(String op, Object a, Object b) {
        if (a instanceof ParList) {
            if (op.equals("+")) {
                return extend((ParList) a, b);
            }
            if (op.equals("*")) {
                return repeatInPlace((ParList) a, b);
            }
        }
        return binary(op, a, b);
    }

    static ParList extend(ParList list, Object items) {
        list.items.addAll(Sequences.toList(items)); // a copy first, so xs += xs doubles once
        return list;
    }

    static ParList repeatInPlace(ParList list, Object times) {
        ParList repeated = (ParList) repeat(list, times);
        list.items.clear();
        list.items.addAll(repeated.items);
        return list;
    }

    /** By operator symbol, for augmented assignment and anything else that has only the text. */
    public static Object binary(String op, Object a, Object b) {
        switch (op) {
            case "+": return add(a, b);
            case "-": return subtract(a, b);
            case "*": return multiply(a, b);
            case "/": return trueDivide(a, b);
            case "//": return floorDivide(a, b);
            case "%": return modulo(a, b);
            case "**": return power(a, b);
            default: throw new IllegalArgumentException(op);
        }
    }

    /**
     * Exact order between any two numbers, even a huge int against a float, with IEEE's
     * meaning for floats as in Python: {@code -0.0} equals {@code 0.0}, and a NaN is
     * {@link Values#UNORDERED} with everything, itself included.
     */
    static int compareNumbers(Object a, Object b) {
        if (a instanceof Long && b instanceof Long) {
            return Long.compare((Long) a, (Long) b);
        }
        if (isInt(a) && isInt(b)) {
            return Integer.signum(big(a).compareTo(big(b)));
        }
        if (a instanceof Double && b instanceof Double) {
            return ieee((Double) a, (Double) b);
        }
        double d = a instanceof Double ? (Double) a : (Double) b;
        if (Double.isNaN(d)) {
            return Values.UNORDERED;
        }
        if (Double.isInfinite(d)) {
            int sign = (int) Math.signum(d);
            return a instanceof Double ? sign : -sign;
        }
        Object i = a instanceof Double ? b : a;
        if (i instanceof Long && -EXACT_DOUBLE < (Long) i && (Long) i < EXACT_DOUBLE) {
            double x = toDouble(a); // an int this small is exactly a double
            double y = toDouble(b);
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        return exact(a).compareTo(exact(b));
    }

    private static int ieee(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        return x == y ? 0 : Values.UNORDERED;
    }

    private static BigDecimal exact(Object v) {
        return v instanceof Double ? new BigDecimal((Double) v) : new BigDecimal(big(v));
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger;
    }

    private static boolean isZero(Object v) {
        if (v instanceof Long) {
            return (Long) v == 0;
        }
        if (v instanceof Double) {
            return (Double) v == 0.0;
        }
        return false;
    }

    static BigInteger big(Object v) {
        return v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf((Long) v);
    }

    static double toDouble(Object v) {
        if (v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Long) {
            return (Long) v;
        }
        return bigToDouble((BigInteger) v);
    }

    static double bigToDouble(BigInteger v) {
        return finite(v.doubleValue());
    }

    /** A float made from ints, which overflows to an error rather than to inf. */
    private static double finite(double d) {
        if (Double.isInfinite(d)) {
            throw new ParError("int is too large to convert to float");
        }
        return d;
    }
}
