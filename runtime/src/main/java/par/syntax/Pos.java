package par.syntax;

/** A place in a source file: 1-based line and column. Every AST node carries one. */
public record Pos(int line, int col) {
}
