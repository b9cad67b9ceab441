package par.syntax;

import java.util.List;

/**
 * Par's expressions, as the AST builder makes them: immutable records that know where they
 * came from. The resolver turns them into runnable nodes; the wire codec copies them to
 * children. Nothing here knows ANTLR.
 */
public sealed interface Expr {
    Pos pos();

    /** An int (Long or BigInteger), float (Double), string or bool written in the source. */
    record Literal(Pos pos, Object value) implements Expr {}

    record NilLiteral(Pos pos) implements Expr {}

    record Name(Pos pos, String name) implements Expr {}

    /** {@code -x} or {@code +x}. */
    record Unary(Pos pos, String op, Expr operand) implements Expr {}

    /** Arithmetic: {@code + - * / // % **}. */
    record Binary(Pos pos, String op, Expr left, Expr right) implements Expr {}

    /** {@code a < b <= c}: each operator compares its two neighbours, all must hold. */
    record Compare(Pos pos, Expr first, List<String> ops, List<Expr> rest) implements Expr {}

    /** {@code a and b and c} or {@code a or b}: short-circuit, gives the deciding operand. */
    record Logical(Pos pos, boolean isAnd, List<Expr> operands) implements Expr {}

    record Not(Pos pos, Expr operand) implements Expr {}

    /** {@code then if cond else orelse}. */
    record Conditional(Pos pos, Expr cond, Expr then, Expr orelse) implements Expr {}

    record Call(Pos pos, Expr callee, List<Expr> args) implements Expr {}

    /**
     * {@code name="fork0"} or {@code duplex=false} among a call's arguments, after the
     * positional ones; only the keywords Par's builtins and handles take (see AstBuilder).
     */
    record Keyword(Pos pos, String name, Expr value) implements Expr {
        /** Every keyword some builtin or handle method takes; any other is a syntax error. */
        public static final java.util.List<String> KNOWN = java.util.List.of("name", "duplex", "timeout", "action",
                "chunksize", "maxtasksperchild", "cluster");
    }

    record Attribute(Pos pos, Expr target, String name) implements Expr {}

    record Index(Pos pos, Expr target, Expr index) implements Expr {}

    /** {@code target[lo:hi:step]}; any of the three may be null. */
    record Slice(Pos pos, Expr target, Expr lo, Expr hi, Expr step) implements Expr {}

    /** A list literal; as an assignment target it unpacks: {@code a, b = pair}. */
    record ListLiteral(Pos pos, List<Expr> items) implements Expr {}

    record MapLiteral(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}

    record ListComp(Pos pos, Expr element, List<CompClause> clauses) implements Expr {}

    /** One {@code for target in iter if cond...} clause of a list comprehension. */
    record CompClause(Pos pos, Expr target, Expr iter, List<Expr> conds) {}

    /** {@code spawn f(x) as "name"}; alias may be null. */
    record Spawn(Pos pos, Call call, Expr alias) implements Expr {}

    /** {@code join p}: waits for a process (or pool task) and gives its value. */
    record Join(Pos pos, Expr process) implements Expr {}

    /**
     * {@code lambda x, y: x * y}: a function without a name, made where it is written. Its def
     * is named {@link #NAME} and returns its one expression, so it captures, runs and travels
     * to other processes as any function does.
     */
    record Lambda(Pos pos, Stmt.Def def) implements Expr {
        public static final String NAME = "<lambda>";
    }

    /** {@code f"..."}: its parts in order, literal strings and {@link FormatField}s, joined. */
    record FString(Pos pos, List<Expr> parts) implements Expr {}

    /**
     * One {@code {value!conversion:spec}} of an f-string: conversion is "r", "s" or null, and
     * spec (itself an f-string's parts, as it may hold fields) is null when there is none.
     */
    record FormatField(Pos pos, Expr value, String conversion, Expr spec) implements Expr {}
}
