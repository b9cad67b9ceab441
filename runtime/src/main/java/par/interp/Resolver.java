package par.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import par.syntax.Expr;
import par.syntax.Program;
import par.syntax.Stmt;
import par.syntax.SyntaxError;

/**
 * Turns the AST into runnable nodes, deciding once, before anything runs, where every name
 * lives: a local slot, a cell shared with an inner function, a captured cell, or a global.
 * Statements in the wrong place ({@code return} outside a function, {@code break} outside a
 * loop) are reported here as located syntax errors.
 */
public final class Resolver {
    private final Globals globals;
    private final String file;
    private final boolean echo;
    private final NameAnalysis analysis = new NameAnalysis();
    private Scope scope;
    /** How many child JVMs the code may start (see {@link TopLevel#jvms}). */
    private int jvms;
    private boolean pools;
    /**
     * How many times the code being resolved runs, as far as it shows: 1 at top level, the
     * product of the loops around it when they go over a literal range or list, and
     * {@link TopLevel#MANY} inside a while loop or a function.
     */
    private long times = 1;

    private Resolver(Globals globals, String file, boolean echo) {
        this.globals = globals;
        this.file = file;
        this.echo = echo;
    }

    /** The program's top level, ready to run. echo: REPL input, whose expression values are shown. */
    public static TopLevel resolve(Program program, Globals globals, boolean echo) {
        Resolver r = new Resolver(globals, program.file(), echo);
        r.scope = new Scope(null, false);
        StmtNode body = r.block(0, program.body());
        return new TopLevel(program.file(), body, r.scope.size, r.jvms, r.pools);
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
        int line = s.pos().line();
        if (s instanceof Stmt.ExprStmt) {
            ExprNode e = expr(((Stmt.ExprStmt) s).expr());
            return echo && !scope.isFunction && scope.loops == 0 ? new StmtNodes.EchoStmt(line, e)
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
            ExprNode[] conds = exprs(i.conds());
            StmtNode[] blocks = new StmtNode[i.blocks().size()];
            for (int k = 0; k < blocks.length; k++) {
                blocks[k] = block(line, i.blocks().get(k));
            }
            return new StmtNodes.If(line, conds, blocks, i.orelse() == null ? null : block(line, i.orelse()));
        }
        if (s instanceof Stmt.While) {
            Stmt.While w = (Stmt.While) s;
            long outer = times;
            times = TopLevel.MANY;
            try {
                ExprNode cond = expr(w.cond());
                return new StmtNodes.While(line, cond, loopBody(line, w.body(), TopLevel.MANY));
            } finally {
                times = outer;
            }
        }
        if (s instanceof Stmt.For) {
            Stmt.For f = (Stmt.For) s;
            ExprNode iter = expr(f.iter());
            return new StmtNodes.For(line, target(f.target()), iter, loopBody(line, f.body(), count(f.iter())));
        }
        if (s instanceof Stmt.Def) {
            return def((Stmt.Def) s);
        }
        if (s instanceof Stmt.Return) {
            if (!scope.isFunction) {
                throw error(s, "'return' outside a function");
            }
            Stmt.Return r = (Stmt.Return) s;
            return new StmtNodes.Return(line, r.value() == null ? null : expr(r.value()));
        }
        if (s instanceof Stmt.Break) {
            if (scope.loops == 0) {
                throw error(s, "'break' outside a loop");
            }
            return new StmtNodes.Break(line);
        }
        if (s instanceof Stmt.Continue) {
            if (scope.loops == 0) {
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
            Target catchTarget = t.catchName() == null ? null : nameTarget(t.catchName());
            StmtNode handler = t.handler() == null ? null : block(line, t.handler());
            StmtNode cleanup = t.cleanup() == null ? null : block(line, t.cleanup());
            return new StmtNodes.Try(line, body, catchTarget, handler, cleanup);
        }
        if (s instanceof Stmt.Raise) {
            return new StmtNodes.Raise(line, expr(((Stmt.Raise) s).value()));
        }
        if (s instanceof Stmt.With) {
            Stmt.With w = (Stmt.With) s;
            ExprNode subject = expr(w.subject());
            Target target = w.name() == null ? null : nameTarget(w.name());
            return new StmtNodes.With(line, subject, target, block(line, w.body()), site(line));
        }
        throw new IllegalStateException("resolver has no case for " + s.getClass().getSimpleName());
    }

    /** rounds: how many times the body runs for each time the loop does. */
    private StmtNode loopBody(int line, List<Stmt> body, long rounds) {
        scope.loops++;
        long outer = times;
        times = times(outer, rounds);
        try {
            return block(line, body);
        } finally {
            scope.loops--;
            times = outer;
        }
    }

    /** How many items a loop's iterable has, when the code spells it out; MANY otherwise. */
    private static long count(Expr iterable) {
        if (iterable instanceof Expr.ListLiteral) {
            return ((Expr.ListLiteral) iterable).items().size();
        }
        if (calls(iterable, "range")) {
            List<Expr> args = ((Expr.Call) iterable).args();
            long[] n = new long[args.size()];
            for (int i = 0; i < n.length; i++) {
                Long v = intLiteral(args.get(i));
                if (v == null) {
                    return TopLevel.MANY;
                }
                n[i] = v;
            }
            try {
                return n.length == 1 ? new Range(0, n[0], 1).length()
                        : n.length == 2 ? new Range(n[0], n[1], 1).length()
                        : n.length == 3 ? new Range(n[0], n[1], n[2]).length() : TopLevel.MANY;
            } catch (ParError e) {
                return TopLevel.MANY; // range(a, b, 0): the error comes when it runs
            }
        }
        return TopLevel.MANY;
    }

    /** An int written out in the code (a literal, perhaps negated), or null. */
    private static Long intLiteral(Expr e) {
        if (e instanceof Expr.Literal && ((Expr.Literal) e).value() instanceof Long) {
            return (Long) ((Expr.Literal) e).value();
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op().equals("-")) {
            Long v = intLiteral(((Expr.Unary) e).operand());
            return v == null || v == Long.MIN_VALUE ? null : -v;
        }
        return null;
    }

    private static long times(long a, long b) {
        return a >= TopLevel.MANY || b >= TopLevel.MANY || (b != 0 && a > TopLevel.MANY / b) ? TopLevel.MANY : a * b;
    }

    /** Notes that the code starts n child JVMs where it stands, once each time it runs. */
    private void startsJvms(int n) {
        jvms = (int) Math.min(TopLevel.MANY, (long) jvms + times(times, n));
    }

    private StmtNode assign(Stmt.Assign a) {
        int line = a.pos().line();
        ExprNode value = expr(a.value());
        List<Expr> targets = a.targets();
        if (targets.size() > 1) {
            Target[] each = new Target[targets.size()];
            for (int i = 0; i < each.length; i++) {
                each[i] = target(targets.get(i));
            }
            return new StmtNodes.Assign(line, new Target.Each(each), value);
        }
        Target target = target(targets.get(0));
        if (target instanceof Target.Local && targets.get(0) instanceof Expr.Name) {
            return new StmtNodes.LocalAssign(line, scope.locals.get(((Expr.Name) targets.get(0)).name()), value);
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
            ExprNode inPlace = new ArithmeticNodes.InPlace(line, a.op().equals("+"), expr(t), expr(a.value()));
            Target target = target(t);
            if (target instanceof Target.Local) {
                return new StmtNodes.LocalAssign(line, scope.locals.get(((Expr.Name) t).name()), inPlace);
            }
            return new StmtNodes.Assign(line, target, inPlace);
        }
        ExprNode value = expr(a.value());
        if (t instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) t;
            return new StmtNodes.AugItem(line, expr(i.target()), expr(i.index()), a.op(), value);
        }
        if (t instanceof Expr.Attribute) {
            Expr.Attribute at = (Expr.Attribute) t;
            return new StmtNodes.AugAttribute(line, expr(at.target()), at.name(), a.op(), value);
        }
        throw new SyntaxError(file, t.pos(), "cannot assign to this expression"); // the parser lets no other through
    }

