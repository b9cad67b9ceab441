package par.interp;

import java.io.PrintStream;
import java.util.List;

import par.syntax.SourceLines;
import par.syntax.SourceText;
import par.syntax.SyntaxError;

/**
 * The one place errors are worded for people: {@code file.par:3:9: error: ...} with the source
 * line and a caret for syntax errors; {@code file.par:7: error: ...}, the source line with
 * carets under the failing expression, and the Par call stack for runtime errors.
 */
public final class ErrorPrinter {
    /** Runs of the same stack line longer than this are shown once with a count. */
    private static final int REPEAT_LIMIT = 3;

    private ErrorPrinter() {
    }

    public static void print(SyntaxError e, String source, PrintStream err) {
        err.println(e.file() + ":" + e.pos().line() + ":" + e.pos().col() + ": error: " + SourceText.visible(e.getMessage()));
        String line = source == null ? null : new SourceLines(source, 1).line(e.pos().line());
        if (line != null) {
            int col = Math.max(e.pos().col() - 1, 0);
            printSpan(line, col, col + 1, err);
        }
        err.flush();
    }

    /** Source that is not UTF-8: {@code file.par:3: error: not valid UTF-8 at line 3, byte 7}, the line, a caret. */
    public static void print(SourceText.NotUtf8 e, String file, PrintStream err) {
        err.println(file + ":" + e.line() + ": error: " + e.getMessage());
        printLine(e.shownLine(), e.caret(), err);
        err.flush();
    }

    private static void printLine(String shown, int caret, PrintStream err) {
        printLine(shown, caret, 1, err);
    }

    /** The line, and under it carets from column caret, width of them. */
    private static void printLine(String shown, int caret, int width, PrintStream err) {
        err.println("    " + shown);
        err.println("    " + " ".repeat(caret) + "^".repeat(Math.max(width, 1)));
    }

    /** line as shown, with carets under its characters from..to (0-based, to exclusive), kept within it. */
    private static void printSpan(String line, int from, int to, PrintStream err) {
        int start = Math.min(from, line.length());
        int end = Math.max(Math.min(to, line.length()), start);
        printLine(SourceText.visible(line), SourceText.visible(line.substring(0, start)).length(),
                SourceText.visible(line.substring(start, end)).length(), err);
    }

    /**
     * The line a runtime error happened on and carets under the failing expression (to the end
     * of the line when it goes on past it), if the line is known.
     */
    private static void printPlace(ParError.TraceEntry at, PrintStream err) {
        String line = at.text();
        if (line == null || at.col() < 1) {
            return;
        }
        int to = at.endCol() > at.col() ? at.endCol() - 1 : line.stripTrailing().length();
        printSpan(line, at.col() - 1, to, err);
    }

    /** processNote: e.g. " (in process p1, pid 4242)" for a child's error, or "". */
    public static void print(ParError e, String processNote, PrintStream err) {
        print(e.getMessage(), e.trace(), processNote, err);
    }

    /** The same for an error that arrived from a child as its message and stack. */
    public static void print(String message, List<ParError.TraceEntry> trace, String processNote, PrintStream err) {
        String where = trace.isEmpty() ? "par" : trace.get(0).file() + ":" + trace.get(0).line();
        err.println(where + ": error: " + message + processNote);
        if (!trace.isEmpty()) {
            printPlace(trace.get(0), err);
        }
        printTrace(trace, err);
        err.flush();
    }

    static void printTrace(List<ParError.TraceEntry> trace, PrintStream err) {
        int i = 0;
        while (i < trace.size()) {
            ParError.TraceEntry entry = trace.get(i);
            int run = 1;
            while (i + run < trace.size() && trace.get(i + run).equals(entry)) {
                run++;
            }
            int shown = run > REPEAT_LIMIT ? 1 : run;
            for (int k = 0; k < shown; k++) {
                err.println("  in " + entry.function() + " at " + entry.file() + ":" + entry.line());
            }
            if (run > shown) {
                err.println("  ... the line above " + (run - shown) + " more times");
            }
            i += run;
        }
    }
}
