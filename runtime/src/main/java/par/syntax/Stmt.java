package par.syntax;

import java.util.List;

/**
 * Par's statements, as the AST builder makes them. Blocks are plain lists of statements;
 * optional parts are null when absent.
 */
public sealed interface Stmt {
    Pos pos();

    record ExprStmt(Pos pos, Expr expr) implements Stmt {}

    /**
     * {@code target = value}, or {@code a = b = value} (each target in turn gets the one value);
     * a target is a Name, Index, Attribute or ListLiteral (unpacking).
     */
    record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

    /** {@code target op= value}, e.g. {@code total += x}; op is the arithmetic operator. */
    record AugAssign(Pos pos, Expr target, String op, Expr value) implements Stmt {}

    /** {@code if}, its {@code elif}s (conds.get(i) guards blocks.get(i)) and an optional else. */
    record If(Pos pos, List<Expr> conds, List<List<Stmt>> blocks, List<Stmt> orelse) implements Stmt {}

    record While(Pos pos, Expr cond, List<Stmt> body) implements Stmt {}

    record For(Pos pos, Expr target, Expr iter, List<Stmt> body) implements Stmt {}

    /**
     * A function definition; it remembers its file and the text of its lines (from the line of
     * its {@code def} on), so errors inside it are placed right and shown, in a child too.
     */
    record Def(Pos pos, String file, String name, List<String> params, List<Stmt> body, String text) implements Stmt {
        public SourceLines lines() {
            return new SourceLines(text, pos.line());
        }
    }

    record Return(Pos pos, Expr value) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}

    record Pass(Pos pos) implements Stmt {}

    record Global(Pos pos, List<String> names) implements Stmt {}

    /** {@code try {} catch name {} finally {}}: catchName, handler and cleanup may be null. */
    record Try(Pos pos, List<Stmt> body, String catchName, List<Stmt> handler, List<Stmt> cleanup)
            implements Stmt {}

    record Raise(Pos pos, Expr value) implements Stmt {}

    /** {@code assert cond} or {@code assert cond, message}; message is null when not given. */
    record Assert(Pos pos, Expr cond, Expr message) implements Stmt {}

    /** {@code del a, xs[i], xs[i:j], m[k]}: unbinds names, removes items and slices. */
    record Del(Pos pos, List<Expr> targets) implements Stmt {}

    /** {@code with subject as name { body }}: name may be null. */
    record With(Pos pos, Expr subject, String name, List<Stmt> body) implements Stmt {}
}