    // ------------------------------------------------------------ functions

    private StmtNode def(Stmt.Def d) {
        FunctionCode code = function(d, scope, null);
        StmtNodes.CellSource[] captures = new StmtNodes.CellSource[code.freeVars.size()];
        for (int i = 0; i < captures.length; i++) {
            String name = code.freeVars.get(i);
            Integer slot = scope.locals.get(name);
            captures[i] = slot != null && scope.isFunction ? new StmtNodes.CellSource(true, slot)
                    : new StmtNodes.CellSource(false, scope.freeVars.indexOf(name));
        }
        return new StmtNodes.Def(d.pos().line(), code, captures, nameTarget(d.name()));
    }

    private FunctionCode function(Stmt.Def d, Scope enclosing, List<String> presetFreeVars) {
        Scope outer = scope;
        Scope s = new Scope(enclosing, true);
        scope = s;
        long outerTimes = times;
        times = TopLevel.MANY; // a function may be called any number of times
        try {
            s.declaredGlobal.addAll(NameAnalysis.declaredGlobal(d.body()));
            for (String p : d.params()) {
                if (s.declaredGlobal.contains(p)) {
                    throw error(d, "'" + p + "' is both a parameter and declared global");
                }
                s.declareLocal(p);
            }
            for (String name : NameAnalysis.assigned(d.body())) {
                if (!s.declaredGlobal.contains(name)) {
                    s.declareLocal(name);
                }
            }
            if (presetFreeVars != null) {
                s.freeVars.addAll(presetFreeVars);
            } else if (enclosing != null && enclosing.isFunction) {
                for (String name : analysis.freeNames(d)) {
                    if (enclosing.canCapture(name)) {
                        s.freeVars.add(name);
                    }
                }
            }
            if (NameAnalysis.hasNestedDefs(d.body())) {
                Set<String> captured = analysis.capturedByInner(d.body());
                captured.retainAll(s.locals.keySet());
                s.cells.addAll(captured);
            }
            StmtNode body = block(d.pos().line(), d.body());
            int[] cellSlots = new int[s.cells.size()];
            String[] cellNames = new String[s.cells.size()];
            int k = 0;
            for (String name : s.cells) {
                cellNames[k] = name;
                cellSlots[k++] = s.locals.get(name);
            }
            if (outer != null && outer.isFunction) {
                outer.globalsRead.addAll(s.globalsRead); // calling the outer function may call this one
            }
            globals.noteReadByFunction(s.globalsRead);
            return new FunctionCode(d, s.size, cellSlots, cellNames, body, List.copyOf(s.freeVars),
                    s.globalsRead.toArray(new String[0]));
        } finally {
            scope = outer;
            times = outerTimes;
        }
    }

