package par.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import par.interp.Cell;
import par.interp.Function;
import par.interp.ParError;
import par.syntax.Expr;
import par.syntax.Pos;
import par.syntax.Stmt;

/**
 * The wire form of functions, for {@link Codec}: a function travels as the tree of its
 * definition and its captured values, and the tree is written and read here, both ways. Which
 * AST records there are (a record's place in {@link #TYPES} is its number on the wire), the parts
 * each one is made of, in the order of its components, and how each is made again from its
 * parts are written out rather than found by reflection, whose first uses cost every JVM
 * generated classes or method handles: tens of milliseconds for a program of 40 functions, in
 * each child and in every run that reads a cached parse. {@code AstFormTest} checks all of it
 * against the records themselves.
 */
public final class AstForm {
    // tree tags, for the AST inside a function
    static final byte T_NULL = 20, T_STR = 21, T_I32 = 22, T_LONG = 23, T_BIG = 24, T_DOUBLE = 25,
            T_BOOL = 26, T_LIST = 27, T_RECORD = 28;
    static final List<Class<?>> TYPES = List.of(Pos.class, Expr.Literal.class,
            Expr.NilLiteral.class, Expr.Name.class, Expr.Unary.class, Expr.Binary.class, Expr.Compare.class,
            Expr.Logical.class, Expr.Not.class, Expr.Conditional.class, Expr.Call.class, Expr.Attribute.class,
            Expr.Index.class, Expr.Slice.class, Expr.ListLiteral.class, Expr.MapLiteral.class,
            Expr.ListComp.class, Expr.CompClause.class, Expr.Spawn.class, Expr.Join.class,
            Stmt.ExprStmt.class, Stmt.Assign.class, Stmt.AugAssign.class, Stmt.If.class, Stmt.While.class,
            Stmt.For.class, Stmt.Def.class, Stmt.Return.class, Stmt.Break.class, Stmt.Continue.class,
            Stmt.Pass.class, Stmt.Global.class, Stmt.Try.class, Stmt.Raise.class, Stmt.With.class,
            Stmt.Assert.class, Expr.Keyword.class, Expr.Lambda.class, Expr.FString.class, Expr.FormatField.class,
            Stmt.Del.class);
    private static final Map<Class<?>, Integer> INDEX = new HashMap<>();
    /** A function definition's number on the wire, and the place of its file among its parts. */
    public static final int DEF = TYPES.indexOf(Stmt.Def.class), DEF_FILE = 1;

    static {
        for (int i = 0; i < TYPES.size(); i++) {
            INDEX.put(TYPES.get(i), i);
        }
    }

    private AstForm() {
    }

    /** The record's number on the wire, or -1 if it is not an AST record. */
    public static int index(Object node) {
        Integer i = INDEX.get(node.getClass());
        return i == null ? -1 : i;
    }

