package par.interp;

/**
 * What the interpreter asks of the process machinery: spawning, joining, and making the
 * shared objects ({@code lock()}, {@code queue()}, {@code pool()}, ...). The interpreter only
 * sees this interface; the implementation lives in par.proc.
 */
public interface Processes {
    Object spawn(Object function, Object[] args, Object name, String site);

    Object join(Object handle, String site);

    /**
     * {@code lock()}, {@code queue(n)}, {@code pool(n)}, {@code shared(v)} and friends, by kind;
     * name: what the program calls the object (see {@code par.hub.Names}), or null.
     */
    Object create(String kind, Object[] args, String name);

    /**
     * A question about processes that makes nothing: {@code current_process()},
     * {@code active_children()}, {@code parent_pid()}, by name.
     */
    default Object ask(String what, Object[] args) {
        throw new ParError(what + "() is not available in this interpreter");
    }

    /**
     * Called once when the program ends: after a normal end (normalEnd) children are waited
     * for, after an error they are stopped. Either way none outlives the program. Returns
     * false if the children could not finish (they were stuck waiting on each other).
     */
    default boolean shutdown(boolean normalEnd) {
        return true;
    }

    /**
     * A hint that the program is about to start about this many child JVMs: warm some up.
     * pools: some of them will be pool workers, which run for long.
     */
    default void prewarm(int jvms, boolean pools) {
    }

    /** Until the process machinery is connected, every use says so plainly. */
    Processes NONE = new Processes() {
        @Override
        public Object spawn(Object function, Object[] args, Object name, String site) {
            throw unavailable();
        }

        @Override
        public Object join(Object handle, String site) {
            throw unavailable();
        }

        @Override
        public Object create(String kind, Object[] args, String name) {
            throw unavailable();
        }

        private ParError unavailable() {
            return new ParError("processes are not available in this interpreter");
        }
    };
}