    // ------------------------------------------------------------ names

    private ExprNode read(int line, String name) {
        Integer slot = scope.comprehensionSlot(name);
        if (slot != null) {
            return new NameNodes.LocalRead(line, slot, name);
        }
        if (scope.isFunction && !scope.declaredGlobal.contains(name)) {
            slot = scope.locals.get(name);
            if (slot != null) {
                return scope.cells.contains(name) ? new NameNodes.CellRead(line, slot, name)
                        : new NameNodes.LocalRead(line, slot, name);
            }
            int captured = scope.freeVars.indexOf(name);
            if (captured >= 0) {
                return new NameNodes.CapturedRead(line, captured);
            }
        }
        if (scope.isFunction) {
            scope.globalsRead.add(name);
        }
        return new NameNodes.GlobalRead(line, globals.cell(name), Builtins.get(name));
    }

    private Target nameTarget(String name) {
        Integer slot = scope.comprehensionSlot(name);
        if (slot != null) {
            return new Target.Local(slot);
        }
        if (scope.isFunction && !scope.declaredGlobal.contains(name)) {
            slot = scope.locals.get(name);
            if (slot != null) {
                return scope.cells.contains(name) ? new Target.LocalCell(slot) : new Target.Local(slot);
            }
        }
        return new Target.Global(globals.cell(name));
    }

