package par.interp;

/** What {@code range(start, stop, step)} gives: a lazy run of integers, as in Python 3. */
public final class Range {
    public final long start;
    public final long stop;
    public final long step;

    public Range(long start, long stop, long step) {
        if (step == 0) {
            throw new ParError("range() step must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /**
     * How many numbers the range holds, or Long.MAX_VALUE when that is more (a range from
     * -2**63 to 2**63 - 1 holds 2**64 - 1): enough for every walk and index that can end.
     */
    public long length() {
        long n = exactLength();
        return n < 0 ? Long.MAX_VALUE : n;
    }

    /**
     * How many numbers the range holds, or -1 when that is more than a long holds. The
     * distance is taken unsigned, since it does not fit a long when the ends are far apart.
     */
    public long exactLength() {
        if (step > 0 ? start >= stop : start <= stop) {
            return 0;
        }
        long distance = step > 0 ? stop - start : start - stop;
        long n = Long.divideUnsigned(distance - 1, step > 0 ? step : -step); // -MIN is 2**63 unsigned
        return n < 0 || n == Long.MAX_VALUE ? -1 : n + 1;
    }

    /** Whether v is one of the numbers, compared without overflow however far apart the ends. */
    public boolean contains(long v) {
        if (step > 0 ? v < start || v >= stop : v > start || v <= stop) {
            return false;
        }
        long offset = step > 0 ? v - start : start - v;
        return Long.remainderUnsigned(offset, step > 0 ? step : -step) == 0;
    }

    /** The i-th number, for 0 <= i < length(): exact even where i * step overflows, as it wraps back. */
    public long at(long i) {
        return start + i * step;
    }
}
