package par.interp;

/**
 * What {@code time()} and {@code sleep()} mean to a program: the machine's clock when processes
 * run free, and under {@code --schedule} the hub's virtual clock, which moves only when every
 * process waits, so a run's timing is the same every time. May touch only what it is given.
 */
public interface Clock {
    /** Seconds: since the epoch on the machine's clock, since the run began on a virtual one. */
    double now();

    /** Waits this long; an interrupted wait is the Par error "interrupted". */
    void sleep(double seconds) throws InterruptedException;

    /** The machine's clock. */
    Clock MACHINE = new Clock() {
        @Override
        public double now() {
            java.time.Instant now = java.time.Instant.now(); // microseconds, as Python's time() has
            return now.getEpochSecond() + now.getNano() / 1e9;
        }

        @Override
        public void sleep(double seconds) throws InterruptedException {
            Thread.sleep((long) (seconds * 1000), (int) ((seconds * 1e9) % 1_000_000));
        }
    };
}
