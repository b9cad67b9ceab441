package par.interp;

import java.util.List;

import par.syntax.Expr;
import par.syntax.Program;
import par.syntax.SourceLines;
import par.syntax.Stmt;
import par.syntax.SyntaxError;

/**
 * Turns the AST into runnable nodes, deciding once, before anything runs, where every name
 * lives: a local slot, a cell shared with an inner function, a captured cell, or a global.
 * Statements in the wrong place ({@code return} outside a function, {@code break} outside a
 * loop) are reported here as located syntax errors. This class resolves statements and
 * functions; {@link ExprResolver} resolves expressions, {@link Scopes} places names, and
 * {@link JvmCount} counts the child JVMs the code may start.
 */
public final class Resolver {
    private final String file;
    private final boolean echo;
    private final Scopes scopes;
    private final JvmCount jvms = new JvmCount();
    private final ExprResolver expressions;

    private Resolver(Globals globals, String file, boolean echo) {
        this.file = file;
        this.echo = echo;
        this.scopes = new Scopes(globals, file);
        this.expressions = new ExprResolver(scopes, jvms, file, this);
    }

    /** The program's top level, ready to run. echo: REPL input, whose expression values are shown. */
    public static TopLevel resolve(Program program, Globals globals, boolean echo) {
        Resolver r = new Resolver(globals, program.file(), echo);
        r.scopes.current = new Scope(null, false);
        StmtNode body = r.block(0, program.body());
        return new TopLevel(program.file(), new SourceLines(program.source(), 1), body, r.scopes.current.size,
                r.jvms.jvms(), r.jvms.pools());
    }

    /**
     * A function on its own, as a child process rebuilds it from its image: the names in
     * freeVars are the cells it captured where it was defined.
     */
    public static FunctionCode resolveFunction(Stmt.Def def, List<String> freeVars, Globals globals) {
        Resolver r = new Resolver(globals, def.file(), false);
        return r.function(def, null, freeVars);
    }

    // ------------------------------------------------------------ statements

    private StmtNodes.Block block(int line, List<Stmt> stmts) {
        StmtNode[] nodes = new StmtNode[stmts.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = stmt(stmts.get(i));
        }
        return new StmtNodes.Block(line, nodes);
    }

    private StmtNode stmt(Stmt s) {
        StmtNode node = build(s);
        node.pos = s.pos();
        return node;
    }

