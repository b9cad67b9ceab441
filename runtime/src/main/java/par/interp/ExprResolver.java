package par.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import par.syntax.Expr;
import par.syntax.SyntaxError;

/**
 * The resolver's half for expressions and assignment targets: turns each into its node,
 * choosing the fast node where the code allows (an int constant operand, a single
 * comparison), and gives comprehension variables slots of their own. Names are placed by
 * {@link Scopes}, spawns and pools are counted by {@link JvmCount}; statements are the
 * {@link Resolver}'s.
 */
final class ExprResolver {
    private final Scopes scopes;
    private final JvmCount jvms;
    private final String file;
    /** The statements' resolver, for a lambda's body. */
    private final Resolver functions;

    ExprResolver(Scopes scopes, JvmCount jvms, String file, Resolver functions) {
        this.scopes = scopes;
        this.jvms = jvms;
        this.file = file;
        this.functions = functions;
    }

    ExprNode[] exprs(List<Expr> list) {
        ExprNode[] out = new ExprNode[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(list.get(i));
        }
        return out;
    }

    ExprNode expr(Expr e) {
        ExprNode node = build(e);
        node.pos = e.pos();
        return node;
    }

    private ExprNode build(Expr e) {
        int line = e.pos().line();
        if (e instanceof Expr.Literal) {
            return new NameNodes.Const(line, ((Expr.Literal) e).value());
        }
        if (e instanceof Expr.NilLiteral) {
            return new NameNodes.Const(line, Nil.NIL);
        }
        if (e instanceof Expr.Name) {
            return scopes.read(line, ((Expr.Name) e).name());
        }
        if (e instanceof Expr.Binary) {
            return binary((Expr.Binary) e);
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            ExprNode operand = expr(u.operand());
            return u.op().equals("-") ? new ArithmeticNodes.Negate(line, operand)
                    : new ArithmeticNodes.Plus(line, operand);
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
            return call((Expr.Call) e, null);
        }
        if (e instanceof Expr.Keyword) { // call() takes keywords apart; anywhere else they have no meaning
            throw new SyntaxError(file, e.pos(), "name= is only for lock(), queue() and the other objects Par makes");
        }
        if (e instanceof Expr.Attribute) {
            Expr.Attribute a = (Expr.Attribute) e;
            return new CallNodes.Attribute(line, expr(a.target()), a.name(), site(line));
        }
        if (e instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) e;
            return new CallNodes.Index(line, expr(i.target()), expr(i.index()), site(line));
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
            return listComp((Expr.ListComp) e, null);
        }
        if (e instanceof Expr.Spawn) {
            jvms.spawn();
            Expr.Spawn s = (Expr.Spawn) e;
            return new ProcessNodes.Spawn(line, expr(s.call().callee()), exprs(s.call().args()), optional(s.alias()),
                    site(line));
        }
        if (e instanceof Expr.Join) {
            return new ProcessNodes.Join(line, expr(((Expr.Join) e).process()), site(line));
        }
        if (e instanceof Expr.Lambda l) {
            return functions.makeFunction(l.def());
        }
        if (e instanceof Expr.FString s) {
            return new FormatNodes.FString(line, exprs(s.parts()));
        }
        if (e instanceof Expr.FormatField x) {
            return new FormatNodes.Field(line, expr(x.value()), x.conversion(), optional(x.spec()));
        }
        throw new IllegalStateException("resolver has no case for " + e.getClass().getSimpleName());
    }

    Target target(Expr t) {
        if (t instanceof Expr.Name) {
            return scopes.target(((Expr.Name) t).name());
        }
        if (t instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) t;
            return new Target.Item(expr(i.target()), expr(i.index()), site(t.pos().line()));
        }
        if (t instanceof Expr.Attribute) {
            Expr.Attribute a = (Expr.Attribute) t;
            return new Target.Attribute(expr(a.target()), a.name(), site(t.pos().line()));
        }
        if (t instanceof Expr.Slice s) {
            return new Target.SliceItem(expr(s.target()), optional(s.lo()), optional(s.hi()), optional(s.step()));
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

    /** The nodes that carry out {@code del}'s targets: a name, an item or a slice each (the builder allows no other). */
    ExprNode[] deletions(List<Expr> targets) {
        ExprNode[] out = new ExprNode[targets.size()];
        for (int i = 0; i < out.length; i++) {
            Expr t = targets.get(i);
            int line = t.pos().line();
            if (t instanceof Expr.Index x) {
                out[i] = new StmtNodes.DeleteItem(line, expr(x.target()), expr(x.index()));
            } else {
                out[i] = new StmtNodes.Unbind(line, t instanceof Expr.Name ? expr(t) : null, target(t));
            }
            out[i].pos = t.pos();
        }
        return out;
    }

    /** file.par:LINE, for saying where a process waits. */
    String site(int line) {
        return file + ":" + line;
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
        Long v = JvmCount.intLiteral(e);
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
     * A call. name: what the object it makes is called if the call makes one ({@code lock()}
     * and the like) and the program did not say (null: nothing to go by); see {@link #named}.
     */
    private ExprNode call(Expr.Call c, ExprNode name) {
        int line = c.pos().line();
        jvms.call(c);
        List<Expr> args = new ArrayList<>();
        Expr.Keyword named = null;
        CallNodes.Keywords keywords = null;
        for (Expr a : c.args()) {
            if (!(a instanceof Expr.Keyword k)) {
                args.add(a);
            } else if (k.name().equals("name")) {
                named = k;
            } else {
                keywords = (keywords == null ? CallNodes.Keywords.NONE : keywords).with(k.name(), expr(k.value()));
            }
        }
        if (c.callee() instanceof Expr.Attribute) {
            Expr.Attribute a = (Expr.Attribute) c.callee();
            if (named != null) {
                throw new SyntaxError(file, named.pos(), "name= is only for lock(), queue() and the other objects Par makes");
            }
            return new CallNodes.MethodCall(line, expr(a.target()), a.name(), exprs(args), keywords, site(line));
        }
        if (named != null) {
            return new CallNodes.NamedCall(line, expr(c.callee()), exprs(args), expr(named.value()), true, keywords);
        }
        if (name != null && c.callee() instanceof Expr.Name n && Builtins.makesObjects(n.name())) {
            return new CallNodes.NamedCall(line, expr(c.callee()), exprs(args), name, false, keywords);
        }
        if (keywords != null) {
            return new CallNodes.NamedCall(line, expr(c.callee()), exprs(args), null, false, keywords);
        }
        return new CallNodes.Call(line, expr(c.callee()), exprs(args));
    }

    /**
     * The value of {@code variable = value}: an object it makes is named after the variable
     * ({@code fork = lock()} is {@code fork}), and one made for a list after its place in it
     * ({@code forks = [lock() for i in range(5)]} makes {@code forks[0]} to {@code forks[4]}).
     */
    ExprNode named(Expr value, String variable) {
        return named(value, new NameNodes.Const(value.pos().line(), variable));
    }

    private ExprNode named(Expr value, ExprNode name) {
        ExprNode node = buildNamed(value, name);
        node.pos = value.pos();
        return node;
    }

    private ExprNode buildNamed(Expr value, ExprNode name) {
        int line = value.pos().line();
        if (value instanceof Expr.Call c) {
            return call(c, name);
        }
        if (value instanceof Expr.ListLiteral l) {
            ExprNode[] items = new ExprNode[l.items().size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = named(l.items().get(i), new CallNodes.ItemName(line, name, new NameNodes.Const(line, (long) i)));
            }
            return new CollectionNodes.ListLiteral(line, items);
        }
        if (value instanceof Expr.ListComp c) {
            return listComp(c, name);
        }
        return expr(value);
    }

    /**
     * Comprehension variables get fresh slots, visible only inside the comprehension. name:
     * the list's name, when the objects its items make are named after their places in it;
     * the place is kept in a slot of its own.
     */
    private ExprNode listComp(Expr.ListComp c, ExprNode name) {
        Scope scope = scopes.current;
        int pushed = 0;
        long outerTimes = jvms.mark();
        try {
            CollectionNodes.Clause[] clauses = new CollectionNodes.Clause[c.clauses().size()];
            for (int i = 0; i < clauses.length; i++) {
                Expr.CompClause clause = c.clauses().get(i);
                ExprNode iter = expr(clause.iter());
                Map<String, Integer> names = new HashMap<>();
                Set<String> targetNames = new LinkedHashSet<>();
                collectNames(clause.target(), targetNames);
                for (String target : targetNames) {
                    names.put(target, scope.newSlot());
                }
                scope.comprehensions.push(names);
                pushed++;
                jvms.repeat(JvmCount.count(clause.iter())); // each clause runs the rest once per item
                clauses[i] = new CollectionNodes.Clause(target(clause.target()), iter, exprs(clause.conds()));
            }
            if (name == null) {
                return new CollectionNodes.ListComp(c.pos().line(), expr(c.element()), clauses, -1);
            }
            int place = scope.newSlot();
            ExprNode item = new CallNodes.ItemName(c.pos().line(), name, new NameNodes.LocalRead(c.pos().line(), place, "?"));
            return new CollectionNodes.ListComp(c.pos().line(), named(c.element(), item), clauses, place);
        } finally {
            for (int i = 0; i < pushed; i++) {
                scope.comprehensions.pop();
            }
            jvms.restore(outerTimes);
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
}
