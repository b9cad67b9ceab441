package par.interp;

/**
 * Where a program's printed lines go. A line is always written whole: this is what lets a
 * child process's output reach the parent without tearing.
 */
public interface Output {
    void line(String text);

    /** Pushes buffered lines out (before sleeping, waiting, or exiting). */
    void flush();
}
