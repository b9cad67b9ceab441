package par.proc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A child's way to the hub: frames into its stdout, buffered. A put or a printed line does not
 * wait for the write; the buffer is pushed out before the child blocks on the hub, when it
 * ends, and every few milliseconds by a flusher thread, so output keeps flowing while the
 * child computes. Frames are written whole under one lock, so lines never tear.
 */
final class ChildChannel {
    private static final long FLUSH_EVERY_MS = 5;

    private final BufferedOutputStream out;
    private boolean dirty;

    ChildChannel(OutputStream raw) {
        this.out = new BufferedOutputStream(raw, 1 << 16);
        try {
            out.write(Wire.MAGIC);
        } catch (IOException e) {
            ChildMain.hubGone();
        }
        Thread flusher = new Thread(this::flushLoop, "par-child-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    synchronized void send(byte kind, byte[] payload) {
        try {
            Wire.write(out, kind, payload);
            dirty = true;
        } catch (IOException e) {
            ChildMain.hubGone();
        }
    }

    /** A put into an unbounded queue, encoded straight into the channel's buffer. */
    synchronized void sendPut(long queue, String site, Object item) {
        scratch.reset();
        scratch.i64(queue);
        scratch.str(site);
        scratch.value(item, 0); // a value that cannot travel fails here, before anything is written
        try {
            Wire.write(out, Wire.PUT, scratch.buffer(), scratch.length());
            dirty = true;
        } catch (IOException e) {
            ChildMain.hubGone();
        }
    }

    private final Codec.Writer scratch = new Codec.Writer();

    synchronized void flush() {
        if (!dirty) {
            return;
        }
        try {
            out.flush();
            dirty = false;
        } catch (IOException e) {
            ChildMain.hubGone();
        }
    }

    private void flushLoop() {
        while (true) {
            try {
                Thread.sleep(FLUSH_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }
}
