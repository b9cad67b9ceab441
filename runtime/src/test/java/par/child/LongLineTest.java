package par.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import par.hub.RootProcesses;
import par.interp.Interpreter;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;

/**
 * A child prints lines longer than one frame carries: each reaches the root's stdout as that
 * one line, exactly. Too large for a golden script's .out file, so they are checked here.
 */
class LongLineTest {
    private static final int PIECE = ChildMain.LINE_PIECE;

    /** 65 MiB: over the frame limit itself, so no single frame could have carried it. */
    @Test
    void aLineOverTheFrameLimitArrivesWhole() {
        int length = 65 << 20;
        byte[] printed = runInChild("\"x\" * " + length);
        assertEquals(length + "\n7\n".length(), printed.length);
        for (int i = 0; i < length; i++) {
            if (printed[i] != 'x') {
                fail("byte " + i + " of the output is " + printed[i]);
            }
        }
        assertEquals("\n7\n", new String(printed, length, 3, StandardCharsets.US_ASCII));
    }

    /** A surrogate pair where a cut would fall stays whole; a lone surrogate at a cut keeps its place. */
    @Test
    void piecesCutBetweenCharactersNotInsideAPair() {
        String expected = "x".repeat(PIECE - 1) + "\ud83d\ude00" + "y".repeat(PIECE - 2) + "\ud83d" + "z".repeat(5);
        String par = "\"x\" * " + (PIECE - 1) + " + \"\\ud83d\\ude00\" + \"y\" * " + (PIECE - 2) + " + \"\\ud83d\" + \"zzzzz\"";
        byte[] printed = runInChild(par);
        // the lone surrogate is written as '?', as the root writes it when it prints the line itself
        assertEquals(expected.replace("\ud83d" + "z", "?z") + "\n7\n", new String(printed, StandardCharsets.UTF_8));
    }

    /** Runs a program whose spawned child prints the given Par expression and returns 7. */
    private static byte[] runInChild(String expression) {
        String program = "def f() {\n    print(" + expression + ")\n    return 7\n}\nprint(join spawn f())\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new StreamOutput(out, false),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RootProcesses.install(interp, 4);
        int status = ScriptRunner.run(interp, program, "long_line.par");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
        return out.toByteArray();
    }
}
