package par.interp;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Printed lines into a byte stream, UTF-8, buffered. Flushed on every line when a person is
 * watching (a terminal); otherwise in large writes, whenever the program waits, and at the
 * latest {@value #FLUSH_AFTER_MS} ms after a line was written, so that lines (a child's ones
 * too, which arrive while the program may be blocked) never sit in the buffer for long.
 * Give it the raw stream, not a PrintStream, which would swallow its write errors: once a
 * write has failed, every later line or flush throws the same {@link OutputFailure}, whichever
 * thread (the program, the flusher, the hub writing a child's line) met it first.
 */
public final class StreamOutput implements Output, Flushable {
    private final OutputStream out;
    private final BufferedWriter writer;
    private final boolean flushEachLine;
    /**
     * Lines written since the last flush: a flush with none is free (a loop of q.get() or of
     * lock releases flushes each time), read without the monitor: the program sees its own lines.
     */
    private volatile boolean dirty;
    private static final long FLUSH_AFTER_MS = 20;
    private Thread flusher;
    private volatile OutputFailure failure;

    public StreamOutput(OutputStream out, boolean flushEachLine) {
        this.out = out;
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.flushEachLine = flushEachLine;
    }

    @Override
    public synchronized void line(String text) {
        checkFailure();
        try {
            writer.write(text);
            writer.write('\n');
            if (flushEachLine) {
                writer.flush();
            } else {
                dirty = true;
                if (flusher == null) {
                    startFlusher();
                }
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void startFlusher() {
        flusher = new Flusher("par-output-flusher", this, FLUSH_AFTER_MS);
        flusher.start();
    }

    @Override
    public void flush() {
        if (dirty || failure != null) {
            flushNow();
        }
    }

    /**
     * Clean only once written: a flush that finds the output clean returns at once, and were
     * it so while the flusher's write was still under way, the program's last flush could
     * return, and the JVM end, before the lines were out (they were lost, or a write error was
     * never reported).
     */
    private synchronized void flushNow() {
        checkFailure();
        if (!dirty) {
            return;
        }
        try {
            writer.flush();
            dirty = false;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void checkFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private OutputFailure failed(IOException e) {
        failure = OutputFailure.of(e, out);
        return failure;
    }
}
