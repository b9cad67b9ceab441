package par.interp;

import java.util.ArrayList;
import java.util.List;

import par.syntax.Pos;
import par.syntax.SourceLines;

/**
 * An error raised while a Par program runs: by {@code raise}, by a builtin, or by the runtime
 * itself. It carries the raised value (what {@code catch err} binds) and, as it unwinds, the
 * Par call stack, each frame with the place of the expression it was in. No Java stack trace
 * is recorded: it is never shown and costs time.
 */
public class ParError extends RuntimeException {
    /**
     * One line of the Par call stack: a function (or the top level), the line it was on and the
     * columns of the failing expression there (col 0: not known; endCol 0: to the end of the
     * line), and the source those line numbers are in (null when not known).
     */
    public record TraceEntry(String function, String file, int line, int col, int endCol, SourceLines source) {
        /** The text of this entry's line, or null when it is not known. */
        public String text() {
            return source == null ? null : source.line(line);
        }
    }

    /** The message of the error a full heap becomes, in the root or in a child. */
    public static final String OUT_OF_MEMORY = "out of memory";

    private static final Pos NOWHERE = new Pos(0, 0);

    private final Object value;
    private final List<TraceEntry> trace = new ArrayList<>();
    /** Where the error is passing through in the function being unwound; null until known. */
    private Pos pending;

    public ParError(String message) {
        this((Object) message);
    }

    public ParError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** The value {@code catch err} binds: the message string, or whatever {@code raise} was given. */
    public Object value() {
        return value;
    }

    @Override
    public String getMessage() {
        return Repr.str(value);
    }

    public List<TraceEntry> trace() {
        return trace;
    }

    /**
     * Called by the innermost expression or statement the error leaves (a null pos is no
     * place): the first call wins, so the failing part is named, not what contains it.
     */
    public void placeAt(Pos pos) {
        if (pending == null) {
            pending = pos;
        }
    }

    /** Called as the error leaves a function: records where in it the error was. */
    public void leaveFunction(String function, String file, SourceLines source) {
        Pos at = pending != null ? pending : NOWHERE;
        trace.add(new TraceEntry(function, file, at.line(), at.col(), at.endCol(), source));
        pending = null;
    }
}
