package par.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import par.interp.ParError;
import par.wire.Answer;

/** The root's wait for one answer: which of an answer, a failure and an interrupt it reports. */
class PendingTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aFailureReportsItself() {
        Pending<Answer> p = new Pending<>(null);
        p.fail("process alice (pid 7) was killed by signal 9 (SIGKILL)");
        assertEquals("process alice (pid 7) was killed by signal 9 (SIGKILL)",
                assertThrows(ParError.class, p::await).getMessage());
    }

    @Test
    void aFailureThatCameWithAnInterruptReportsTheInterrupt() {
        // a deadlock interrupts the program, then kills the child it joins; the death may answer first
        Thread.currentThread().interrupt();
        Pending<Answer> p = new Pending<>(null);
        p.fail("process alice (pid 7) was killed by signal 9 (SIGKILL)");
        assertEquals("interrupted", assertThrows(ParError.class, p::await).getMessage());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays for the interpreter to see");
    }

    @Test
    void anAnswerThatCameFirstWinsOverTheInterrupt() {
        Thread.currentThread().interrupt();
        Pending<Answer> p = new Pending<>(null);
        Answer granted = new Answer.Value(new byte[0]);
        p.ok(granted);
        assertEquals(granted, p.await());
    }
}
