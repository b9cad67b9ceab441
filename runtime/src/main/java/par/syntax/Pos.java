package par.syntax;

/**
 * A place in a source file: 1-based line and column, and the column just past the end of what
 * is there (0 when it runs on past the line, or is not known), so an error can underline it.
 * Every AST node carries one.
 */
public record Pos(int line, int col, int endCol) {
    /** A point: a place with no extent. */
    public Pos(int line, int col) {
        this(line, col, 0);
    }
}
