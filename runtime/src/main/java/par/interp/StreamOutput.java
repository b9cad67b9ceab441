package par.interp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Printed lines into a byte stream, UTF-8, buffered. Flushed on every line when a person is
 * watching (a terminal), otherwise in large writes and whenever the program waits.
 */
public final class StreamOutput implements Output {
    private final BufferedWriter writer;
    private final boolean flushEachLine;
    /** Lines written since the last flush: a flush with none is free (a loop of q.get() flushes each time). */
    private boolean dirty;

    public StreamOutput(OutputStream out, boolean flushEachLine) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.flushEachLine = flushEachLine;
    }

    @Override
    public synchronized void line(String text) {
        try {
            writer.write(text);
            writer.write('\n');
            if (flushEachLine) {
                writer.flush();
            } else {
                dirty = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
