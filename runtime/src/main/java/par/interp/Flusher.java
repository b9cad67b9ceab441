package par.interp;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A daemon thread that flushes a buffered output every few milliseconds, so what was written
 * does not wait for the next large write: the root's printed lines, a child's frames to the
 * hub. It stops when the output fails (whoever writes next hears of it). A class, not a
 * lambda: every JVM of ours starts one, and a JVM's first lambda costs it some 4 ms.
 */
public final class Flusher extends Thread {
    private final Flushable target;
    private final long everyMs;

    public Flusher(String name, Flushable target, long everyMs) {
        super(name);
        this.target = target;
        this.everyMs = everyMs;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(everyMs);
                target.flush();
            } catch (InterruptedException | IOException | UncheckedIOException | OutputFailure e) {
                return;
            }
        }
    }
}