    private Target target(Expr t) {
        if (t instanceof Expr.Name) {
            return nameTarget(((Expr.Name) t).name());
        }
        if (t instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) t;
            return new Target.Item(expr(i.target()), expr(i.index()));
        }
        if (t instanceof Expr.Attribute) {
            Expr.Attribute a = (Expr.Attribute) t;
            return new Target.Attribute(expr(a.target()), a.name());
        }
        if (t instanceof Expr.ListLiteral) {
            List<Expr> items = ((Expr.ListLiteral) t).items();
            Target[] parts = new Target[items.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = target(items.get(i));
            }
            return new Target.Unpack(parts);
        }
        throw new SyntaxError(file, t.pos(), "cannot assign to this expression");
    }

    // ------------------------------------------------------------ expressions

    private ExprNode[] exprs(List<Expr> list) {
        ExprNode[] out = new ExprNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(list.get(i));
        }
        return out;
    }

    private ExprNode expr(Expr e) {
        int line = e.pos().line();
        if (e instanceof Expr.Literal) {
            return new NameNodes.Const(line, ((Expr.Literal) e).value());
        }
        if (e instanceof Expr.NilLiteral) {
            return new NameNodes.Const(line, Nil.NIL);
        }
        if (e instanceof Expr.Name) {
            return read(line, ((Expr.Name) e).name());
        }
        if (e instanceof Expr.Binary) {
            return binary((Expr.Binary) e);
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            ExprNode operand = expr(u.operand());
            return u.op().equals("-") ? new ArithmeticNodes.Negate(line, operand) : new ArithmeticNodes.Plus(line, operand);
        }
        if (e instanceof Expr.Compare) {
            return compare((Expr.Compare) e);
        }
        if (e instanceof Expr.Logical) {
            Expr.Logical l = (Expr.Logical) e;
            ExprNode[] operands = exprs(l.operands());
            return l.isAnd() ? new LogicNodes.And(line, operands) : new LogicNodes.Or(line, operands);
        }
        if (e instanceof Expr.Not) {
            return new LogicNodes.Not(line, expr(((Expr.Not) e).operand()));
        }
        if (e instanceof Expr.Conditional) {
            Expr.Conditional c = (Expr.Conditional) e;
            return new LogicNodes.Conditional(line, expr(c.cond()), expr(c.then()), expr(c.orelse()));
        }
        if (e instanceof Expr.Call) {
            return call((Expr.Call) e);
        }
        if (e instanceof Expr.Attribute) {
            Expr.Attribute a = (Expr.Attribute) e;
            return new CallNodes.Attribute(line, expr(a.target()), a.name());
        }
        if (e instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) e;
            return new CallNodes.Index(line, expr(i.target()), expr(i.index()));
        }
        if (e instanceof Expr.Slice) {
            Expr.Slice s = (Expr.Slice) e;
            return new CallNodes.Slice(line, expr(s.target()), optional(s.lo()), optional(s.hi()), optional(s.step()));
        }
        if (e instanceof Expr.ListLiteral) {
            return new CollectionNodes.ListLiteral(line, exprs(((Expr.ListLiteral) e).items()));
        }
        if (e instanceof Expr.MapLiteral) {
            Expr.MapLiteral m = (Expr.MapLiteral) e;
            return new CollectionNodes.MapLiteral(line, exprs(m.keys()), exprs(m.values()));
        }
        if (e instanceof Expr.ListComp) {
            return listComp((Expr.ListComp) e);
        }
        if (e instanceof Expr.Spawn) {
            startsJvms(1);
            Expr.Spawn s = (Expr.Spawn) e;
            return new ProcessNodes.Spawn(line, expr(s.call().callee()), exprs(s.call().args()), optional(s.alias()),
                    site(line));
        }
        if (e instanceof Expr.Join) {
            return new ProcessNodes.Join(line, expr(((Expr.Join) e).process()), site(line));
        }
        throw new IllegalStateException("resolver has no case for " + e.getClass().getSimpleName());
    }

    private ExprNode optional(Expr e) {
        return e == null ? null : expr(e);
    }

    private ExprNode binary(Expr.Binary b) {
        int line = b.pos().line();
        ExprNode left = expr(b.left());
        Long constant = smallIntConstant(b.right());
        if (constant != null) {
            switch (b.op()) {
                case "+": return new ArithmeticNodes.AddConst(line, left, constant, false);
                case "-": return new ArithmeticNodes.AddConst(line, left, -constant, true);
                case "%": if (constant > 0) return new ArithmeticNodes.ModConst(line, left, constant); break;
                default: break;
            }
        }
        ExprNode right = expr(b.right());
        switch (b.op()) {
            case "+": return new ArithmeticNodes.IntOp(line, '+', left, right);
            case "-": return new ArithmeticNodes.IntOp(line, '-', left, right);
            case "*": return new ArithmeticNodes.IntOp(line, '*', left, right);
            case "%": return new ArithmeticNodes.Modulo(line, left, right);
            case "//": return new ArithmeticNodes.FloorDivide(line, left, right);
            case "/": return new ArithmeticNodes.TrueDivide(line, left, right);
            default: return new ArithmeticNodes.Arithmetic(line, b.op(), left, right);
        }
    }

    /** An int literal small enough that negating it cannot overflow, or null. */
    private static Long smallIntConstant(Expr e) {
        Long v = intLiteral(e);
        return v != null && v > Long.MIN_VALUE ? v : null;
    }

    private ExprNode compare(Expr.Compare c) {
        int line = c.pos().line();
        List<Expr> operands = new ArrayList<>();
        operands.add(c.first());
        operands.addAll(c.rest());
        Comparison[] ops = new Comparison[c.ops().size()];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = Comparison.of(c.ops().get(i));
        }
        if (ops.length == 1 && ops[0] != Comparison.IN && ops[0] != Comparison.NOT_IN) {
            Long constant = smallIntConstant(c.rest().get(0));
            if (constant != null) {
                return new LogicNodes.CompareConst(line, ops[0], expr(c.first()), constant);
            }
        }
        ExprNode[] nodes = exprs(operands);
        if (ops.length == 1) {
            return new LogicNodes.Compare(line, ops[0], nodes[0], nodes[1]);
        }
        return new LogicNodes.ChainCompare(line, ops, nodes);
    }

    /**
     * How many workers a pool(...) call starts, when its arguments say: pool() and
     * pool(cpu_count()) make one per core.
     */
    private static int poolSize(List<Expr> args) {
        if (args.isEmpty() || args.size() == 1 && calls(args.get(0), "cpu_count")
                && ((Expr.Call) args.get(0)).args().isEmpty()) {
            return Runtime.getRuntime().availableProcessors(); // what cpu_count() answers
        }
        Long n = args.size() == 1 ? intLiteral(args.get(0)) : null;
        return n == null ? TopLevel.MANY : (int) Math.max(0, Math.min(TopLevel.MANY, n)); // pool(-1) fails when it runs
    }

    /** e is a call of the function named name, as written (a global of that name may hide the builtin). */
    private static boolean calls(Expr e, String name) {
        return e instanceof Expr.Call && ((Expr.Call) e).callee() instanceof Expr.Name
                && ((Expr.Name) ((Expr.Call) e).callee()).name().equals(name);
    }

    private ExprNode call(Expr.Call c) {
        int line = c.pos().line();
        if (calls(c, "pool")) {
            pools = true;
            startsJvms(poolSize(c.args()));
        }
        if (c.callee() instanceof Expr.Attribute) {
            Expr.Attribute a = (Expr.Attribute) c.callee();
            return new CallNodes.MethodCall(line, expr(a.target()), a.name(), exprs(c.args()), site(line));
        }
        return new CallNodes.Call(line, expr(c.callee()), exprs(c.args()));
    }

    /** Comprehension variables get fresh slots, visible only inside the comprehension. */
    private ExprNode listComp(Expr.ListComp c) {
        int pushed = 0;
        long outerTimes = times;
        try {
            CollectionNodes.Clause[] clauses = new CollectionNodes.Clause[c.clauses().size()];
            for (int i = 0; i < clauses.length; i++) {
                Expr.CompClause clause = c.clauses().get(i);
                ExprNode iter = expr(clause.iter());
                Map<String, Integer> names = new HashMap<>();
                Set<String> targetNames = new java.util.LinkedHashSet<>();
                collectNames(clause.target(), targetNames);
                for (String name : targetNames) {
                    names.put(name, scope.newSlot());
                }
                scope.comprehensions.push(names);
                pushed++;
                times = times(times, count(clause.iter())); // each clause runs the rest once per item
                clauses[i] = new CollectionNodes.Clause(target(clause.target()), iter, exprs(clause.conds()));
            }
            return new CollectionNodes.ListComp(c.pos().line(), expr(c.element()), clauses);
        } finally {
            for (int i = 0; i < pushed; i++) {
                scope.comprehensions.pop();
            }
            times = outerTimes;
        }
    }

    private static void collectNames(Expr target, Set<String> out) {
        if (target instanceof Expr.Name) {
            out.add(((Expr.Name) target).name());
        } else if (target instanceof Expr.ListLiteral) {
            for (Expr item : ((Expr.ListLiteral) target).items()) {
                collectNames(item, out);
            }
        }
    }

    /** file.par:LINE, for saying where a process waits. */
    private String site(int line) {
        return file + ":" + line;
    }

    private SyntaxError error(Stmt s, String message) {
        return new SyntaxError(file, s.pos(), message);
    }
}
