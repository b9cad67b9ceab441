package par.interp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Flushable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A flusher flushes its output every few milliseconds for as long as someone holds the output,
 * and ends once nobody does: par check made one output per schedule, and each flusher used to
 * wake fifty times a second until the JVM ended.
 */
class FlusherTest {
    @Test
    void endsOnceItsOutputIsCollected() throws InterruptedException {
        CountDownLatch flushed = new CountDownLatch(3);
        Flushable[] held = {flushed::countDown};
        Thread flusher = new Flusher("flusher-test", held[0], 1);
        flusher.start();
        assertTrue(flushed.await(30, TimeUnit.SECONDS), "the flusher did not flush while its output was held");
        held[0] = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (flusher.isAlive() && System.nanoTime() < deadline) {
            System.gc();
            flusher.join(10);
        }
        assertFalse(flusher.isAlive(), "the flusher of an output nobody holds is still running");
    }
}
