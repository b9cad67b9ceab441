package par.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.Stmt;

/**
 * The written-out wire form of the AST agrees with the records themselves: for a program that
 * has every kind of node, each node's parts are its components in order, each node is made
 * again equal from its parts, and the whole tree comes back equal through the codec.
 */
class AstFormTest {
    /** Every kind of statement and expression, each at least once. */
    private static final String EVERY_NODE = String.join("\n",
            "x = -1 + 2 * 3",
            "y = nil",
            "z = -x",
            "if 1 < x <= 3 and not y or x != 1 { pass } elif x { x += 1 } else { x = 0 }",
            "while x > 0 { x -= 1; break }",
            "for i in range(3) { continue }",
            "def f(a, b) {",
            "    global x",
            "    try { raise 'e' } catch e { print(e) } finally { x = 1 }",
            "    return a if b else [a, b][0:1:1]",
            "}",
            "m = {'k': [i for i in range(2) if i]}",
            "p = spawn f(1, 2) as 'n'",
            "v = join p",
            "with lock(name='k') as l { print(m['k'], l.x, 2.5, 10 ** 30, true) }",
            "assert v, 'v is ' + str(v)",
            "sq = lambda a: a * a",
            "s = f'{x!r:>{z}} and {v}'",
            "del m['k'], y",
            "");

    @Test
    void everyNodeIsItsPartsAndComesBackEqual() throws ReflectiveOperationException {
        Program program = SourceParser.parse(EVERY_NODE, "t.par");
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Object node : nodes(program.body())) {
            seen.add(node.getClass());
            Object[] parts = AstForm.parts(node);
            RecordComponent[] components = node.getClass().getRecordComponents();
            Object[] expected = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                expected[i] = components[i].getAccessor().invoke(node);
            }
            assertArrayEquals(expected, parts, node.getClass().getSimpleName());
            assertEquals(node, AstForm.make(AstForm.index(node), parts));
        }
        assertEquals(new LinkedHashSet<>(AstForm.TYPES), seen);
        assertEquals(Stmt.Def.class, AstForm.TYPES.get(AstForm.DEF));
        assertEquals("file", Stmt.Def.class.getRecordComponents()[AstForm.DEF_FILE].getName());

        Codec.Writer w = new Codec.Writer();
        AstForm.writeTree(w, program.body(), 0);
        assertEquals(program.body(), AstForm.readTree(new Codec.Reader(w.toBytes(), null), 0));
    }

    @Test
    void aNodeOfTheWrongShapeIsMalformed() {
        Codec.Writer w = new Codec.Writer();
        w.b(28); // a record...
        w.b(AstForm.TYPES.indexOf(Stmt.Pass.class));
        w.b(2); // ...of two parts, where a pass has one
        AstForm.writeTree(w, new par.syntax.Pos(1, 1), 0);
        AstForm.writeTree(w, "extra", 0);
        WireException e = assertThrows(WireException.class, () -> AstForm.readTree(new Codec.Reader(w.toBytes(), null), 0));
        assertEquals("malformed function: cannot rebuild Pass", e.getMessage());
    }

    /** Every record in the tree, depth first. */
    private static List<Object> nodes(Object tree) {
        List<Object> out = new ArrayList<>();
        collect(tree, out);
        return out;
    }

    private static void collect(Object n, List<Object> out) {
        if (n instanceof List) {
            for (Object item : (List<?>) n) {
                collect(item, out);
            }
        } else if (n instanceof Record) {
            out.add(n);
            for (Object part : AstForm.parts(n)) {
                collect(part, out);
            }
        }
    }
}