    /** A record's components, in order. */
    public static Object[] parts(Object n) {
        if (n instanceof Pos p) return a(p.line(), p.col(), p.endCol());
        if (n instanceof Expr.Literal e) return a(e.pos(), e.value());
        if (n instanceof Expr.NilLiteral e) return a(e.pos());
        if (n instanceof Expr.Name e) return a(e.pos(), e.name());
        if (n instanceof Expr.Unary e) return a(e.pos(), e.op(), e.operand());
        if (n instanceof Expr.Binary e) return a(e.pos(), e.op(), e.left(), e.right());
        if (n instanceof Expr.Compare e) return a(e.pos(), e.first(), e.ops(), e.rest());
        if (n instanceof Expr.Logical e) return a(e.pos(), e.isAnd(), e.operands());
        if (n instanceof Expr.Not e) return a(e.pos(), e.operand());
        if (n instanceof Expr.Conditional e) return a(e.pos(), e.cond(), e.then(), e.orelse());
        if (n instanceof Expr.Call e) return a(e.pos(), e.callee(), e.args());
        if (n instanceof Expr.Keyword e) return a(e.pos(), e.name(), e.value());
        if (n instanceof Expr.Attribute e) return a(e.pos(), e.target(), e.name());
        if (n instanceof Expr.Index e) return a(e.pos(), e.target(), e.index());
        if (n instanceof Expr.Slice e) return a(e.pos(), e.target(), e.lo(), e.hi(), e.step());
        if (n instanceof Expr.ListLiteral e) return a(e.pos(), e.items());
        if (n instanceof Expr.MapLiteral e) return a(e.pos(), e.keys(), e.values());
        if (n instanceof Expr.ListComp e) return a(e.pos(), e.element(), e.clauses());
        if (n instanceof Expr.CompClause e) return a(e.pos(), e.target(), e.iter(), e.conds());
        if (n instanceof Expr.Spawn e) return a(e.pos(), e.call(), e.alias());
        if (n instanceof Expr.Join e) return a(e.pos(), e.process());
        if (n instanceof Expr.Lambda e) return a(e.pos(), e.def());
        if (n instanceof Expr.FString e) return a(e.pos(), e.parts());
        if (n instanceof Expr.FormatField e) return a(e.pos(), e.value(), e.conversion(), e.spec());
        if (n instanceof Stmt.Del s) return a(s.pos(), s.targets());
        if (n instanceof Stmt.ExprStmt s) return a(s.pos(), s.expr());
        if (n instanceof Stmt.Assign s) return a(s.pos(), s.targets(), s.value());
        if (n instanceof Stmt.AugAssign s) return a(s.pos(), s.target(), s.op(), s.value());
        if (n instanceof Stmt.If s) return a(s.pos(), s.conds(), s.blocks(), s.orelse());
        if (n instanceof Stmt.While s) return a(s.pos(), s.cond(), s.body());
        if (n instanceof Stmt.For s) return a(s.pos(), s.target(), s.iter(), s.body());
        if (n instanceof Stmt.Def s) return a(s.pos(), s.file(), s.name(), s.params(), s.body(), s.text());
        if (n instanceof Stmt.Return s) return a(s.pos(), s.value());
        if (n instanceof Stmt.Break s) return a(s.pos());
        if (n instanceof Stmt.Continue s) return a(s.pos());
        if (n instanceof Stmt.Pass s) return a(s.pos());
        if (n instanceof Stmt.Global s) return a(s.pos(), s.names());
        if (n instanceof Stmt.Try s) return a(s.pos(), s.body(), s.catchName(), s.handler(), s.cleanup());
        if (n instanceof Stmt.Raise s) return a(s.pos(), s.value());
        if (n instanceof Stmt.Assert s) return a(s.pos(), s.cond(), s.message());
        if (n instanceof Stmt.With s) return a(s.pos(), s.subject(), s.name(), s.body());
        throw new IllegalStateException("no wire form for " + n.getClass());
    }

    private static Object[] a(Object... parts) {
        return parts;
    }

