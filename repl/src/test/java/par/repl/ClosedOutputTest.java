package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root's standard output fails: its reader goes away ({@code par x.par | head -1}) or the
 * device is full (/dev/full). Runs the par command in a JVM of its own, its stdout a real pipe
 * or device, and checks how it ends and that nothing it started is left running.
 */
@Timeout(120)
class ClosedOutputTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** Every process of one run carries this in its environment (children inherit it), so none can hide once its root is gone. */
    private static final String MARK = "PAR_CLOSED_OUTPUT_TEST";
    private final String runId = UUID.randomUUID().toString();

    @TempDir
    Path dir;

    private Path errFile() {
        return dir.resolve("err.txt");
    }

    private ProcessBuilder par(String code) {
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-c", code);
        pb.environment().put(MARK, runId);
        return pb.redirectError(errFile().toFile());
    }

    @AfterEach
    void nothingOfTheRunIsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a spare still booting ends at its stdin's end
        while (!processesOfThisRun().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> left = processesOfThisRun();
        left.forEach(ProcessHandle::destroyForcibly); // so one failure does not spill into the next test
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(),
                "processes left running");
    }

    /** Live processes whose environment carries this run's mark (a killed one has none left to read). */
    private List<ProcessHandle> processesOfThisRun() {
        byte[] mark = (MARK + "=" + runId).getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ"));
                return indexOf(env, mark) >= 0;
            } catch (IOException | SecurityException e) {
                return false; // gone, or not ours
            }
        }).toList();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aLoopPrintingIntoAClosedPipeEndsQuietly() throws Exception {
        assertEndsQuietlyOnceTheReaderHasGone("while true { print(\"y\") }");
    }

    @Test
    void aChildPrintingIntoAClosedPipeEndsTheProgramQuietly() throws Exception {
        assertEndsQuietlyOnceTheReaderHasGone(String.join("\n",
                "def f() { while true { print(\"y\") } }",
                "join spawn f()"));
    }

    @Test
    void aPoolWorkerPrintingIntoAClosedPipeEndsTheProgramQuietly() throws Exception {
        assertEndsQuietlyOnceTheReaderHasGone(String.join("\n",
                "def f(x) { while true { print(\"y\") } }",
                "with pool(1) as w { w.map(f, [1]) }"));
    }

    /** As `par -c CODE | head -1`: one line is read, then the pipe's reader goes away. */
    private void assertEndsQuietlyOnceTheReaderHasGone(String code) throws Exception {
        Process root = par(code).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("y", lines.readLine());
            lines.close();
            assertTrue(root.waitFor(30, TimeUnit.SECONDS), "par went on printing into a closed pipe");
            assertEquals(141, root.exitValue());
            assertEquals("", Files.readString(errFile()));
        } finally {
            root.destroyForcibly();
        }
    }

    @Test
    void aFullDeviceIsAnError() throws Exception {
        assertFullDeviceIsAnError("print(1)");
    }

    @Test
    void aChildsLineIntoAFullDeviceIsAnError() throws Exception {
        assertFullDeviceIsAnError(String.join("\n",
                "def f() { print(1) }",
                "join spawn f()"));
    }

    private void assertFullDeviceIsAnError(String code) throws Exception {
        Process root = par(code).redirectOutput(new File("/dev/full")).start();
        try {
            assertTrue(root.waitFor(30, TimeUnit.SECONDS), "par did not finish");
            assertEquals(1, root.exitValue());
            assertEquals("par: error: cannot write to standard output: No space left on device\n",
                    Files.readString(errFile()));
        } finally {
            root.destroyForcibly();
        }
    }
}
