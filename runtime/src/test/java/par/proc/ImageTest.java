package par.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import par.interp.Cell;
import par.interp.Function;
import par.interp.Globals;
import par.interp.Interpreter;
import par.interp.Output;
import par.interp.Resolver;
import par.syntax.Stmt;
import par.wire.Codec;

/**
 * A child installs the functions of its image without decoding them, and makes each one (its
 * tree decoded, its names resolved) only when it is first used; the image holds only the
 * globals the call can reach.
 */
class ImageTest {
    private static final Output SILENT = new Output() {
        @Override
        public void line(String text) {
        }

        @Override
        public void flush() {
        }
    };

    /** Resolves functions into the child's globals, as a child does, and notes each one it makes. */
    private static final class Child implements Codec.Receiver {
        final Globals globals = new Globals();
        final List<String> made = new ArrayList<>();

        @Override
        public Function function(Stmt.Def def, List<String> freeVars, Cell[] captured) {
            made.add(def.name());
            return new Function(Resolver.resolveFunction(def, freeVars, globals), captured);
        }

        @Override
        public Object handle(byte kind, long id, long meta) {
            throw new AssertionError("no handles here");
        }
    }

    @Test
    void functionsAreMadeOnFirstUse() {
        Interpreter parent = new Interpreter(InputStream.nullInputStream(), SILENT, System.err);
        parent.run(String.join("\n",
                "def inner(x) { return x + limit }",
                "def outer(x) { return inner(x) * 2 }",
                "def unused(x) { return x }",
                "limit = 1",
                ""), "t.par");
        byte[] image = ProcessSupport.image(parent.globals, parent.globals.get("outer"), new Object[] {20L});

        Child child = new Child();
        ProcessSupport.Call call = ProcessSupport.install(image, child.globals, child);
        assertEquals(List.of("outer"), child.made); // the function to call travels apart, made at once
        assertEquals(1L, child.globals.get("limit"));

        assertEquals(null, child.globals.get("unused")); // no code of the call reads it
        assertEquals(null, child.globals.get("outer")); // nor its own name

        Interpreter runner = new Interpreter(InputStream.nullInputStream(), SILENT, System.err);
        assertEquals(42L, runner.call(call.function(), call.args()));
        assertEquals(List.of("outer", "inner"), child.made);
    }

    /** Only the globals the call can reach travel: through calls, values and arguments. */
    @Test
    void onlyReachedGlobalsTravel() {
        Interpreter parent = new Interpreter(InputStream.nullInputStream(), SILENT, System.err);
        parent.run(String.join("\n",
                "big = \"x\" * 40000000",
                "def unused(x) { return big }",
                "def scale(x) { return x * factor }",
                "factor = 3",
                "table = {\"scale\": scale}",
                "def nested() {",
                "    def inner() { return greeting }",
                "    return inner()",
                "}",
                "greeting = \"hi\"",
                "def work(f) { return table[\"scale\"](1) + f() }",
                ""), "t.par");
        byte[] image = ProcessSupport.image(parent.globals, parent.globals.get("work"),
                new Object[] {parent.globals.get("nested")});
        assertTrue(image.length < 10_000, "the image holds " + image.length + " bytes");

        Child child = new Child();
        ProcessSupport.install(image, child.globals, child);
        // scale itself travels inside table: its global is not needed
        assertEquals(Set.of("table", "factor", "greeting"), child.globals.snapshot().keySet());
    }
}
