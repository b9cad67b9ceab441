package par.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;

import par.grammar.ParBaseVisitor;
import par.grammar.ParParser;
import par.grammar.ParParser.*;

/**
 * Turns ANTLR's parse tree into Par's own AST ({@link Stmt}, {@link Expr}). Every node gets
 * the position of its first token. Anything the builder does not know is a bug, not a silent
 * skip: {@link #visitChildren} refuses. Checks that need the tree (what may be assigned to,
 * that spawn is given a call) are made here, with a located {@link SyntaxError}.
 */
final class AstBuilder extends ParBaseVisitor<Object> {
    private final String file;

    AstBuilder(String file) {
        this.file = file;
    }

    List<Stmt> program(ProgramContext ctx) {
        return stmts(ctx.stmts());
    }

    @Override
    public Object visitChildren(org.antlr.v4.runtime.tree.RuleNode node) {
        throw new IllegalStateException("AST builder has no case for " + node.getClass().getSimpleName());
    }

    // ------------------------------------------------------------ statements

    private List<Stmt> stmts(StmtsContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (StmtContext s : ctx.stmt()) {
            out.add((Stmt) visit(s));
        }
        return out;
    }

    private List<Stmt> block(BlockContext ctx) {
        return ctx == null ? null : stmts(ctx.stmts());
    }

    @Override
    public Stmt visitDefStmt(DefStmtContext ctx) {
        return new Stmt.Def(pos(ctx), file, ctx.name.getText(), params(ctx.params), block(ctx.body), lines(ctx));
    }

    private List<String> params(ParamListContext ctx) {
        List<String> params = new ArrayList<>();
        if (ctx != null) {
            for (Token t : ctx.names) {
                if (params.contains(t.getText())) {
                    throw error(t, "parameter '" + t.getText() + "' appears twice");
                }
                params.add(t.getText());
            }
        }
        return params;
    }

    /** del's targets: names, items and slices, which are what can be removed. */
    @Override
    public Stmt visitDelStmt(DelStmtContext ctx) {
        List<Expr> targets = exprs(ctx.places);
        for (int i = 0; i < targets.size(); i++) {
            Expr t = targets.get(i);
            if (!(t instanceof Expr.Name || t instanceof Expr.Index || t instanceof Expr.Slice)) {
                throw error(ctx.places.get(i).start, "cannot delete " + describe(t));
            }
        }
        return new Stmt.Del(pos(ctx), targets);
    }

    @Override
    public Stmt visitIfStmt(IfStmtContext ctx) {
        List<Expr> conds = new ArrayList<>();
        List<List<Stmt>> blocks = new ArrayList<>();
        for (int i = 0; i < ctx.conds.size(); i++) {
            conds.add(expr(ctx.conds.get(i)));
            blocks.add(block(ctx.blocks.get(i)));
        }
        return new Stmt.If(pos(ctx), conds, blocks, block(ctx.orelse));
    }

    @Override
    public Stmt visitWhileStmt(WhileStmtContext ctx) {
        return new Stmt.While(pos(ctx), expr(ctx.cond), block(ctx.body));
    }

    @Override
    public Stmt visitForStmt(ForStmtContext ctx) {
        return new Stmt.For(pos(ctx), targets(ctx.target), exprList(ctx.iter), block(ctx.body));
    }

    @Override
    public Stmt visitTryStmt(TryStmtContext ctx) {
        if (ctx.handler == null && ctx.cleanup == null) {
            throw error(ctx.stop, "expected 'catch' or 'finally' after the try block");
        }
        String name = ctx.name == null ? null : ctx.name.getText();
        return new Stmt.Try(pos(ctx), block(ctx.body), name, block(ctx.handler), block(ctx.cleanup));
    }

    @Override
    public Stmt visitWithStmt(WithStmtContext ctx) {
        String name = ctx.name == null ? null : ctx.name.getText();
        return new Stmt.With(pos(ctx), expr(ctx.subject), name, block(ctx.body));
    }

