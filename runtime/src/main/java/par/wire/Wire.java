package par.wire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Frames on a hub channel: a 4-byte length, a 1-byte kind, then the payload (the kinds and
 * payloads are {@link ChildMessage}s and {@link HubMessage}s). Lengths are
 * checked against {@link #MAX_FRAME}, and a payload is allocated as its bytes arrive, so a
 * corrupt or hostile stream is refused with a clear error instead of exhausting memory.
 */
public final class Wire {
    /** Largest frame either side accepts: 64 MiB. */
    public static final int MAX_FRAME = 64 << 20;
    /**
     * Par's version: what --version says, and what the machines of a cluster must agree on, since
     * they send each other the same frames and values.
     */
    public static final String PAR_VERSION = "0.1.0";

    /** What a child writes before its first frame; anything before it is the JVM talking. */
    public static final byte[] MAGIC = {'P', 'A', 'R', 0};
    private static final int MAX_PREAMBLE = 1 << 16;

    private Wire() {
    }

    /**
     * Reads up to the child's magic. A JVM may print to stdout before main runs (a warning about
     * a class-data archive, say); those words are handed to chatter, not taken for a frame.
     * Returns false if the stream ended first.
     */
    public static boolean skipToMagic(DataInputStream in, java.util.function.Consumer<String> chatter) throws IOException {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        int matched = 0;
        while (matched < MAGIC.length) {
            int b = in.read();
            if (b < 0) {
                report(seen, chatter);
                return false;
            }
            if (b == MAGIC[matched]) {
                matched++;
                continue;
            }
            seen.write(MAGIC, 0, matched);
            matched = b == MAGIC[0] ? 1 : 0;
            if (matched == 0) {
                seen.write(b);
            }
            if (seen.size() > MAX_PREAMBLE) {
                throw new WireException("malformed channel: no greeting in the first " + MAX_PREAMBLE + " bytes");
            }
        }
        report(seen, chatter);
        return true;
    }

    private static void report(java.io.ByteArrayOutputStream seen, java.util.function.Consumer<String> chatter) {
        String text = seen.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
            chatter.accept(text);
        }
    }

    /** One frame as read: its kind and payload. */
    public record Frame(byte kind, byte[] payload) {
    }

    public static void write(OutputStream out, byte kind, byte[] payload) throws IOException {
        if (payload.length + 1 > MAX_FRAME) {
            throw new WireException("message of " + payload.length + " bytes is over the limit of " + MAX_FRAME);
        }
        int n = payload.length + 1;
        byte[] head = {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n, kind};
        out.write(head);
        out.write(payload);
    }

    /** The next frame, or null at a clean end of stream (between frames). */
    public static Frame read(DataInputStream in) throws IOException {
        int n;
        try {
            n = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (n < 1 || n > MAX_FRAME) {
            throw new WireException("malformed frame: length " + n + " is outside 1.." + MAX_FRAME);
        }
        byte kind = in.readByte();
        // read, not allocated up front: a length that lies (a damaged or hostile frame) costs
        // only the bytes that really arrive, never the 64 MiB it may claim
        byte[] payload = in.readNBytes(n - 1);
        if (payload.length < n - 1) {
            throw new EOFException("a frame ends early: " + payload.length + " of its " + (n - 1) + " bytes came");
        }
        return new Frame(kind, payload);
    }

    public static DataInputStream input(InputStream in) {
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }
}
