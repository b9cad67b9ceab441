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
final class ReplCompleter implements Completer {
    static final List<String> COMMANDS = List.of(":help", ":ps", ":graph", ":load", ":reset", ":sched", ":step", ":quit");

    private final Globals globals;

    ReplCompleter(Globals globals) {
        this.globals = globals;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String prefix = word.substring(0, dot + 1);
            for (String m : membersOf(globals.get(word.substring(0, dot)))) {
                candidates.add(new Candidate(prefix + m, m, null, null, null, null, false));
            }
            return;
        }
        if (line.wordIndex() == 0 && word.startsWith(":")) {
            COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        SourceTokens.KEYWORDS.forEach(k -> candidates.add(new Candidate(k)));
        Builtins.names().forEach(b -> candidates.add(new Candidate(b)));
        globals.snapshot().keySet().forEach(g -> candidates.add(new Candidate(g)));
    }

    private static List<String> membersOf(Object value) {
        return value == null ? List.of() : Methods.methodNames(value);
    }
}
