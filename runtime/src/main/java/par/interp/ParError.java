package par.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * An error raised while a Par program runs: by {@code raise}, by a builtin, or by the runtime
 * itself. It carries the raised value (what {@code catch err} binds) and, as it unwinds, the
 * Par call stack. No Java stack trace is recorded: it is never shown and costs time.
 */
public class ParError extends RuntimeException {
    /** One line of the Par call stack: a function (or the top level) and the line it was on. */
    public record TraceEntry(String function, String file, int line) {
    }

    /** The message of the error a full heap becomes, in the root or in a child. */
    public static final String OUT_OF_MEMORY = "out of memory";

    private final Object value;
    private final List<TraceEntry> trace = new ArrayList<>();
    /** The line the error is passing through in the function being unwound; 0 until known. */
    private int pendingLine;

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

    /** Called by the innermost statement the error leaves: the first call wins. */
    public void placeAt(int line) {
        if (pendingLine == 0) {
            pendingLine = line;
        }
    }

    /** Called as the error leaves a function: records where in it the error was. */
    public void leaveFunction(String function, String file) {
        trace.add(new TraceEntry(function, file, pendingLine));
        pendingLine = 0;
    }
}
