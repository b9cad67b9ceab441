package par.launch;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;

import par.wire.HubMessage;
import par.wire.Wire;
import par.wire.WireException;

/**
 * The hub's end of one child JVM: the process, the pipe into its stdin, and a reader thread
 * that turns the frames on its stdout into hub events. A spare has no HubProcess until a job
 * is handed to it.
 */
public final class ChildConn {
    public final Process process;
    private final OutputStream toChild;
    /** Whose events these are: the hub of the run this JVM works for (a reused one changes runs). */
    private volatile Events hub;
    /**
     * Whose JVM this is, once it has a job: the hub's record of the process, kept here so a
     * frame finds it without a lookup (as a selection key carries its attachment).
     */
    private volatile Object owner;
    /** The pieces of a printed line too long for one frame, until its last piece comes (reader thread only). */
    private StringBuilder longLine;

    ChildConn(Events hub, Process process) {
        this.hub = hub;
        this.process = process;
        this.toChild = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    }

    /** What the hub hears from a child's channel, on the channel's reader thread. */
    public interface Events {
        void frame(ChildConn c, Wire.Frame f);

        /** The channel closed: the child exited or died. */
        void gone(ChildConn c);

        void malformed(ChildConn c, String problem);

        /** What the JVM printed on its own before the channel opened. */
        void jvmSaid(String text);
    }

    /** The JVM has said READY once: it says so as it starts, and a reused one again after each job. */
    private boolean readySeen;

    /** A READY from the JVM: false for the first, which it says as it starts (reader thread only). */
    public boolean readyAgain() {
        boolean again = readySeen;
        readySeen = true;
        return again;
    }

    /** From now on this JVM's frames go to hub (a JVM kept for the next run of par check). */
    void listen(Events hub) {
        this.hub = hub;
    }

    /** The hub's record of the process this JVM runs, or null for a spare. */
    @SuppressWarnings("unchecked")
    public <T> T owner() {
        return (T) owner;
    }

    public void own(Object record) {
        owner = record;
    }

    /** The child's main has run (its magic came), so it has its own SIGTERM handler; guarded by this. */
    private boolean started;
    /** A terminate() that came while the JVM was still starting; guarded by this. */
    private boolean terminateHeld;

    /**
     * SIGTERM, leaving the pipes open for the child's last words. A JVM still initialising
     * would die of it with "Error occurred during initialization of VM" and status 1, not as a
     * terminated process, so the signal waits until the child's main has installed its handler.
     */
    public synchronized void terminate() {
        if (started) {
            process.toHandle().destroy();
        } else {
            terminateHeld = true;
        }
    }

    private synchronized void started() {
        started = true;
        if (terminateHeld) {
            process.toHandle().destroy();
        }
    }

    /** The JVM's exit status, once its channel has closed (it is ending); -1 if the wait is interrupted. */
    public int awaitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** How a JVM with this exit status ended: {@code was killed by signal 9 (SIGKILL)}, {@code exited with status 1}. */
    public static String howItEnded(int status) {
        return status > 128 ? "was killed by signal " + (status - 128) + signalName(status - 128)
                : "exited with status " + status;
    }

    /** The name a message gives a signal, after its number: {@code " (SIGKILL)"}; empty for others. */
    public static String signalName(int signal) {
        switch (signal) {
            case 9: return " (SIGKILL)";
            case 15: return " (SIGTERM)";
            case 2: return " (SIGINT)";
            default: return "";
        }
    }

    public long pid() {
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
                hub.gone(this);
                return;
            }
            started();
            Wire.Frame f;
            while ((f = Wire.read(in)) != null) {
                hub.frame(this, f);
            }
        } catch (WireException e) {
            hub.malformed(this, e.getMessage());
        } catch (IOException e) {
            // the pipe broke: the child is gone, which childGone reports
        } catch (RuntimeException e) {
            hub.malformed(this, e.toString());
        }
        hub.gone(this);
    }

    public void linePiece(String piece) {
        if (longLine == null) {
            longLine = new StringBuilder(piece.length() * 2);
        }
        longLine.append(piece);
    }

    /** The whole line whose last piece is given. */
    public String lineEnd(String last) {
        if (longLine == null) {
            return last;
        }
        String whole = longLine.append(last).toString();
        longLine = null;
        return whole;
    }

    /** Sends one message; a child that has gone simply misses it (its death is reported elsewhere). */
    public void send(HubMessage message) {
        Wire.Frame f = HubMessage.frame(message);
        synchronized (toChild) {
            try {
                Wire.write(toChild, f.kind(), f.payload());
                toChild.flush();
            } catch (IOException e) {
                // the child has exited; the reader thread reports it
            }
        }
    }

    /** Closing its stdin tells a spare to exit. */
    public void close() {
        synchronized (toChild) {
            try {
                toChild.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
