package par.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import par.interp.Cell;
import par.interp.Function;
import par.interp.Globals;
import par.interp.Interpreter;
import par.interp.Output;
import par.interp.Resolver;
import par.syntax.Stmt;

/**
 * A child installs the functions of its image without decoding them, and makes each one (its
 * tree decoded, its names resolved) only when it is first used.
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
                "def inner(x) { return x + 1 }",
                "def outer(x) { return inner(x) * 2 }",
                "def unused(x) { return x }",
                "limit = 10",
                ""), "t.par");
        byte[] image = Image.build(parent.globals, parent.globals.get("outer"), new Object[] {20L});

        Child child = new Child();
        Image.Call call = Image.install(image, child.globals, child);
        assertEquals(List.of("outer"), child.made); // the function to call travels apart, made at once
        assertEquals(10L, child.globals.get("limit"));

        Interpreter runner = new Interpreter(InputStream.nullInputStream(), SILENT, System.err);
        assertEquals(42L, runner.call(child.globals.get("outer"), new Object[] {20L}));
        assertEquals(List.of("outer", "outer", "inner"), child.made);
        assertEquals("<function unused>", child.globals.get("unused").toString());
        assertEquals(List.of("outer", "outer", "inner", "unused"), child.made);
        assertEquals(42L, runner.call(call.function(), call.args()));
    }
}