    /**
     * The record numbered index, made from its parts. A part of the wrong kind fails with a
     * ClassCastException; a wrong number of parts, with null.
     */
    @SuppressWarnings("unchecked")
    public static Object make(int index, Object[] p) {
        Class<?> t = TYPES.get(index);
        int n = p.length;
        if (t == Pos.class && n == 3) return new Pos((Integer) p[0], (Integer) p[1], (Integer) p[2]);
        if (t == Expr.Literal.class && n == 2) return new Expr.Literal((Pos) p[0], p[1]);
        if (t == Expr.NilLiteral.class && n == 1) return new Expr.NilLiteral((Pos) p[0]);
        if (t == Expr.Name.class && n == 2) return new Expr.Name((Pos) p[0], (String) p[1]);
        if (t == Expr.Unary.class && n == 3) return new Expr.Unary((Pos) p[0], (String) p[1], (Expr) p[2]);
        if (t == Expr.Binary.class && n == 4) {
            return new Expr.Binary((Pos) p[0], (String) p[1], (Expr) p[2], (Expr) p[3]);
        }
        if (t == Expr.Compare.class && n == 4) {
            return new Expr.Compare((Pos) p[0], (Expr) p[1], (List<String>) p[2], (List<Expr>) p[3]);
        }
        if (t == Expr.Logical.class && n == 3) return new Expr.Logical((Pos) p[0], (Boolean) p[1], (List<Expr>) p[2]);
        if (t == Expr.Not.class && n == 2) return new Expr.Not((Pos) p[0], (Expr) p[1]);
        if (t == Expr.Conditional.class && n == 4) {
            return new Expr.Conditional((Pos) p[0], (Expr) p[1], (Expr) p[2], (Expr) p[3]);
        }
        if (t == Expr.Call.class && n == 3) return new Expr.Call((Pos) p[0], (Expr) p[1], (List<Expr>) p[2]);
        if (t == Expr.Keyword.class && n == 3) return new Expr.Keyword((Pos) p[0], (String) p[1], (Expr) p[2]);
        if (t == Expr.Attribute.class && n == 3) return new Expr.Attribute((Pos) p[0], (Expr) p[1], (String) p[2]);
        if (t == Expr.Index.class && n == 3) return new Expr.Index((Pos) p[0], (Expr) p[1], (Expr) p[2]);
        if (t == Expr.Slice.class && n == 5) {
            return new Expr.Slice((Pos) p[0], (Expr) p[1], (Expr) p[2], (Expr) p[3], (Expr) p[4]);
        }
        if (t == Expr.ListLiteral.class && n == 2) return new Expr.ListLiteral((Pos) p[0], (List<Expr>) p[1]);
        if (t == Expr.MapLiteral.class && n == 3) {
            return new Expr.MapLiteral((Pos) p[0], (List<Expr>) p[1], (List<Expr>) p[2]);
        }
        if (t == Expr.ListComp.class && n == 3) {
            return new Expr.ListComp((Pos) p[0], (Expr) p[1], (List<Expr.CompClause>) p[2]);
        }
        if (t == Expr.CompClause.class && n == 4) {
            return new Expr.CompClause((Pos) p[0], (Expr) p[1], (Expr) p[2], (List<Expr>) p[3]);
        }
        if (t == Expr.Spawn.class && n == 3) return new Expr.Spawn((Pos) p[0], (Expr.Call) p[1], (Expr) p[2]);
        if (t == Expr.Join.class && n == 2) return new Expr.Join((Pos) p[0], (Expr) p[1]);
        if (t == Expr.Lambda.class && n == 2) return new Expr.Lambda((Pos) p[0], (Stmt.Def) p[1]);
        if (t == Expr.FString.class && n == 2) return new Expr.FString((Pos) p[0], (List<Expr>) p[1]);
        if (t == Expr.FormatField.class && n == 4) {
            return new Expr.FormatField((Pos) p[0], (Expr) p[1], (String) p[2], (Expr) p[3]);
        }
        if (t == Stmt.Del.class && n == 2) return new Stmt.Del((Pos) p[0], (List<Expr>) p[1]);
        if (t == Stmt.ExprStmt.class && n == 2) return new Stmt.ExprStmt((Pos) p[0], (Expr) p[1]);
        if (t == Stmt.Assign.class && n == 3) return new Stmt.Assign((Pos) p[0], (List<Expr>) p[1], (Expr) p[2]);
        if (t == Stmt.AugAssign.class && n == 4) {
            return new Stmt.AugAssign((Pos) p[0], (Expr) p[1], (String) p[2], (Expr) p[3]);
        }
        if (t == Stmt.If.class && n == 4) {
            return new Stmt.If((Pos) p[0], (List<Expr>) p[1], (List<List<Stmt>>) p[2], (List<Stmt>) p[3]);
        }
        if (t == Stmt.While.class && n == 3) return new Stmt.While((Pos) p[0], (Expr) p[1], (List<Stmt>) p[2]);
        if (t == Stmt.For.class && n == 4) {
            return new Stmt.For((Pos) p[0], (Expr) p[1], (Expr) p[2], (List<Stmt>) p[3]);
        }
        if (t == Stmt.Def.class && n == 6) {
            return new Stmt.Def((Pos) p[0], (String) p[1], (String) p[2], (List<String>) p[3], (List<Stmt>) p[4],
                    (String) p[5]);
        }
        if (t == Stmt.Return.class && n == 2) return new Stmt.Return((Pos) p[0], (Expr) p[1]);
        if (t == Stmt.Break.class && n == 1) return new Stmt.Break((Pos) p[0]);
        if (t == Stmt.Continue.class && n == 1) return new Stmt.Continue((Pos) p[0]);
        if (t == Stmt.Pass.class && n == 1) return new Stmt.Pass((Pos) p[0]);
        if (t == Stmt.Global.class && n == 2) return new Stmt.Global((Pos) p[0], (List<String>) p[1]);
        if (t == Stmt.Try.class && n == 5) {
            return new Stmt.Try((Pos) p[0], (List<Stmt>) p[1], (String) p[2], (List<Stmt>) p[3], (List<Stmt>) p[4]);
        }
        if (t == Stmt.Raise.class && n == 2) return new Stmt.Raise((Pos) p[0], (Expr) p[1]);
        if (t == Stmt.Assert.class && n == 3) return new Stmt.Assert((Pos) p[0], (Expr) p[1], (Expr) p[2]);
        if (t == Stmt.With.class && n == 4) {
            return new Stmt.With((Pos) p[0], (Expr) p[1], (String) p[2], (List<Stmt>) p[3]);
        }
        return null;
    }

    // ================================================================= writing

