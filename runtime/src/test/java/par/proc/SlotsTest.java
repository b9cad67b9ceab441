package par.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import par.interp.ParError;

/** The shared memory's file is trusted only as the hub made it, and its steps keep the protocol. */
class SlotsTest {
    @TempDir
    Path dir;

    private Path made() {
        return Path.of(Slots.create(dir).path());
    }

    @Test
    void aFileTheHubMadeOpensWithItsMode0600() throws IOException {
        Path file = made();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Slots opened = Slots.open(file);
        assertTrue(opened.fast());
        assertEquals(file.toString(), opened.path());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = made();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Slots.SLOT * 100L);
        }
        ParError e = assertThrows(ParError.class, () -> Slots.open(file));
        assertEquals("the shared-memory file " + file + " is refused: it is truncated or corrupt (6400 bytes for "
                + Slots.CAPACITY + " slots)", e.getMessage());
    }

    @Test
    void aCorruptHeaderIsRefused() throws IOException {
        Path file = made();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(new byte[] {'n', 'o', 't', ' ', 'p', 'a', 'r'});
        }
        ParError e = assertThrows(ParError.class, () -> Slots.open(file));
        assertEquals("the shared-memory file " + file + " is refused: it is not a Par slot file of this version (corrupt header)",
                e.getMessage());
    }

    @Test
    void aFileOthersMayReadOrWriteIsRefused() throws IOException {
        Path file = made();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        ParError e = assertThrows(ParError.class, () -> Slots.open(file));
        assertEquals("the shared-memory file " + file + " is refused: its mode is rw-rw-r--, not rw-------", e.getMessage());
    }

    @Test
    void aLinkOrAMissingFileIsRefused() throws IOException {
        Path file = made();
        Path link = Files.createSymbolicLink(dir.resolve("link.map"), file);
        assertEquals("it is not a regular file", Slots.refusal(link));
        assertTrue(Slots.refusal(dir.resolve("gone.map")).startsWith("it cannot be read"));
    }

    @Test
    void aNewFileRemovesThoseOfRootsThatAreGoneAndKeepsThoseOfLiveOnes() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long me = ProcessHandle.current().pid();
        Path dead = Files.createFile(dir.resolve("slots-" + ended.pid() + "-1.map"));
        Path live = Files.createFile(dir.resolve("slots-" + me + "-2.map"));
        Path reused = Files.createFile(dir.resolve("slots-" + me + "-3.map"));
        Files.setLastModifiedTime(reused, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Path other = Files.createFile(dir.resolve("slots-notapid-4.map"));
        Path made = made();
        assertFalse(Files.exists(dead), "its root has ended");
        assertFalse(Files.exists(reused), "its pid now belongs to a process that started after the file was written");
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other), "not a name the hub gives: left alone");
        assertTrue(Files.exists(made));
    }

    @Test
    void aReleaseFindsTheWaiterTheHubCountedAndLeavesTheLockToTheHub() {
        Slots.Slot slot = Slots.create(dir).slot(5);
        assertTrue(slot.tryLock(1, 3));
        assertEquals(1, slot.holder());
        assertEquals(3, slot.line());
        assertFalse(slot.tryLock(1, 4), "held by me: the hub says so");
        assertFalse(slot.takeOrWait(2, 7), "held: process 2 is counted as a waiter");
        assertFalse(slot.tryUnlock(1), "someone waits: the release goes to the hub");
        assertFalse(slot.tryLock(3, 9), "a newcomer never overtakes a waiter");
        slot.hubFree(false);
        assertTrue(slot.hubTake(2, 7), "the hub hands it to the waiter");
        slot.waiterLeft();
        assertEquals(2, slot.holder());
        assertTrue(slot.tryUnlock(2));
        assertEquals(-1, slot.holder());
    }

    @Test
    void anAbandonedLockIsTakenOnlyThroughTheHub() {
        Slots.Slot slot = Slots.create(dir).slot(5);
        assertTrue(slot.tryLock(1, 3));
        slot.hubFree(true);
        assertTrue(slot.abandoned());
        assertFalse(slot.tryLock(2, 4));
        assertTrue(slot.hubTake(2, 4));
        assertEquals(2, slot.holder());
    }

    @Test
    void aNumberIsReadAsWrittenUntilItMovesToTheHub() {
        Slots.Slot slot = Slots.create(dir).slot(6);
        slot.init(Slots.INT, 41);
        assertEquals(41L, slot.number());
        assertTrue(slot.setNumber(1, 2.5));
        assertEquals(2.5, slot.number());
        slot.hubWrite(0, Slots.HUB, 0, id -> true);
        assertNull(slot.number());
        assertFalse(slot.setNumber(1, 3L), "once in the hub, a number is written through the hub");
    }

    @Test
    void aBatchTakenBackKeepsWhatTheGetterTook() {
        Slots.Slot slot = Slots.create(dir).slot(7);
        slot.batchGiven(5);
        assertEquals(1, slot.takeFromBatch());
        assertEquals(2, slot.takeFromBatch());
        assertEquals(2, slot.batchLeft());
        assertEquals(3, slot.batchTakenBack());
        assertEquals(-1, slot.takeFromBatch());
        assertEquals(0, slot.batchLeft());
    }
}
