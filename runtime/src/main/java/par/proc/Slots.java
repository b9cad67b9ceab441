package par.proc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path's shared memory: a file in the user's private directory, mapped by the root and
 * by every child that touches a lock, a shared value or a queue, holding one 64-byte slot per
 * hub id. The slot of a lock (or of a shared value, for its guard lock) is where that lock's
 * state lives, for the hub too; processes change it by compare-and-set through {@link VarHandle}s,
 * and talk to the hub only when they must wait. Ids beyond the file's capacity get a slot of
 * their own in the root's memory, which only the hub uses (those objects go the slow way).
 *
 * <p>The file: slot 0 is a header (magic, layout version, capacity, whether the fast path is on
 * now); slot {@code id} belongs to hub object {@code id}. It is made 0600 with a fresh name and
 * read only if it still is a regular file of this user that nobody else may read or write, of the
 * size its header says, with the right magic: anything else is refused with the reason. The hub
 * removes it at its end; a root killed before that leaves it behind, and the next root removes it
 * ({@link #sweep}).
 *
 * <p>A slot's words (longs, native order):
 * <ul>
 * <li>{@code LOCK}: low 32 bits the holder's process id + 1 (0 free, {@link #ABANDONED} free but
 * to be handed out by the hub, which warns the taker); high 32 bits how many processes wait for
 * it in the hub. Only the hub changes the count, and only with the hub's monitor held.
 * <li>{@code LINE}: the line its holder took it at (0: none known), for deadlock reports.
 * <li>{@code SEQ}, {@code TAG0..VAL1}: a shared number, double-buffered: SEQ's high 32 bits count
 * the writes (their parity says which buffer is current), its low 32 bits are the id + 1 of the
 * process writing now (0: nobody). A buffer is a tag ({@link #HUB}: the value is not a number
 * and lives in the hub; {@link #INT}; {@link #FLOAT}) and the value's bits.
 * <li>{@code BATCH}: a queue's batch in a getter's hand: high 32 bits how many items it was
 * given, low 32 bits how many it has taken.
 * </ul>
 *
 * <p>Locks. Acquire is CAS(LOCK, 0, me+1): it only succeeds with nobody waiting in the hub, so a
 * waiter is never overtaken by a process arriving later. Release is CAS(LOCK, me+1, 0): it fails
 * when someone waits (the count is in the same word), and the release goes to the hub, which
 * hands the lock to the first waiter (LOCK becomes that waiter's id, count - 1). A process whose
 * acquire fails spins a moment (the holder of a short critical section is about to release),
 * then asks the hub, which in one CAS either takes the lock for it (it was released meanwhile)
 * or adds one to the count and parks it. A releaser therefore either sees the count and goes to
 * the hub, or has freed the lock before the hub's CAS, which then takes it: no wake-up is lost.
 * The hub reads the holder from LOCK for the deadlock detector and {@code :ps}; a process that
 * dies holding a lock has it released by the hub, which scans the slots for its id.
 *
 * <p>Shared numbers. A read takes SEQ, the current buffer, and SEQ again, until the write count
 * has not moved: it never waits for a writer. A write claims SEQ (CAS of the writer field from
 * 0), fills the other buffer, then publishes it by bumping the count with the field cleared. A
 * writer that dies holding the claim changed nothing visible: the hub clears the claim. A value
 * that is not a number is written through the hub, which sets the tag to {@link #HUB} for good.
 *
 * <p>Queue batches. The hub may give a queue's only getter several items at once: it sets BATCH
 * to (n, 1) and sends them; the getter takes item i by CAS(BATCH, (n, i), (n, i + 1)). The hub
 * takes back what has not been taken (when another process gets from that queue, or the getter
 * ends) by CAS(BATCH, (n, i), (i, i)) and puts items i..n-1 back at the queue's head.
 */
public final class Slots {
    public static final int SLOT = 64;
    /** How many slots a file has: ids from 1 up to this get a fast path. */
    public static final int CAPACITY = 1 << 16;
    static final long MAGIC = 0x31544F4C53524150L; // "PARSLOT1"
    static final long VERSION = 1;

    private static final int LOCK = 0, LINE = 8, SEQ = 16, TAG0 = 24, VAL0 = 32, BATCH = 56;
    private static final int MAGIC_AT = 0, VERSION_AT = 8, CAPACITY_AT = 16, FAST_AT = 24;
    public static final long ABANDONED = 0xFFFFFFFFL;
    private static final long LOW = 0xFFFFFFFFL;
    public static final long HUB = 0, INT = 1, FLOAT = 2;

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

    private final ByteBuffer buffer;
    private final int capacity;
    /** The file, or null for memory only the root sees (no private directory could be had). */
    private final Path path;

    private Slots(ByteBuffer buffer, int capacity, Path path) {
        this.buffer = buffer.order(ByteOrder.nativeOrder());
        this.capacity = capacity;
        this.path = path;
    }

    /** A new file in dir (null: memory of the root's own, with no fast path for children). */
    public static Slots create(Path dir) {
        if (dir != null) {
            sweep(dir);
            try {
                Path file = dir.resolve("slots-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".map");
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
                Slots s = new Slots(map(file, (long) CAPACITY * SLOT), CAPACITY, file);
                s.header();
                return s;
            } catch (IOException | UnsupportedOperationException e) {
                // no file: the root keeps its slots in its own memory
            }
        }
        Slots s = new Slots(ByteBuffer.allocateDirect(SLOT * 2), 0, null);
        s.header();
        return s;
    }

    /**
     * Removes the files of roots that ended without removing theirs (killed with SIGKILL), so
     * they do not pile up: a file's name holds its root's pid. A live process with that pid is
     * its root unless it started after the file was last written (the pid was reused).
     */
    static void sweep(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "slots-*.map")) {
            for (Path file : files) {
                if (orphaned(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // left for the next root's sweep
        }
    }

    /** Whether the root that made file (slots-PID-NANOS.map) is gone. */
    static boolean orphaned(Path file) throws IOException {
        String[] parts = file.getFileName().toString().split("-");
        long pid;
        try {
            pid = parts.length == 3 ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid <= 0) {
            return false;
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = owner.get().info().startInstant();
        // a second's slack: the start time read from /proc is rounded
        return started.isPresent()
                && started.get().isAfter(Files.getLastModifiedTime(file).toInstant().plusSeconds(1));
    }

    private void header() {
        buffer.putLong(MAGIC_AT, MAGIC).putLong(VERSION_AT, VERSION).putLong(CAPACITY_AT, capacity);
        setFast(true);
    }

    private static MappedByteBuffer map(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() < size) {
                ch.write(ByteBuffer.allocate(1), size - 1);
            }
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
        }
    }

    /**
     * The root's file, opened by a child; refused (with the reason) unless it is a regular file
     * of this user that only this user may read and write, of the size and form the hub made.
     */
    public static Slots open(Path file) {
        String why = refusal(file);
        if (why != null) {
            throw new par.interp.ParError("the shared-memory file " + file + " is refused: " + why);
        }
        try {
            long size = Files.size(file);
            return new Slots(map(file, size), (int) (size / SLOT), file);
        } catch (IOException e) {
            throw new par.interp.ParError("the shared-memory file " + file + " cannot be opened: " + e.getMessage());
        }
    }

    /** Why file cannot be trusted, or null if it can. */
    static String refusal(Path file) {
        try {
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return "it is not a regular file";
            }
            String user = System.getProperty("user.name");
            if (!a.owner().getName().equals(user)) {
                return "it belongs to " + a.owner().getName() + ", not to " + user;
            }
            if (!a.permissions().equals(OWNER_RW)) {
                return "its mode is " + PosixFilePermissions.toString(a.permissions()) + ", not rw-------";
            }
            if (a.size() < SLOT * 2L) {
                return "it is truncated (" + a.size() + " bytes)";
            }
            ByteBuffer head = ByteBuffer.allocate(SLOT).order(ByteOrder.nativeOrder());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.read(head, 0);
            }
            if (head.getLong(MAGIC_AT) != MAGIC || head.getLong(VERSION_AT) != VERSION) {
                return "it is not a Par slot file of this version (corrupt header)";
            }
            long capacity = head.getLong(CAPACITY_AT);
            if (capacity < 2 || capacity > CAPACITY || capacity * SLOT != a.size()) {
                return "it is truncated or corrupt (" + a.size() + " bytes for " + capacity + " slots)";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
    }

    /**
     * Runs what a child's first fast operation runs, on nothing that matters: the checks of a
     * file and its mapping (on the JDK's own modules file, read only), and each step of the
     * protocol on memory of its own. A spare does this before its job comes, and the class-data
     * archive records it: the first lock of a child cost it some 50 ms otherwise, most of it the
     * JDK's mapping code making its first lambda and the VarHandles linking.
     */
    public static void warmUp() {
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
        refusal(modules);
        try (FileChannel ch = FileChannel.open(modules, StandardOpenOption.READ)) {
            ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(ch.size(), SLOT));
        } catch (IOException | UnsupportedOperationException e) {
            // nothing warmed: the first real mapping pays
        }
        Slots memory = create(null);
        Slot slot = memory.slotForHub(1);
        for (int i = 0; i < 3 && memory.fast(); i++) {
            slot.tryLock(0, 1);
            slot.tryUnlock(0);
            slot.takeOrWait(0, 1);
            slot.hubFree(false);
            slot.init(INT, i);
            slot.setNumber(0, slot.number());
            SemaphoreSlot permits = new SemaphoreSlot(slot);
            permits.init(1);
            permits.tryAcquire(0);
            permits.tryRelease(0);
        }
    }

    /** The file children map ("" when there is none). */
    public String path() {
        return path == null ? "" : path.toString();
    }

    /** Removes the file (the end of the run); mappings already made stay valid. */
    public void delete() {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // it goes with the directory's next clean-up
            }
        }
    }

    /** Whether processes may skip the hub now (off while anything must see every operation). */
    public boolean fast() {
        return (long) LONGS.getAcquire(buffer, FAST_AT) != 0;
    }

    public void setFast(boolean on) {
        LONGS.setVolatile(buffer, FAST_AT, on ? 1L : 0L);
    }

    /** The line of a call site {@code file.par:LINE}, kept in a lock's slot; 0 for none. */
    public static int lineOf(String site) {
        int colon = site == null ? -1 : site.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(site.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Object id's slot in the file, or null when the file has none for it. */
    public Slot slot(long id) {
        return id > 0 && id < capacity ? new Slot(buffer, (int) id * SLOT) : null;
    }

    /** A slot for id whatever its number: in the file, or else in the root's own memory. */
    public Slot slotForHub(long id) {
        Slot s = slot(id);
        return s != null ? s : new Slot(ByteBuffer.allocateDirect(SLOT), 0);
    }

    /** One object's 64 bytes, and every atomic step the protocol above takes on them. */
    public static final class Slot {
        private final ByteBuffer b;
        private final int at;

        Slot(ByteBuffer b, int at) {
            this.b = b;
            this.at = at;
        }

        long get(int word) {
            return (long) LONGS.getVolatile(b, at + word);
        }

        void set(int word, long v) {
            LONGS.setVolatile(b, at + word, v);
        }

        /** A store ordered after everything before it, without the full fence of a volatile one. */
        void put(int word, long v) {
            LONGS.setRelease(b, at + word, v);
        }

        boolean cas(int word, long expect, long v) {
            return LONGS.compareAndSet(b, at + word, expect, v);
        }

        // ------------------------------------------------------------ locks, by processes

        /** How long a process spins for a busy lock before it asks the hub. */
        private static final long SPIN_NANOS = 100_000;

        /**
         * Takes the lock for process me if it is free, or becomes free within a short spin;
         * false when it must be asked of the hub (held, waited for, abandoned, or held by me).
         */
        public boolean tryLock(long me, int line) {
            long mine = me + 1;
            if (cas(LOCK, 0, mine)) { // the common case first: one atomic step
                put(LINE, line);
                return true;
            }
            long deadline = 0;
            for (int i = 0; ; i++) {
                long w = get(LOCK);
                if (w == 0) {
                    if (cas(LOCK, 0, mine)) {
                        put(LINE, line);
                        return true;
                    }
                    continue;
                }
                if ((w >>> 32) != 0 || w == ABANDONED || w == mine) {
                    return false;
                }
                deadline = spin(i, deadline);
                if (deadline < 0) {
                    return false;
                }
            }
        }

        /**
         * One turn of a spin for a busy slot (i: turns so far): the deadline to keep, or -1 when
         * the spin is over and the process should ask the hub.
         */
        static long spin(int i, long deadline) {
            if (i < 64) {
                Thread.onSpinWait();
                return deadline;
            }
            if (deadline == 0) {
                return System.nanoTime() + SPIN_NANOS;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.yield();
            return deadline;
        }

        /** Releases me's hold if nobody waits; false when the hub must (waiters, or not held). */
        public boolean tryUnlock(long me) {
            return cas(LOCK, me + 1, 0);
        }

        // ------------------------------------------------------------ locks, by the hub

        /** The holder's process id, or -1 when free (abandoned counts as free). */
        public long holder() {
            long owner = get(LOCK) & LOW;
            return owner == 0 || owner == ABANDONED ? -1 : owner - 1;
        }

        public boolean abandoned() {
            return (get(LOCK) & LOW) == ABANDONED;
        }

        /** The line the holder took it at, 0 if none is known. */
        public int line() {
            return (int) get(LINE);
        }

        /** Takes the lock for me if free (or abandoned), keeping the count of waiters. */
        public boolean hubTake(long me, int line) {
            while (true) {
                long w = get(LOCK);
                long owner = w & LOW;
                if (owner != 0 && owner != ABANDONED) {
                    return false;
                }
                if (cas(LOCK, w, (w & ~LOW) | (me + 1))) {
                    set(LINE, line);
                    return true;
                }
            }
        }

        /**
         * Takes the lock for me if free, else counts one more waiter, in one step: so a release
         * either finds the count, or came first and the lock is taken here.
         */
        public boolean takeOrWait(long me, int line) {
            while (true) {
                long w = get(LOCK);
                long owner = w & LOW;
                if (owner == 0 || owner == ABANDONED) {
                    if (hubTake(me, line)) {
                        return true;
                    }
                    continue;
                }
                if (cas(LOCK, w, w + (1L << 32))) {
                    return false;
                }
            }
        }

        /** One waiter fewer (granted, timed out, withdrawn or dead). */
        public void waiterLeft() {
            while (true) {
                long w = get(LOCK);
                if ((w >>> 32) == 0 || cas(LOCK, w, w - (1L << 32))) {
                    return;
                }
            }
        }

        /** Frees the lock (keeping the count); abandoned: the next taker must come to the hub. */
        public void hubFree(boolean abandoned) {
            while (true) {
                long w = get(LOCK);
                if (cas(LOCK, w, (w & ~LOW) | (abandoned ? ABANDONED : 0))) {
                    return;
                }
            }
        }

        // ------------------------------------------------------------ shared numbers

        /** The number held, a Long or a Double; null when the value lives in the hub. */
        public Object number() {
            while (true) {
                long s1 = get(SEQ);
                int buf = TAG0 + (int) ((s1 >>> 32) & 1) * 16;
                long tag = get(buf);
                long bits = get(buf + 8);
                if ((get(SEQ) >>> 32) == (s1 >>> 32)) {
                    return tag == INT ? (Object) bits : tag == FLOAT ? (Object) Double.longBitsToDouble(bits) : null;
                }
            }
        }

        /** Writes a number (a Long or a Double) for process me; false if the value lives in the hub. */
        public boolean setNumber(long me, Object value) {
            return write(me, value instanceof Long ? INT : FLOAT,
                    value instanceof Long ? (Long) value : Double.doubleToRawLongBits((Double) value), null);
        }

        /** The hub's write: a number, or HUB for good; a dead writer's claim is cleared. */
        public void hubWrite(long me, long tag, long bits, java.util.function.LongPredicate alive) {
            write(me, tag, bits, alive);
        }

        private boolean write(long me, long tag, long bits, java.util.function.LongPredicate alive) {
            long s = claim(me, alive);
            int cur = TAG0 + (int) ((s >>> 32) & 1) * 16;
            if (get(cur) == HUB && alive == null) {
                set(SEQ, s); // unclaimed, unchanged
                return false;
            }
            int next = TAG0 + (int) (((s >>> 32) + 1) & 1) * 16;
            // the claim's CAS keeps these after it; the release store publishes them together
            put(next, tag);
            put(next + 8, bits);
            put(SEQ, (((s >>> 32) + 1) & LOW) << 32);
            return true;
        }

        /** Waits for no writer, then claims SEQ for me; returns SEQ as it was (unclaimed). */
        private long claim(long me, java.util.function.LongPredicate alive) {
            for (int i = 0; ; i++) {
                long s = get(SEQ);
                long writer = s & LOW;
                if (writer == 0) {
                    if (cas(SEQ, s, s | (me + 1))) {
                        return s;
                    }
                } else if (alive != null && i % 1024 == 1023 && !alive.test(writer - 1)) {
                    clearWriter(writer - 1);
                } else if (i > 64) {
                    Thread.yield();
                }
            }
        }

        /** Process id died: a write it had claimed and not published never happened. */
        public void clearWriter(long id) {
            long s = get(SEQ);
            if ((s & LOW) == id + 1) {
                cas(SEQ, s, s & ~LOW);
            }
        }

        /** Sets the starting value (before any process can see the slot). */
        public void init(long tag, long bits) {
            set(SEQ, 0);
            set(TAG0, tag);
            set(VAL0, bits);
        }

        // ------------------------------------------------------------ queue batches

        /** The hub hands a batch of n items, the first taken at once. */
        public void batchGiven(int n) {
            set(BATCH, ((long) n << 32) | 1);
        }

        /** The getter's next item's index in its batch, taken; -1 when the batch is over. */
        public int takeFromBatch() {
            while (true) {
                long w = get(BATCH);
                long taken = w & LOW;
                if (taken >= (w >>> 32)) {
                    return -1;
                }
                if (cas(BATCH, w, w + 1)) {
                    return (int) taken;
                }
            }
        }

        /** The hub ends the batch: how many items the getter took (the rest come back). */
        public int batchTakenBack() {
            while (true) {
                long w = get(BATCH);
                long taken = w & LOW;
                if (cas(BATCH, w, (taken << 32) | taken)) {
                    return (int) taken;
                }
            }
        }

        /** Items given and not yet taken. */
        public int batchLeft() {
            long w = get(BATCH);
            return (int) ((w >>> 32) - (w & LOW));
        }
    }
}