    private StmtNode build(Stmt s) {
        int line = s.pos().line();
        if (s instanceof Stmt.ExprStmt) {
            ExprNode e = expressions.expr(((Stmt.ExprStmt) s).expr());
            return echo && !scope().isFunction && scope().loops == 0 ? new StmtNodes.EchoStmt(line, e)
                    : new StmtNodes.ExprStmt(line, e);
        }
        if (s instanceof Stmt.Assign) {
            return assign((Stmt.Assign) s);
        }
        if (s instanceof Stmt.AugAssign) {
            return augAssign((Stmt.AugAssign) s);
        }
        if (s instanceof Stmt.If) {
            Stmt.If i = (Stmt.If) s;
            ExprNode[] conds = expressions.exprs(i.conds());
            StmtNode[] blocks = new StmtNode[i.blocks().size()];
            for (int k = 0; k < blocks.length; k++) {
                blocks[k] = block(line, i.blocks().get(k));
            }
            return new StmtNodes.If(line, conds, blocks, i.orelse() == null ? null : block(line, i.orelse()));
        }
        if (s instanceof Stmt.While) {
            Stmt.While w = (Stmt.While) s;
            long outer = jvms.mark();
            jvms.repeat(TopLevel.MANY);
            try {
                ExprNode cond = expressions.expr(w.cond());
                return new StmtNodes.While(line, cond, loopBody(line, w.body(), TopLevel.MANY));
            } finally {
                jvms.restore(outer);
            }
        }
        if (s instanceof Stmt.For) {
            Stmt.For f = (Stmt.For) s;
            ExprNode iter = expressions.expr(f.iter());
            return new StmtNodes.For(line, expressions.target(f.target()), iter,
                    loopBody(line, f.body(), JvmCount.count(f.iter())));
        }
        if (s instanceof Stmt.Def) {
            return def((Stmt.Def) s);
        }
        if (s instanceof Stmt.Return) {
            if (!scope().isFunction) {
                throw error(s, "'return' outside a function");
            }
            Stmt.Return r = (Stmt.Return) s;
            return new StmtNodes.Return(line, r.value() == null ? null : expressions.expr(r.value()));
        }
        if (s instanceof Stmt.Break) {
            if (scope().loops == 0) {
                throw error(s, "'break' outside a loop");
            }
            return new StmtNodes.Break(line);
        }
        if (s instanceof Stmt.Continue) {
            if (scope().loops == 0) {
                throw error(s, "'continue' outside a loop");
            }
            return new StmtNodes.Continue(line);
        }
        if (s instanceof Stmt.Pass || s instanceof Stmt.Global) {
            return new StmtNodes.Block(line, new StmtNode[0]);
        }
        if (s instanceof Stmt.Try) {
            Stmt.Try t = (Stmt.Try) s;
            StmtNode body = block(line, t.body());
            Target catchTarget = t.catchName() == null ? null : scopes.target(t.catchName());
            StmtNode handler = t.handler() == null ? null : block(line, t.handler());
            StmtNode cleanup = t.cleanup() == null ? null : block(line, t.cleanup());
            return new StmtNodes.Try(line, body, catchTarget, handler, cleanup);
        }
        if (s instanceof Stmt.Raise) {
            return new StmtNodes.Raise(line, expressions.expr(((Stmt.Raise) s).value()));
        }
        if (s instanceof Stmt.Assert a) {
            return new StmtNodes.Assert(line, expressions.expr(a.cond()),
                    a.message() == null ? null : expressions.expr(a.message()));
        }
        if (s instanceof Stmt.Del d) {
            return new StmtNodes.Del(line, expressions.deletions(d.targets()));
        }
        if (s instanceof Stmt.With) {
            Stmt.With w = (Stmt.With) s;
            ExprNode subject = expressions.expr(w.subject());
            Target target = w.name() == null ? null : scopes.target(w.name());
            return new StmtNodes.With(line, subject, target, block(line, w.body()), expressions.site(line));
        }
        throw new IllegalStateException("resolver has no case for " + s.getClass().getSimpleName());
    }

    /** rounds: how many times the body runs for each time the loop does. */
    private StmtNode loopBody(int line, List<Stmt> body, long rounds) {
        scope().loops++;
        long outer = jvms.mark();
        jvms.repeat(rounds);
        try {
            return block(line, body);
        } finally {
            scope().loops--;
            jvms.restore(outer);
        }
    }

    /**
     * What an object made for this target is called: the variable's name, or for names
     * unpacked from one call's value ({@code r, w = pipe()}) theirs joined by a slash; null for others.
     */
    private static String variables(Expr target, Expr value) {
        if (target instanceof Expr.Name n) {
            return n.name();
        }
        if (value instanceof Expr.Call && target instanceof Expr.ListLiteral l && l.items().stream().allMatch(i -> i instanceof Expr.Name)) {
            return String.join("/", l.items().stream().map(i -> ((Expr.Name) i).name()).toList());
        }
        return null;
    }

    private StmtNode assign(Stmt.Assign a) {
        int line = a.pos().line();
        List<Expr> targets = a.targets();
        String variable = targets.size() == 1 ? variables(targets.get(0), a.value()) : null;
        ExprNode value = variable != null ? expressions.named(a.value(), variable) : expressions.expr(a.value());
        if (targets.size() > 1) {
            Target[] each = new Target[targets.size()];
            for (int i = 0; i < each.length; i++) {
                each[i] = expressions.target(targets.get(i));
            }
            return new StmtNodes.Assign(line, new Target.Each(each), value);
        }
        Target target = expressions.target(targets.get(0));
        if (target instanceof Target.Local && targets.get(0) instanceof Expr.Name) {
            return new StmtNodes.LocalAssign(line, scope().locals.get(((Expr.Name) targets.get(0)).name()), value);
        }
        return new StmtNodes.Assign(line, target, value);
    }

