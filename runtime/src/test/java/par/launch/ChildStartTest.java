package par.launch;

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

import par.child.ChildMain;

/**
 * What a child JVM does before its job decides what every spawn costs. The first lambda a JVM
 * links costs it milliseconds of CPU, so the job and task paths use none: this starts a real
 * child JVM in the mode that runs both paths (the archive run) and lists the lambda classes it
 * loaded, which must be none of ours.
 */
class ChildStartTest {
    @TempDir
    Path dir;

    @Test
    void theJobAndTaskPathsLinkNoLambdaOfOurs() throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"),
                ChildMain.class.getName(), ChildMain.ARCHIVE_RUN)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" par.interp.Builtins ")),
                "the warm-up should have called a builtin");
        List<String> lambdas = loaded.stream()
                .filter(line -> line.contains(" par.") && line.contains("$$Lambda"))
                .collect(Collectors.toList());
        assertEquals(List.of(), lambdas);
    }
}