    @Override
    public Stmt visitReturnStmt(ReturnStmtContext ctx) {
        return new Stmt.Return(pos(ctx), ctx.value == null ? null : exprList(ctx.value));
    }

    @Override
    public Stmt visitBreakStmt(BreakStmtContext ctx) {
        return new Stmt.Break(pos(ctx));
    }

    @Override
    public Stmt visitContinueStmt(ContinueStmtContext ctx) {
        return new Stmt.Continue(pos(ctx));
    }

    @Override
    public Stmt visitPassStmt(PassStmtContext ctx) {
        return new Stmt.Pass(pos(ctx));
    }

    @Override
    public Stmt visitGlobalStmt(GlobalStmtContext ctx) {
        List<String> names = new ArrayList<>();
        for (Token t : ctx.names) {
            names.add(t.getText());
        }
        return new Stmt.Global(pos(ctx), names);
    }

    @Override
    public Stmt visitRaiseStmt(RaiseStmtContext ctx) {
        return new Stmt.Raise(pos(ctx), expr(ctx.value));
    }

    @Override
    public Stmt visitAssertStmt(AssertStmtContext ctx) {
        return new Stmt.Assert(pos(ctx), expr(ctx.cond), ctx.message == null ? null : expr(ctx.message));
    }

    /** An expression statement, an assignment (a chain of them: `a = b = 0`) or an update (`+=`). */
    @Override
    public Stmt visitSimpleStmt(SimpleStmtContext ctx) {
        List<ExprListContext> parts = ctx.parts;
        if (ctx.op != null) {
            return augAssign(ctx, ParParser.bareTarget(parts.get(0).items.get(0)));
        }
        if (parts.size() == 1) {
            return new Stmt.ExprStmt(pos(ctx), exprList(parts.get(0)));
        }
        List<Expr> targets = new ArrayList<>();
        for (ExprListContext t : parts.subList(0, parts.size() - 1)) {
            List<PostfixContext> items = new ArrayList<>();
            for (ExprContext e : t.items) {
                items.add(ParParser.bareTarget(e)); // the parser let '=' follow only such lists
            }
            targets.add(targets(t, items, items.size() > 1 || t.trailing != null));
        }
        return new Stmt.Assign(pos(ctx), targets, exprList(parts.get(parts.size() - 1)));
    }

    private Stmt augAssign(SimpleStmtContext ctx, PostfixContext place) {
        Expr target = targets(ctx, List.of(place), false);
        String op = ctx.op.getText();
        return new Stmt.AugAssign(pos(ctx), target, op.substring(0, op.length() - 1), expr(ctx.value));
    }

    // ------------------------------------------------------------ assignment targets

    private Expr targets(TargetsContext ctx) {
        return targets(ctx, ctx.items, ctx.items.size() > 1 || ctx.getChildCount() > 1);
    }

