package par.proc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Frames on a hub channel: a 4-byte length, a 1-byte kind, then the payload. Lengths are
 * checked against {@link #MAX_FRAME} before anything is allocated, so a corrupt or hostile
 * stream is refused with a clear error instead of exhausting memory.
 */
public final class Wire {
    /** Largest frame either side accepts: 64 MiB. */
    public static final int MAX_FRAME = 64 << 20;

    // frame kinds, child to hub
    public static final byte READY = 1;
    public static final byte OUTPUT = 2;
    public static final byte REQUEST = 3;
    public static final byte RESULT = 4;
    public static final byte ERROR = 5;
    public static final byte EXIT = 6;
    public static final byte TASK_DONE = 7;
    public static final byte TASK_ERROR = 8;
    // hub to child
    public static final byte JOB = 10;
    public static final byte REPLY = 11;
    public static final byte FAILURE = 12;
    /** Makes a child a pool worker: the image it keeps for all its tasks. */
    public static final byte WORKER = 13;
    public static final byte TASK = 14;

    private Wire() {
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
        byte[] payload = new byte[n - 1];
        in.readFully(payload);
        return new Frame(kind, payload);
    }

    public static DataInputStream input(InputStream in) {
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }
}
