package par.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import par.syntax.Expr;
import par.syntax.Stmt;

/**
 * Which names a function assigns (its locals), declares global, and uses from outside
 * (its free names). Only needed where functions nest, so that a variable an inner function
 * captures can live in a shared cell.
 */
final class NameAnalysis {
    private final Map<Stmt.Def, Set<String>> freeNames = new IdentityHashMap<>();

    /** Names assigned directly in this body (not in nested functions, not comprehension variables). */
    static Set<String> assigned(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        for (Object node : shallowNodes(body)) {
            if (node instanceof Stmt.Assign) {
                for (Expr t : ((Stmt.Assign) node).targets()) {
                    targetNames(t, out);
                }
            } else if (node instanceof Stmt.AugAssign) {
                targetNames(((Stmt.AugAssign) node).target(), out);
            } else if (node instanceof Stmt.For) {
                targetNames(((Stmt.For) node).target(), out);
            } else if (node instanceof Stmt.Del) {
                for (Expr t : ((Stmt.Del) node).targets()) {
                    targetNames(t, out); // del x makes x local, as in Python
                }
            } else if (node instanceof Stmt.Def) {
                out.add(((Stmt.Def) node).name());
            } else if (node instanceof Stmt.Try && ((Stmt.Try) node).catchName() != null) {
                out.add(((Stmt.Try) node).catchName());
            } else if (node instanceof Stmt.With && ((Stmt.With) node).name() != null) {
                out.add(((Stmt.With) node).name());
            }
        }
        return out;
    }

    static Set<String> declaredGlobal(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        for (Object node : shallowNodes(body)) {
            if (node instanceof Stmt.Global) {
                out.addAll(((Stmt.Global) node).names());
            }
        }
        return out;
    }

    private static void targetNames(Expr target, Set<String> out) {
        if (target instanceof Expr.Name) {
            out.add(((Expr.Name) target).name());
        } else if (target instanceof Expr.ListLiteral) {
            for (Expr item : ((Expr.ListLiteral) target).items()) {
                targetNames(item, out);
            }
        }
    }

    static boolean hasNestedDefs(List<Stmt> body) {
        for (Object node : shallowNodes(body)) {
            if (nestedDef(node) != null) {
                return true;
            }
        }
        return false;
    }

    /** The function a node defines: a def's own, a lambda's; null for any other node. */
    private static Stmt.Def nestedDef(Object node) {
        return node instanceof Stmt.Def d ? d : node instanceof Expr.Lambda l ? l.def() : null;
    }

    /** Names used in def (or in functions inside it) that are neither its locals nor declared global. */
    Set<String> freeNames(Stmt.Def def) {
        Set<String> cached = freeNames.get(def);
        if (cached != null) {
            return cached;
        }
        Set<String> bound = assigned(def.body());
        bound.addAll(def.params());
        bound.addAll(declaredGlobal(def.body()));
        Set<String> free = new LinkedHashSet<>();
        for (Object node : shallowNodes(def.body())) {
            if (node instanceof Expr.Name) {
                free.add(((Expr.Name) node).name());
            } else if (nestedDef(node) != null) {
                free.addAll(freeNames(nestedDef(node)));
            }
        }
        free.removeAll(bound);
        freeNames.put(def, free);
        return free;
    }

    /** Names that functions defined directly in this body capture from it. */
    Set<String> capturedByInner(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        for (Object node : shallowNodes(body)) {
            if (nestedDef(node) != null) {
                out.addAll(freeNames(nestedDef(node)));
            }
        }
        return out;
    }

    /**
     * Every statement and expression in body, but not the bodies of nested defs. A list rather
     * than a callback: this runs in every child JVM, where a lambda's first use costs more
     * than the whole walk.
     */
    static List<Object> shallowNodes(List<Stmt> body) {
        List<Object> out = new ArrayList<>();
        for (Stmt s : body) {
            walk(s, out);
        }
        return out;
    }

    private static void walk(Object node, List<Object> out) {
        if (node == null) {
            return;
        }
        if (node instanceof List) {
            for (Object item : (List<?>) node) {
                walk(item, out);
            }
            return;
        }
        out.add(node);
        if (nestedDef(node) != null) {
            return;
        }
        for (Object child : children(node)) {
            walk(child, out);
        }
    }

