package par.proc;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The hub's end of one child JVM: the process, the pipe into its stdin, and a reader thread
 * that turns the frames on its stdout into hub events. A spare has no HubProcess until a job
 * is handed to it.
 */
final class ChildConn {
    final Process process;
    private final OutputStream toChild;
    private final Hub hub;
    volatile HubProcess proc;
    /** The pieces of a printed line too long for one frame, until its last piece comes (reader thread only). */
    private StringBuilder longLine;

    ChildConn(Hub hub, Process process) {
        this.hub = hub;
        this.process = process;
        this.toChild = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    }

    long pid() {
        return process.pid();
    }

    void startReader() {
        Thread t = new Thread(null, this::readLoop, "par-hub-reader-" + pid(), 16L << 20);
        t.setDaemon(true);
        t.start();
    }

    private void readLoop() {
        DataInputStream in = Wire.input(process.getInputStream());
        try {
            if (!Wire.skipToMagic(in, hub::jvmSaid)) {
                hub.childGone(this);
                return;
            }
            Wire.Frame f;
            while ((f = Wire.read(in)) != null) {
                hub.childFrame(this, f);
            }
        } catch (WireException e) {
            hub.malformed(this, e.getMessage());
        } catch (IOException e) {
            // the pipe broke: the child is gone, which childGone reports
        } catch (RuntimeException e) {
            hub.malformed(this, e.toString());
        }
        hub.childGone(this);
    }

    void linePiece(String piece) {
        if (longLine == null) {
            longLine = new StringBuilder(piece.length() * 2);
        }
        longLine.append(piece);
    }

    /** The whole line whose last piece is given. */
    String lineEnd(String last) {
        if (longLine == null) {
            return last;
        }
        String whole = longLine.append(last).toString();
        longLine = null;
        return whole;
    }

    /** Sends one frame; a child that has gone simply misses it (its death is reported elsewhere). */
    void send(byte kind, byte[] payload) {
        synchronized (toChild) {
            try {
                Wire.write(toChild, kind, payload);
                toChild.flush();
            } catch (IOException e) {
                // the child has exited; the reader thread reports it
            }
        }
    }

    /** Closing its stdin tells a spare to exit. */
    void close() {
        synchronized (toChild) {
            try {
                toChild.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
