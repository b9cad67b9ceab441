package par.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bar of a script run: one line on stderr, redrawn in place with a carriage return and
 * erased at the end, and only when stderr is the process's own and a terminal, so output
 * going to a file or a pipe (golden tests, CI logs) never holds one.
 */
final class StderrProgressBar extends ProgressBar {
    private final PrintStream err;

    StderrProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    protected boolean watched() {
        return err == System.err && stderrIsTerminal();
    }

    /**
     * Whether file descriptor 2 is a terminal: Java has no isatty, and System.console() asks
     * about stdin and stdout. Linux names a terminal /dev/pts/N or /dev/ttyN; elsewhere the
     * answer is no, and no bar is the safe side.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    protected void draw(String text) {
        err.print("\r" + text + "\033[K");
        err.flush();
    }

    @Override
    protected void ended() {
        err.print("\r\033[K");
        err.flush();
    }
}
