package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that starts no process links no lambda of ours: a JVM's first lambda costs it some
 * 4 ms, a tenth of what such a program's whole run takes. This runs the par command in a JVM of
 * its own and lists the lambda classes it loaded.
 */
class RootStartTest {
    @TempDir
    Path dir;

    @Test
    void aProgramWithoutProcessesLinksNoLambdaOfOurs() throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Path out = dir.resolve("out.txt");
        Process root = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-c", "print(sum([x * x for x in range(4)]), 'ok')")
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertTrue(root.waitFor(60, TimeUnit.SECONDS), "par did not finish");
        } finally {
            root.destroyForcibly();
        }
        assertEquals(0, root.exitValue());
        assertEquals("14 ok\n", Files.readString(out));
        List<String> lambdas = Files.readAllLines(log).stream()
                .filter(line -> line.contains(" par.") && line.contains("$$Lambda"))
                .collect(Collectors.toList());
        assertEquals(List.of(), lambdas);
    }
}