    /** The sub-statements, sub-expressions and blocks of one node (nulls allowed). */
    private static List<Object> children(Object n) {
        if (n instanceof Stmt.ExprStmt) {
            return List.of(((Stmt.ExprStmt) n).expr());
        } else if (n instanceof Stmt.Assign) {
            Stmt.Assign a = (Stmt.Assign) n;
            return List.of(a.targets(), a.value());
        } else if (n instanceof Stmt.AugAssign) {
            Stmt.AugAssign a = (Stmt.AugAssign) n;
            return List.of(a.target(), a.value());
        } else if (n instanceof Stmt.If) {
            Stmt.If s = (Stmt.If) n;
            return listOf(s.conds(), s.blocks(), s.orelse());
        } else if (n instanceof Stmt.While) {
            return List.of(((Stmt.While) n).cond(), ((Stmt.While) n).body());
        } else if (n instanceof Stmt.For) {
            Stmt.For s = (Stmt.For) n;
            return List.of(s.target(), s.iter(), s.body());
        } else if (n instanceof Stmt.Return) {
            return listOf(((Stmt.Return) n).value());
        } else if (n instanceof Stmt.Try) {
            Stmt.Try s = (Stmt.Try) n;
            return listOf(s.body(), s.handler(), s.cleanup());
        } else if (n instanceof Stmt.Raise) {
            return List.of(((Stmt.Raise) n).value());
        } else if (n instanceof Stmt.Assert) {
            return listOf(((Stmt.Assert) n).cond(), ((Stmt.Assert) n).message());
        } else if (n instanceof Stmt.With) {
            return List.of(((Stmt.With) n).subject(), ((Stmt.With) n).body());
        } else if (n instanceof Expr.Unary) {
            return List.of(((Expr.Unary) n).operand());
        } else if (n instanceof Expr.Binary) {
            return List.of(((Expr.Binary) n).left(), ((Expr.Binary) n).right());
        } else if (n instanceof Expr.Compare) {
            return List.of(((Expr.Compare) n).first(), ((Expr.Compare) n).rest());
        } else if (n instanceof Expr.Logical) {
            return List.of(((Expr.Logical) n).operands());
        } else if (n instanceof Expr.Not) {
            return List.of(((Expr.Not) n).operand());
        } else if (n instanceof Expr.Conditional) {
            Expr.Conditional c = (Expr.Conditional) n;
            return List.of(c.cond(), c.then(), c.orelse());
        } else if (n instanceof Expr.Call) {
            return List.of(((Expr.Call) n).callee(), ((Expr.Call) n).args());
        } else if (n instanceof Expr.Attribute) {
            return List.of(((Expr.Attribute) n).target());
        } else if (n instanceof Expr.Index) {
            return List.of(((Expr.Index) n).target(), ((Expr.Index) n).index());
        } else if (n instanceof Expr.Slice) {
            Expr.Slice s = (Expr.Slice) n;
            return listOf(s.target(), s.lo(), s.hi(), s.step());
        } else if (n instanceof Expr.ListLiteral) {
            return List.of(((Expr.ListLiteral) n).items());
        } else if (n instanceof Expr.MapLiteral) {
            return List.of(((Expr.MapLiteral) n).keys(), ((Expr.MapLiteral) n).values());
        } else if (n instanceof Expr.ListComp) {
            return List.of(((Expr.ListComp) n).element(), ((Expr.ListComp) n).clauses());
        } else if (n instanceof Expr.CompClause) {
            Expr.CompClause c = (Expr.CompClause) n;
            return List.of(c.iter(), c.conds());
        } else if (n instanceof Expr.Spawn) {
            return listOf(((Expr.Spawn) n).call(), ((Expr.Spawn) n).alias());
        } else if (n instanceof Expr.Join) {
            return List.of(((Expr.Join) n).process());
        } else if (n instanceof Stmt.Del) {
            return List.of(((Stmt.Del) n).targets());
        } else if (n instanceof Expr.FString) {
            return List.of(((Expr.FString) n).parts());
        } else if (n instanceof Expr.FormatField) {
            return listOf(((Expr.FormatField) n).value(), ((Expr.FormatField) n).spec());
        }
        return List.of();
    }

    private static List<Object> listOf(Object... items) {
        return java.util.Arrays.asList(items);
    }
}
