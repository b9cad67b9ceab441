package par.interp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The program's output could not be written. It ends the program, as {@code exit(n)} does
 * (no {@code catch} stops it), since whatever it prints next would be lost too. If the reader
 * went away (a closed pipe, as in {@code par x.par | head -1}) it ends quietly with status
 * {@value #READER_GONE}, what a shell reports for a program killed by SIGPIPE; any other
 * failure (a full disk) is reported on stderr and ends it with status 1.
 */
public final class OutputFailure extends ExitRequest {
    /** 128 + SIGPIPE. */
    public static final int READER_GONE = 141;

    public final boolean readerGone;
    private final String reason;

    private OutputFailure(boolean readerGone, String reason) {
        super(readerGone ? READER_GONE : ScriptRunner.RUNTIME_ERROR);
        this.readerGone = readerGone;
        this.reason = reason;
    }

    /** The failure of a write to out. */
    static OutputFailure of(IOException e, OutputStream out) {
        String reason = e.getMessage() != null ? e.getMessage() : e.toString();
        return new OutputFailure(isBrokenPipe(reason) || isPipeOrSocket(out), reason);
    }

    /** What stderr says of it (nothing when the reader went away). */
    public String message() {
        return "par: error: cannot write to standard output: " + reason;
    }

    /** The C library's English words for EPIPE, and for a socket whose peer has gone. */
    private static boolean isBrokenPipe(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        return r.contains("broken pipe") || r.contains("connection reset");
    }

    /**
     * Whether out is this process's stdout and that is a pipe or a socket, where a failed write
     * can only mean that the reader has gone: the error's words follow the user's locale, this
     * does not. Read from /proc (Linux); elsewhere the words decide alone.
     */
    private static boolean isPipeOrSocket(OutputStream out) {
        try {
            if (!(out instanceof FileOutputStream) || ((FileOutputStream) out).getFD() != FileDescriptor.out) {
                return false;
            }
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
