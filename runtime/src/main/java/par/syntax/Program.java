package par.syntax;

import java.util.List;

/** A parsed source file (or REPL input): its name, its text and its top-level statements. */
public record Program(String file, String source, List<Stmt> body) {
}
