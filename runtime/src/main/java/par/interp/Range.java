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

    public long length() {
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
    }

    public long at(long i) {
        return start + i * step;
    }
}