    /** One place to bind, or a list of them to unpack into; each must be a name, index, slice or attribute. */
    private Expr targets(ParserRuleContext ctx, List<PostfixContext> places, boolean unpack) {
        List<Expr> items = new ArrayList<>();
        for (PostfixContext p : places) {
            Expr target = expr(p);
            if (!(target instanceof Expr.Name || target instanceof Expr.Index || target instanceof Expr.Attribute
                    || target instanceof Expr.Slice)) {
                throw error(p.start, "cannot assign to " + describe(target));
            }
            items.add(target);
        }
        return unpack ? new Expr.ListLiteral(pos(ctx), items) : items.get(0);
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.Call) {
            return "a function call";
        }
        if (e instanceof Expr.Literal || e instanceof Expr.NilLiteral) {
            return "a literal";
        }
        if (e instanceof Expr.Slice) {
            return "a slice";
        }
        return "an expression";
    }

    // ------------------------------------------------------------ expressions

    private Expr expr(ParseTree ctx) {
        return (Expr) visit(ctx);
    }

    private Expr exprList(ExprListContext ctx) {
        return items(ctx, ctx.items, ctx.trailing);
    }

    /** One expression, or a list of them when there are several or a trailing comma: `(a, b)`, `a,`. */
    private Expr items(ParserRuleContext ctx, List<ExprContext> items, Token trailing) {
        if (items.size() == 1 && trailing == null) {
            return expr(items.get(0));
        }
        return new Expr.ListLiteral(pos(ctx), exprs(items));
    }

    private List<Expr> exprs(List<? extends ParseTree> items) {
        List<Expr> out = new ArrayList<>(items.size());
        for (ParseTree t : items) {
            out.add(expr(t));
        }
        return out;
    }

    @Override
    public Expr visitExpr(ExprContext ctx) {
        if (ctx.lambdaBody != null) {
            Expr value = expr(ctx.lambdaBody);
            Stmt.Def def = new Stmt.Def(pos(ctx), file, Expr.Lambda.NAME, params(ctx.params),
                    List.of(new Stmt.Return(value.pos(), value)), wholeLines(ctx));
            return new Expr.Lambda(pos(ctx), def);
        }
        Expr body = expr(ctx.body);
        if (ctx.cond == null) {
            return body;
        }
        return new Expr.Conditional(pos(ctx), expr(ctx.cond), body, expr(ctx.orelse));
    }

    @Override
    public Expr visitNotExpr(NotExprContext ctx) {
        return new Expr.Not(pos(ctx), expr(ctx.operand));
    }

    /** `a and b and c` is one node with three operands, as the evaluator wants it. */
    @Override
    public Expr visitAndExpr(AndExprContext ctx) {
        return new Expr.Logical(pos(ctx), true, exprs(chain(ctx, AndExprContext.class, c -> c.left, c -> c.right)));
    }

    @Override
    public Expr visitOrExpr(OrExprContext ctx) {
        return new Expr.Logical(pos(ctx), false, exprs(chain(ctx, OrExprContext.class, c -> c.left, c -> c.right)));
    }

    /** A chain of comparisons, `a < b <= c`, is one node: each operand is evaluated once. */
    @Override
    public Expr visitCompareExpr(CompareExprContext ctx) {
        List<CompareExprContext> links = chain(ctx, CompareExprContext.class, c -> c.left);
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (CompareExprContext link : links) {
            ops.add(link.op.not != null ? "not in" : link.op.is != null ? (link.op.isNot != null ? "is not" : "is")
                    : link.op.op.getText());
            rest.add(expr(link.right));
        }
        return new Expr.Compare(pos(ctx), expr(links.get(0).left), ops, rest);
    }

    /**
     * The operands of a left-leaning chain of one operator, first to last: ANTLR nests
     * `a or b or c` as (a or b) or c, and a parenthesized operand is an atom, so it stays whole.
     */
    private static <C extends ParserRuleContext> List<ParserRuleContext> chain(
            C last, Class<C> kind, Function<C, ParserRuleContext> left, Function<C, ParserRuleContext> right) {
        List<C> links = chain(last, kind, left);
        List<ParserRuleContext> operands = new ArrayList<>();
        operands.add(left.apply(links.get(0)));
        for (C link : links) {
            operands.add(right.apply(link));
        }
        return operands;
    }

    /** The links of such a chain, first to last, found without recursion. */
    private static <C extends ParserRuleContext> List<C> chain(C last, Class<C> kind, Function<C, ParserRuleContext> left) {
        List<C> links = new ArrayList<>();
        for (ParserRuleContext c = last; kind.isInstance(c); c = left.apply(kind.cast(c))) {
            links.add(kind.cast(c));
        }
        Collections.reverse(links);
        return links;
    }

    @Override
    public Expr visitSumExpr(SumExprContext ctx) {
        return new Expr.Binary(pos(ctx), ctx.op.getText(), expr(ctx.left), expr(ctx.right));
    }

    @Override
    public Expr visitProductExpr(ProductExprContext ctx) {
        return new Expr.Binary(pos(ctx), ctx.op.getText(), expr(ctx.left), expr(ctx.right));
    }

    @Override
    public Expr visitUnaryExpr(UnaryExprContext ctx) {
        Expr operand = expr(ctx.operand);
        if (ctx.op.getText().equals("-") && operand instanceof Expr.Literal) {
            Object v = ((Expr.Literal) operand).value();
            // fold -5 so that the most negative long can be written
            if (v instanceof Long) {
                long x = (Long) v; // -(-9223372036854775808) no longer fits a long
                return new Expr.Literal(pos(ctx),
                        x == Long.MIN_VALUE ? (Object) BigInteger.valueOf(x).negate() : (Object) (-x));
            }
            if (v instanceof BigInteger) {
                return new Expr.Literal(pos(ctx), Literals.normalize(((BigInteger) v).negate()));
            }
            if (v instanceof Double) {
                return new Expr.Literal(pos(ctx), -(Double) v);
            }
        }
        return new Expr.Unary(pos(ctx), ctx.op.getText(), operand);
    }

    @Override
    public Expr visitJoinExpr(JoinExprContext ctx) {
        return new Expr.Join(pos(ctx), expr(ctx.operand));
    }

    @Override
    public Expr visitPowerExpr(PowerExprContext ctx) {
        return new Expr.Binary(pos(ctx), "**", expr(ctx.base), expr(ctx.exponent));
    }

    @Override
    public Expr visitPlainArith(PlainArithContext ctx) {
        return expr(ctx.postfix());
    }

    @Override
    public Expr visitAttributeExpr(AttributeExprContext ctx) {
        return new Expr.Attribute(pos(ctx), expr(ctx.target), ctx.name.getText());
    }

    @Override
    public Expr visitCallExpr(CallExprContext ctx) {
        List<Expr> args = new ArrayList<>();
        if (ctx.args != null) {
            args.addAll(exprs(ctx.args.items));
            java.util.Set<String> given = new java.util.HashSet<>();
            for (int i = 0; i < ctx.args.keys.size(); i++) {
                Token key = ctx.args.keys.get(i);
                if (!given.add(key.getText())) {
                    throw new SyntaxError(file, pos(key), "keyword argument '" + key.getText() + "' is given twice");
                }
                args.add(keyword(key, ctx.args.named.get(i)));
            }
        }
        return new Expr.Call(pos(ctx), expr(ctx.callee), args);
    }

    /** A keyword argument the grammar lets through: one that some builtin or handle method takes. */
    private Expr keyword(Token key, ExprContext value) {
        if (!Expr.Keyword.KNOWN.contains(key.getText())) {
            throw new SyntaxError(file, pos(key), "unknown keyword argument '" + key.getText() + "': Par's are "
                    + String.join("=, ", Expr.Keyword.KNOWN) + "=");
        }
        return new Expr.Keyword(pos(key), key.getText(), expr(value));
    }

    @Override
    public Expr visitIndexExpr(IndexExprContext ctx) {
        Expr target = expr(ctx.target);
        SubscriptContext s = ctx.sub;
        if (s.colon != null) {
            return new Expr.Slice(pos(ctx), target, optional(s.lo), optional(s.hi), optional(s.step));
        }
        return new Expr.Index(pos(ctx), target, expr(s.lo));
    }

    private Expr optional(ParseTree t) {
        return t == null ? null : expr(t);
    }

    @Override
    public Expr visitAtomExpr(AtomExprContext ctx) {
        return expr(ctx.atom());
    }

    @Override
    public Expr visitIntAtom(IntAtomContext ctx) {
        return new Expr.Literal(pos(ctx), Literals.parseInt(ctx.value.getText()));
    }

    @Override
    public Expr visitFloatAtom(FloatAtomContext ctx) {
        return new Expr.Literal(pos(ctx), Double.parseDouble(ctx.value.getText().replace("_", "")));
    }

    @Override
    public Expr visitStringAtom(StringAtomContext ctx) {
        try {
            return new Expr.Literal(pos(ctx), Literals.unquote(ctx.value.getText()));
        } catch (IllegalArgumentException e) {
            throw error(ctx.value, e.getMessage());
        }
    }

    @Override
    public Expr visitFStringAtom(FStringAtomContext ctx) {
        return new FStrings(file, ctx.value).parse();
    }

    @Override
    public Expr visitTrueAtom(TrueAtomContext ctx) {
        return new Expr.Literal(pos(ctx), Boolean.TRUE);
    }

    @Override
    public Expr visitFalseAtom(FalseAtomContext ctx) {
        return new Expr.Literal(pos(ctx), Boolean.FALSE);
    }

    @Override
    public Expr visitNilAtom(NilAtomContext ctx) {
        return new Expr.NilLiteral(pos(ctx));
    }

    @Override
    public Expr visitNameAtom(NameAtomContext ctx) {
        return new Expr.Name(pos(ctx), ctx.name.getText());
    }

    @Override
    public Expr visitParenAtom(ParenAtomContext ctx) {
        return items(ctx.items.get(0), ctx.items, ctx.trailing); // placed where its first item starts, as a bare list is
    }

    /** A list literal, or a comprehension when its one item is followed by `for` clauses. */
    @Override
    public Expr visitListAtom(ListAtomContext ctx) {
        if (ctx.clauses.isEmpty()) {
            return new Expr.ListLiteral(pos(ctx), exprs(ctx.items));
        }
        List<Expr.CompClause> clauses = new ArrayList<>();
        for (CompForContext c : ctx.clauses) {
            clauses.add(new Expr.CompClause(pos(c), targets(c.target), expr(c.iter), exprs(c.conds)));
        }
        return new Expr.ListComp(pos(ctx), expr(ctx.items.get(0)), clauses);
    }

    @Override
    public Expr visitMapAtom(MapAtomContext ctx) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (MapEntryContext e : ctx.entries) {
            keys.add(expr(e.key));
            values.add(expr(e.value));
        }
        return new Expr.MapLiteral(pos(ctx), keys, values);
    }

    @Override
    public Expr visitSpawnAtom(SpawnAtomContext ctx) {
        Expr call = expr(ctx.call);
        if (!(call instanceof Expr.Call)) {
            throw error(ctx.call.start, "spawn needs a function call, like spawn f(x)");
        }
        return new Expr.Spawn(pos(ctx), (Expr.Call) call, optional(ctx.alias));
    }

    // ------------------------------------------------------------ positions

    /** From the rule's first token to the end of its last, if that is on the same line. */
    private static Pos pos(ParserRuleContext ctx) {
        Token start = ctx.start;
        Token stop = ctx.stop;
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex() || stop.getLine() != start.getLine()) {
            return new Pos(start.getLine(), start.getCharPositionInLine() + 1);
        }
        return new Pos(start.getLine(), start.getCharPositionInLine() + 1, end(stop));
    }

    private static Pos pos(Token t) {
        return new Pos(t.getLine(), t.getCharPositionInLine() + 1, end(t));
    }

    /** The text of the rule's lines, from the start of its first to the end of its last token. */
    private static String lines(ParserRuleContext ctx) {
        int from = ctx.start.getStartIndex() - ctx.start.getCharPositionInLine();
        return ctx.start.getInputStream().getText(Interval.of(from, ctx.stop.getStopIndex()));
    }

    /** The text of the rule's lines to the end of its last: a lambda's error shows the line it is on whole. */
    private static String wholeLines(ParserRuleContext ctx) {
        String lines = lines(ctx);
        org.antlr.v4.runtime.CharStream in = ctx.start.getInputStream();
        int end = ctx.stop.getStopIndex() + 1;
        while (end < in.size() && in.getText(Interval.of(end, end)).charAt(0) != '\n') {
            end++;
        }
        return lines + in.getText(Interval.of(ctx.stop.getStopIndex() + 1, end - 1));
    }

    /** The column just past token t. */
    private static int end(Token t) {
        return t.getCharPositionInLine() + 1 + t.getText().length();
    }

    private SyntaxError error(Token t, String message) {
        return new SyntaxError(file, pos(t), message);
    }
}
