package par.interp;

/**
 * Where a program's printed lines go. A line is always written whole: this is what lets a
 * child process's output reach the parent without tearing.
 */
public interface Output {
    void line(String text);

    /**
     * A line a child process printed. origin: the id of the root's child it came from (that
     * child itself, or the one whose descendant printed it), 0 for none (a pool worker). An
     * output that shows where lines come from (a notebook's cells) may use it.
     */
    default void line(String text, long origin) {
        line(text);
    }

    /** Pushes buffered lines out (before sleeping, waiting, or exiting). */
    void flush();
}
