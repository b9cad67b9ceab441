package par.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

/** A write that fails is kept: every later line or flush ends the program the same way. */
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
}
