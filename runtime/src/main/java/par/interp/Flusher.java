package par.interp;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;

/**
 * A daemon thread that flushes a buffered output every few milliseconds, so what was written
 * does not wait for the next large write: the root's printed lines, a child's frames to the
 * hub. It stops when the output fails (whoever writes next hears of it), and when nothing but
 * itself holds the output any more: it holds it weakly, so the output of a program that is
 * over (par check runs a thousand, the golden tests hundreds in one JVM) is collected, and its
 * flusher ends instead of waking fifty times a second for ever. A class, not a lambda: every
 * JVM of ours starts one, and a JVM's first lambda costs it some 4 ms.
 */
public final class Flusher extends Thread {
    private final WeakReference<Flushable> target;
    private final long everyMs;

    public Flusher(String name, Flushable target, long everyMs) {
        super(name);
        this.target = new WeakReference<>(target);
        this.everyMs = everyMs;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(everyMs);
                Flushable output = target.get();
                if (output == null) {
                    return; // nobody can write to it any more, and what it had was flushed when its program ended
                }
                output.flush();
            } catch (InterruptedException | IOException | UncheckedIOException | OutputFailure e) {
                return;
            }
        }
    }
}
