package par.repl;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import par.interp.Builtins;
import par.interp.Globals;
import par.interp.Methods;
import par.syntax.SourceTokens;

/**
 * Tab completion: keywords, builtins and the session's globals; after {@code name.} the
 * methods of the value that name holds now.
 */
public final class ReplCompleter implements Completer {
    static final List<String> COMMANDS = List.of(":help", ":ps", ":graph", ":load", ":reset", ":sched", ":step", ":quit");

    private final Globals globals;

    ReplCompleter(Globals globals) {
        this.globals = globals;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        int dot = word.lastIndexOf('.');
        for (String c : words(globals, word, line.wordIndex() == 0)) {
            // after a dot the list shows the method alone; JLine filters by the prefix itself
            candidates.add(dot > 0 ? new Candidate(c, c.substring(dot + 1), null, null, null, null, false)
                    : new Candidate(c));
        }
    }

    /**
     * What word (the text before the cursor, back to the last space or bracket) may become:
     * after {@code name.}, {@code name.method} for each method of the value name holds;
     * a {@code :command} as the first word; else every keyword, builtin and global. Unfiltered:
     * JLine filters by prefix itself; the kernel filters with {@link #matching}.
     */
    public static List<String> words(Globals globals, String word, boolean first) {
        int dot = word.lastIndexOf('.');
        List<String> out = new java.util.ArrayList<>();
        if (dot > 0) {
            String prefix = word.substring(0, dot + 1);
            membersOf(globals.get(word.substring(0, dot))).forEach(m -> out.add(prefix + m));
        } else if (first && word.startsWith(":")) {
            out.addAll(COMMANDS);
        } else {
            out.addAll(SourceTokens.KEYWORDS);
            out.addAll(Builtins.names());
            out.addAll(globals.snapshot().keySet());
        }
        return out;
    }

    /** The completions of word that start with it, sorted, each once. */
    public static List<String> matching(Globals globals, String word, boolean first) {
        return words(globals, word, first).stream().filter(w -> w.startsWith(word)).distinct().sorted().toList();
    }

    private static List<String> membersOf(Object value) {
        return value == null ? List.of() : Methods.methodNames(value);
    }
}