    /** A function: the tree of its definition, then each captured name and value. */
    static void writeFunction(Codec.Writer w, Function f, int depth) {
        w.b(Codec.FUNCTION);
        writeTree(w, f.code().def, 0);
        Cell[] captured = f.captured();
        w.i32(captured.length);
        for (int i = 0; i < captured.length; i++) {
            w.str(f.code().freeVars.get(i));
            w.value(captured[i].value, depth + 1);
        }
    }

    /** An AST node, or a part of one: a string, a number, a flag, a list, or another record. */
    public static void writeTree(Codec.Writer w, Object node, int depth) {
        if (depth > Codec.MAX_DEPTH * 4) {
            throw new ParError("function is nested too deeply to send to another process");
        }
        if (node == null) {
            w.b(T_NULL);
        } else if (node instanceof String) {
            w.b(T_STR);
            w.str((String) node);
        } else if (node instanceof Integer) {
            w.b(T_I32);
            w.i32((Integer) node);
        } else if (node instanceof Long) {
            w.b(T_LONG);
            w.i64((Long) node);
        } else if (node instanceof BigInteger) {
            w.b(T_BIG);
            w.bytes(((BigInteger) node).toByteArray());
        } else if (node instanceof Double) {
            w.b(T_DOUBLE);
            w.i64(Double.doubleToRawLongBits((Double) node));
        } else if (node instanceof Boolean) {
            w.b(T_BOOL);
            w.b((Boolean) node ? 1 : 0);
        } else if (node instanceof List) {
            List<?> items = (List<?>) node;
            w.b(T_LIST);
            w.i32(items.size());
            for (Object item : items) {
                writeTree(w, item, depth + 1);
            }
        } else {
            writeRecord(w, node, depth);
        }
    }

    private static void writeRecord(Codec.Writer w, Object node, int depth) {
        int index = index(node);
        if (index < 0) {
            throw new IllegalStateException("no wire form for " + node.getClass());
        }
        Object[] parts = parts(node);
        w.b(T_RECORD);
        w.b(index);
        w.b(parts.length);
        for (Object part : parts) {
            writeTree(w, part, depth + 1);
        }
    }

    // ================================================================= reading

    /** What {@link #writeFunction} wrote (after its tag), made live by the reader's receiver. */
    static Object readFunction(Codec.Reader r, int depth) {
        Object def = readTree(r, 0);
        if (!(def instanceof Stmt.Def)) {
            throw new WireException("malformed value: a function without a definition");
        }
        int n = r.count();
        List<String> names = new ArrayList<>(n);
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            String name = r.str();
            names.add(name);
            cells[i] = new Cell(name, r.value(depth + 1));
        }
        return r.receiver.function((Stmt.Def) def, names, cells);
    }

    /** What {@link #writeTree} wrote. */
    public static Object readTree(Codec.Reader r, int depth) {
        if (depth > Codec.MAX_DEPTH * 4) {
            throw new WireException("malformed function: nested too deeply");
        }
        int tag = r.b();
        switch (tag) {
            case T_NULL: return null;
            case T_STR: return r.str();
            case T_I32: return r.i32();
            case T_LONG: return r.i64();
            case T_BIG: return new BigInteger(Codec.Reader.nonEmpty(r.bytes()));
            case T_DOUBLE: return Double.longBitsToDouble(r.i64());
            case T_BOOL: return r.b() != 0;
            case T_LIST: {
                int n = r.count();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(readTree(r, depth + 1));
                }
                return List.copyOf(nonNull(items));
            }
            case T_RECORD: return readRecord(r, depth);
            default: throw new WireException("malformed function: unknown tag " + tag);
        }
    }

    private static List<Object> nonNull(List<Object> items) {
        for (Object o : items) {
            if (o == null) {
                throw new WireException("malformed function: a missing list item");
            }
        }
        return items;
    }

    private static Object readRecord(Codec.Reader r, int depth) {
        int index = r.b();
        if (index < 0 || index >= TYPES.size()) {
            throw new WireException("malformed function: unknown node " + index);
        }
        int count = r.b();
        if (count < 0) {
            throw new WireException("malformed function: a node of " + count + " parts");
        }
        Object[] parts = new Object[count];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = readTree(r, depth + 1);
        }
        if (r.file != null && index == DEF && count > DEF_FILE) {
            parts[DEF_FILE] = r.file;
        }
        Object node;
        try {
            node = make(index, parts);
        } catch (ClassCastException | NullPointerException e) {
            node = null;
        }
        if (node == null) {
            throw new WireException("malformed function: cannot rebuild " + TYPES.get(index).getSimpleName());
        }
        return node;
    }
}
