package par.interp;

/**
 * Where a long operation (a pool's map) reports how far it has come, so whoever runs the
 * interpreter can show a bar: the script runner on a terminal's stderr, the REPL in its status
 * line, the kernel in its cell. The interpreter never knows which, nor whether anyone looks.
 */
public interface Progress {
    /**
     * Nobody watches: the default, and what files, pipes and tests get. A class, not a lambda:
     * every child JVM makes it, and a JVM's first lambda costs milliseconds of start-up.
     */
    Progress NONE = new Progress() {
        @Override
        public Task start(String what, long total) {
            return Task.NONE;
        }
    };

    /** A new operation, what (say {@code map}) over total items; answers where it reports. */
    Task start(String what, long total);

    /** One operation's reports: items done so far, then its end (ended or failed, once). */
    interface Task {
        Task NONE = new Task() {
            @Override
            public void done(long done) {
            }

            @Override
            public void end() {
            }
        };

        void done(long done);

        void end();
    }
}
