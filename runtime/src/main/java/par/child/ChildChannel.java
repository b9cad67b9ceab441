package par.child;

import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

import par.interp.Flusher;
import par.wire.ChildMessage;
import par.wire.Codec;
import par.wire.Wire;

/**
 * A child's way to the hub: frames into its stdout, buffered. A put or a printed line does not
 * wait for the write; the buffer is pushed out before the child blocks on the hub, when it
 * ends, and every few milliseconds by a flusher thread, so output keeps flowing while the
 * child computes. Frames are written whole under one lock, so lines never tear.
 */
final class ChildChannel implements Flushable {
    private static final long FLUSH_EVERY_MS = 5;

    private final BufferedOutputStream out;
    /** Something is in the buffer; read without the monitor by a flush, which is free when nothing is. */
    private volatile boolean dirty;
    /** Something was sent that the hub has not shown it has read (by answering a later call). */
    private volatile boolean unanswered;

    ChildChannel(OutputStream raw) {
        this(raw, true);
    }

    /** flushing: push the buffer out every few milliseconds (not for the warm-up's sink). */
    ChildChannel(OutputStream raw, boolean flushing) {
        this.out = new BufferedOutputStream(raw, 1 << 16);
        try {
            out.write(Wire.MAGIC);
        } catch (IOException e) {
            ChildMain.hubGone();
        }
        if (flushing) {
            new Flusher("par-child-flusher", this, FLUSH_EVERY_MS).start();
        }
    }

    synchronized void send(ChildMessage message) {
        Wire.Frame f = ChildMessage.frame(message);
        try {
            Wire.write(out, f.kind(), f.payload());
            dirty = true;
            // READY changes nothing another process could see, so a fast release may overtake
            // it; counting it sent every child's first release of a lock the slow way, through
            // the hub (about 15 ms in a child just started)
            if (!(message instanceof ChildMessage.Ready)) {
                unanswered = true;
            }
        } catch (IOException e) {
            ChildMain.hubGone();
        }
    }

    /**
     * A put into an unbounded queue: the whole frame (header included) is encoded into one
     * buffer and written with one call, as a producer may do this millions of times.
     */
    synchronized void sendPut(long queue, String site, Object item) {
        scratch.reset();
        scratch.i32(0); // the frame's length, filled in below
        scratch.b(ChildMessage.PUT);
        if (site != lastSite) { // a call site's text is one string: encode it once per site
            lastSite = site;
            lastSiteForm = Codec.strForm(site);
        }
        ChildMessage.writePut(scratch, queue, lastSiteForm);
        scratch.value(item, 0); // a value that cannot travel fails here, before anything is written
        scratch.i32At(0, scratch.length() - 4);
        try {
            out.write(scratch.buffer(), 0, scratch.length());
            dirty = true;
            unanswered = true;
        } catch (IOException e) {
            ChildMain.hubGone();
        }
    }

    private final Codec.Writer scratch = new Codec.Writer();
    private String lastSite;
    private byte[] lastSiteForm;

    /** The hub answered a call: it has read everything sent before it, in order. */
    void answered() {
        unanswered = false;
    }

    /** Everything sent has reached the hub (see {@link par.proc.Broker#settled}). */
    boolean settled() {
        return !unanswered;
    }

    @Override
    public void flush() {
        if (dirty) {
            flushNow();
        }
    }

    private synchronized void flushNow() {
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
}
