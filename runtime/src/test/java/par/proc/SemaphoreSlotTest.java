package par.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A semaphore's steps in shared memory keep the protocol, and a process killed between its two writes loses no permit. */
class SemaphoreSlotTest {
    @TempDir
    Path dir;

    private Slots.Slot raw;

    private SemaphoreSlot semaphore(int permits) {
        raw = Slots.create(dir).slot(9);
        SemaphoreSlot hub = new SemaphoreSlot(raw);
        hub.init(permits);
        return hub;
    }

    @Test
    void permitsAreTakenAndGivenBackWithoutTheHubWhileNobodyWaits() {
        SemaphoreSlot hub = semaphore(2);
        SemaphoreSlot p1 = new SemaphoreSlot(raw);
        SemaphoreSlot p2 = new SemaphoreSlot(raw);
        assertTrue(p1.tryAcquire(1));
        assertTrue(p2.tryAcquire(2));
        assertEquals(0, hub.free());
        assertFalse(p1.tryAcquire(1), "none free: the hub is asked");
        assertFalse(hub.takeOrWait(), "none free: process 1 is counted as a waiter");
        assertFalse(p2.tryRelease(2), "someone waits: the permit goes back through the hub");
        assertTrue(hub.recordGiven(2));
        assertTrue(hub.hubGive());
        assertTrue(hub.hubTake(), "the hub hands it to the waiter");
        assertTrue(hub.recordTaken(1));
        hub.waiterLeft();
        assertTrue(p1.tryRelease(1), "a permit the hub granted is given back without it");
        assertTrue(p1.tryRelease(1));
        assertFalse(p1.tryRelease(1), "process 1 holds none: the hub decides");
        assertEquals(2, hub.free());
        assertEquals(0, hub.ended(1));
        assertEquals(0, hub.ended(2));
    }

    @Test
    void anEndedHolderGivesBackWhatItsEntryHolds() {
        SemaphoreSlot hub = semaphore(3);
        SemaphoreSlot p1 = new SemaphoreSlot(raw);
        assertTrue(p1.tryAcquire(1));
        assertTrue(p1.tryAcquire(1));
        assertEquals(2, hub.ended(1));
        assertEquals(0, hub.ended(1), "its entry is empty now");
    }

    @Test
    void aProcessKilledAfterTakingAPermitButBeforeWritingItsEntryStillGivesItBack() {
        SemaphoreSlot hub = semaphore(3);
        SemaphoreSlot p1 = new SemaphoreSlot(raw);
        assertTrue(p1.tryAcquire(1));
        // process 1 takes a second permit and is killed before it writes its entry: the state word
        // holds the claim (entry 1, a take, parity 0 after the first take's flip to 1)
        long entry = raw.get(8);
        raw.set(0, (raw.get(0) - 1) | (1L << 48));
        assertEquals(entry, raw.get(8));
        assertEquals(1, hub.free());
        assertFalse(new SemaphoreSlot(raw).tryAcquire(2), "while a claim stands nobody else starts one");
        assertEquals(2, hub.ended(1), "the claimed take is counted");
        hub.hubGive();
        hub.hubGive();
        assertEquals(3, hub.free());
        assertEquals(0, raw.get(0) >>> 48, "the claim is cleared");
    }

    @Test
    void aProcessKilledAfterWritingItsEntryIsNotCountedTwice() {
        SemaphoreSlot hub = semaphore(2);
        SemaphoreSlot p1 = new SemaphoreSlot(raw);
        assertTrue(p1.tryAcquire(1));
        assertTrue(p1.tryAcquire(1));
        // the second take's claim set again, as if the kill came after the entry but before the clear
        raw.set(0, raw.get(0) | (1L << 48));
        assertEquals(2, hub.ended(1));
    }

    @Test
    void anEighthProcessHasNoEntryAndGoesToTheHub() {
        SemaphoreSlot hub = semaphore(20);
        for (long id = 1; id <= 7; id++) {
            assertTrue(new SemaphoreSlot(raw).tryAcquire(id));
        }
        assertFalse(new SemaphoreSlot(raw).tryAcquire(8));
        assertFalse(hub.recordTaken(8), "the hub keeps its permit in its own memory");
        assertEquals(13, hub.free());
    }
}
