package par.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A write that fails is kept: every later line or flush ends the program the same way; and a
 * flush returns only once what was printed is written, whichever thread writes it.
 */
class StreamOutputTest {
    /** A stream whose every write fails as the C library says it. */
    private static OutputStream failing(String why) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(why);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(why);
            }
        };
    }

    @Test
    void aBrokenPipeEndsQuietlyWith141() {
        StreamOutput out = new StreamOutput(failing("Broken pipe"), true);
        OutputFailure first = assertThrows(OutputFailure.class, () -> out.line("y"));
        assertTrue(first.readerGone);
        assertEquals(141, first.status);
        assertSame(first, assertThrows(OutputFailure.class, out::flush));
        assertSame(first, assertThrows(OutputFailure.class, () -> out.line("y")));
    }

    @Test
    void aFullDiskIsReportedWithStatus1() {
        StreamOutput out = new StreamOutput(failing("No space left on device"), false);
        out.line("1"); // buffered
        OutputFailure failure = assertThrows(OutputFailure.class, out::flush);
        assertFalse(failure.readerGone);
        assertEquals(1, failure.status);
        assertEquals("par: error: cannot write to standard output: No space left on device", failure.message());
    }

    /**
     * The program's last flush, made while the flusher thread is still writing the last line,
     * waits for that write: it returned at once before, and the JVM could end with the line
     * unwritten (a child's last line was lost about once in sixty runs on a busy machine) or
     * with its write error unreported (exit status 0 with stdout on /dev/full).
     */
    @Test
    void aFlushDuringTheFlushersWriteWaitsForIt() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                written.write(b, off, len);
            }
        };
        StreamOutput out = new StreamOutput(slow, false);
        out.line("last"); // the flusher writes it within milliseconds, and is held in the write
        assertTrue(writing.await(30, TimeUnit.SECONDS), "the flusher never wrote");
        String[] seen = new String[1];
        Thread last = new Thread(() -> {
            out.flush();
            seen[0] = written.toString();
        });
        last.start();
        while (last.getState() != Thread.State.BLOCKED && last.isAlive()) {
            Thread.onSpinWait(); // until it waits for the flusher's write, or has (wrongly) returned
        }
        release.countDown();
        last.join();
        assertEquals("last\n", seen[0], "the flush returned before the line was written");
    }
}
