package par.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How operators group, read from the AST: the grammar climbs every precedence but the
 * conditional's inside one ANTLR rule, so the order of its alternatives, `<assoc=right>` and
 * the predicate that keeps `not` out of tight operands are all that decide it. Python groups
 * each of these the same way.
 */
class ParserPrecedenceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-2 ** 2         | Unary(-, Binary(**, 2, 2))",
        "2 ** -1         | Binary(**, 2, -1)",
        "2 ** 3 ** 2     | Binary(**, 2, Binary(**, 3, 2))",
        "-x * y          | Binary(*, Unary(-, x), y)",
        "a - b - c       | Binary(-, Binary(-, a, b), c)",
        "a + b * c % d   | Binary(+, a, Binary(%, Binary(*, b, c), d))",
        "a // b ** c     | Binary(//, a, Binary(**, b, c))",
        "join p + 1      | Binary(+, Join(p), 1)",
        "join p ** 2     | Join(Binary(**, p, 2))",
        "a < b <= c      | Compare(a, [<, <=], [b, c])",
        "(a < b) < c     | Compare(Compare(a, [<], [b]), [<], [c])",
        "a + 1 in b == c | Compare(Binary(+, a, 1), [in, ==], [b, c])",
        "a not in b      | Compare(a, [not in], [b])",
        "not a == b      | Not(Compare(a, [==], [b]))",
        "not a and b     | Logical(true, [Not(a), b])",
        "a and not b     | Logical(true, [a, Not(b)])",
        "a or not not b  | Logical(false, [a, Not(Not(b))])",
        "a or b and c    | Logical(false, [a, Logical(true, [b, c])])",
        "a or b or c     | Logical(false, [a, b, c])",
        "a or (b or c)   | Logical(false, [a, Logical(false, [b, c])])",
        "a if b else c if d else e | Conditional(b, a, Conditional(d, c, e))",
        "a or b if c or d else e   | Conditional(Logical(false, [c, d]), Logical(false, [a, b]), e)",
        "f(x)[1].y ** 2  | Binary(**, Attribute(Index(Call(f, [x]), 1), y), 2)",
    })
    void groupsAsPythonDoes(String source, String tree) {
        assertEquals(tree, render(parse(source)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a == not b", "-not a", "a ** not b", "join not p", "a * not b", "a + not b"})
    void notIsNeverTheOperandOfATighterOperator(String source) {
        SyntaxError e = assertThrows(SyntaxError.class, () -> parse(source));
        assertEquals("expected an expression, found 'not'", e.getMessage());
        assertEquals(source.indexOf("not") + 1, e.pos().col(), "points at the 'not'");
    }

    private static Expr parse(String expression) {
        return ((Stmt.ExprStmt) SourceParser.parse(expression + "\n", "t.par").body().get(0)).expr();
    }

    /** A node as its kind and its parts, without positions; names and literals as their text. */
    private static String render(Object node) {
        if (node instanceof Expr.Name n) {
            return n.name();
        }
        if (node instanceof Expr.Literal l) {
            return String.valueOf(l.value());
        }
        if (node instanceof List<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(render(item)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (!(node instanceof Record)) {
            return String.valueOf(node);
        }
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            if (c.getType() != Pos.class) {
                try {
                    parts.add(render(c.getAccessor().invoke(node)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return node.getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
    }
}
