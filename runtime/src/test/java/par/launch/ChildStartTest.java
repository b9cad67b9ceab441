package par.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import par.child.ChildMain;
import par.wire.ChildMessage;
import par.wire.Wire;

/**
 * What a child JVM does before its job decides what every spawn costs. The first lambda a JVM
 * links costs it milliseconds of CPU, so the job and task paths use none: this starts a real
 * child JVM in the mode that runs both paths (the archive run) and lists the lambda classes it
 * loaded, which must be none of ours. And the archive run must load every class of ours that a
 * child loads before its job comes: the class-data archive holds what that run loaded, and one
 * class missing from it made every child open the jar and read its whole directory.
 */
class ChildStartTest {
    @TempDir
    Path dir;

    /** A child JVM in the given mode, logging the classes it loads into log. */
    private static ProcessBuilder child(String mode, Path log) {
        return new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp", ChildClassPath.get(), // as a child is started: from a jar, which an archive needs
                ChildMain.class.getName(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /** The archive run's classes, as its log lists them, once it has ended well. */
    private List<String> archiveRun() throws IOException, InterruptedException {
        Path log = dir.resolve("archive-run.log");
        Process child = child(ChildMain.ARCHIVE_RUN, log).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue());
        return Files.readAllLines(log);
    }

    /** The names of our classes in a class-load log. */
    private static Set<String> ours(List<String> log) {
        return log.stream().map(line -> line.split(" "))
                .filter(words -> words.length > 1 && words[1].startsWith("par."))
                .map(words -> words[1]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aSpareLoadsNoClassOfOursBeforeItsJobThatTheArchiveRunDoesNotLoad() throws Exception {
        Set<String> archived = ours(archiveRun());
        Path log = dir.resolve("spare.log");
        Process spare = child(ChildMain.SPARE, log).start();
        try {
            DataInputStream in = Wire.input(spare.getInputStream());
            assertTrue(Wire.skipToMagic(in, chatter -> { }), "the spare's greeting");
            // READY comes from where the spare waits for its job: all it loads before that is loaded
            assertEquals(ChildMessage.READY, Wire.read(in).kind());
        } finally {
            spare.getOutputStream().close(); // the hub gone: the spare ends
            assertTrue(spare.waitFor(60, TimeUnit.SECONDS), "the spare did not end");
        }
        Set<String> missing = ours(Files.readAllLines(log));
        missing.removeAll(archived);
        assertEquals(Set.of(), missing);
    }

    @Test
    void theArchiveRunLoadsTheClassesAJobMayNeedThatItDoesNotRun() throws Exception {
        Set<String> archived = ours(archiveRun());
        // a comparison, a method call, a lock, a queue and a while loop: none in the warm-up
        for (String name : List.of("par.interp.Comparison", "par.interp.Methods", "par.proc.LockHandle",
                "par.proc.QueueHandle", "par.syntax.Stmt$While", "par.wire.Request$Acquire")) {
            assertTrue(archived.contains(name), name);
        }
        assertTrue(archived.stream().noneMatch(name -> name.startsWith("par.repl.") || name.startsWith("par.hub.")),
                "nothing of the root's");
    }

    @Test
    void theJobAndTaskPathsLinkNoLambdaOfOurs() throws IOException, InterruptedException {
        List<String> loaded = archiveRun();
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" par.interp.Builtins ")),
                "the warm-up should have called a builtin");
        List<String> lambdas = loaded.stream()
                .filter(line -> line.contains(" par.") && line.contains("$$Lambda"))
                .collect(Collectors.toList());
        assertEquals(List.of(), lambdas);
    }
}