    private StmtNode augAssign(Stmt.AugAssign a) {
        int line = a.pos().line();
        Expr t = a.target();
        if (t instanceof Expr.Name) {
            // x op= v is x = x op v (reading a name twice has no effect of its own), so it gets
            // the same fast nodes as the operator itself: i += 1 adds a constant. Only += and *=
            // with an operand that may be a list need a node of their own (in place, as Python).
            boolean number = a.value() instanceof Expr.Literal
                    && (((Expr.Literal) a.value()).value() instanceof Long || ((Expr.Literal) a.value()).value() instanceof Double);
            boolean mayBeList = a.op().equals("*") || a.op().equals("+") && !number;
            if (!mayBeList) {
                return assign(new Stmt.Assign(a.pos(), List.of(t), new Expr.Binary(a.pos(), a.op(), t, a.value())));
            }
            ExprNode inPlace = new ArithmeticNodes.InPlace(line, a.op().equals("+"), expressions.expr(t),
                    expressions.expr(a.value()));
            Target target = expressions.target(t);
            if (target instanceof Target.Local) {
                return new StmtNodes.LocalAssign(line, scope().locals.get(((Expr.Name) t).name()), inPlace);
            }
            return new StmtNodes.Assign(line, target, inPlace);
        }
        ExprNode value = expressions.expr(a.value());
        if (t instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) t;
            return new StmtNodes.AugItem(line, expressions.expr(i.target()), expressions.expr(i.index()), a.op(),
                    value);
        }
        if (t instanceof Expr.Attribute) {
            Expr.Attribute at = (Expr.Attribute) t;
            return new StmtNodes.AugAttribute(line, expressions.expr(at.target()), at.name(), a.op(), value);
        }
        throw new SyntaxError(file, t.pos(), "cannot assign to this expression"); // the parser lets no other through
    }

    // ------------------------------------------------------------ functions

    private StmtNode def(Stmt.Def d) {
        return new StmtNodes.Def(d.pos().line(), makeFunction(d), scopes.target(d.name()));
    }

    /** The node that makes the function d defines, here: a def's value, or a lambda's. */
    StmtNodes.MakeFunction makeFunction(Stmt.Def d) {
        Scope scope = scope();
        FunctionCode code = function(d, scope, null);
        StmtNodes.CellSource[] captures = new StmtNodes.CellSource[code.freeVars.size()];
        for (int i = 0; i < captures.length; i++) {
            String name = code.freeVars.get(i);
            Integer slot = scope.locals.get(name);
            captures[i] = slot != null && scope.isFunction ? new StmtNodes.CellSource(true, slot)
                    : new StmtNodes.CellSource(false, scope.freeVars.indexOf(name));
        }
        return new StmtNodes.MakeFunction(d.pos().line(), code, captures);
    }

    private FunctionCode function(Stmt.Def d, Scope enclosing, List<String> presetFreeVars) {
        Scope outer = scopes.current;
        long outerTimes = jvms.mark();
        jvms.repeat(TopLevel.MANY); // a function may be called any number of times
        try {
            Scope s = scopes.enterFunction(d, enclosing, presetFreeVars);
            StmtNode body = block(d.pos().line(), d.body());
            return scopes.functionCode(d, s, body, outer);
        } finally {
            scopes.current = outer;
            jvms.restore(outerTimes);
        }
    }

    /** The scope being resolved. */
    private Scope scope() {
        return scopes.current;
    }

    private SyntaxError error(Stmt s, String message) {
        return new SyntaxError(file, s.pos(), message);
    }
}
