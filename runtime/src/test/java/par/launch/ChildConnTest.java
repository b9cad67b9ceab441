package par.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import par.wire.Wire;

/**
 * The hub's end of a child, against a stand-in for a JVM that is still starting: a shell that
 * says nothing on its channel until it is told to go on, as a JVM says nothing before main.
 */
class ChildConnTest {
    private Process process;

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void aTerminateWhileTheJvmStartsWaitsUntilItsMainRuns() throws Exception {
        // "main" begins once a line arrives: it says so on stderr, then writes the channel's magic
        process = new ProcessBuilder("sh", "-c", "read go; echo main >&2; printf 'PAR\\000'; exec sleep 60").start();
        CountDownLatch gone = new CountDownLatch(1);
        ChildConn conn = new ChildConn(new Quiet(gone), process);
        conn.startReader();

        conn.terminate(); // a SIGTERM now would end the shell before its "main"
        process.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().flush();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the held SIGTERM was never sent");
        assertEquals(128 + 15, process.exitValue());
        assertEquals("main\n", new String(process.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII));
        assertTrue(gone.await(30, TimeUnit.SECONDS));
    }

    /** Events that only note the end of the channel. */
    private record Quiet(CountDownLatch gone) implements ChildConn.Events {
        @Override
        public void frame(ChildConn c, Wire.Frame f) {
        }

        @Override
        public void gone(ChildConn c) {
            gone.countDown();
        }

        @Override
        public void malformed(ChildConn c, String problem) {
        }

        @Override
        public void jvmSaid(String text) {
        }
    }
}
