package par.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The class-data archive that lets child JVMs start faster: on JDK 25 and later the AOT cache
 * (classes loaded and linked, with their profiles), before that AppCDS. A run that finds none
 * records one for the runs after it. It is keyed on the java and the children's class path (each
 * entry's size and time), so a rebuild or another JDK makes a new one; it lives in the per-user
 * directory ({@link PrivateDir}).
 */
final class ChildArchive {
    final Path path;
    /** The children's class path is all jars (so it has a key) and there is a private directory. */
    final boolean usable;
    /** JDK 25's AOT cache (JEP 483, 514, 515) rather than a dynamic AppCDS archive. */
    private final boolean aot;

    private ChildArchive(Path path, boolean usable, boolean aot) {
        this.path = path;
        this.usable = usable;
        this.aot = aot;
    }

    /**
     * The flags that make a child start from this archive. It is relocated to a random address,
     * the JVM's default, although that writes to every page of the JDK's archive and ours, so
     * each child holds private copies of them (about 8 MB more of its own memory, idle resident
     * size 38.7-39.2 MB against 38.4). Mapped instead at the address it was written for
     * (ArchiveRelocationMode=0), the pages were the file's and shared, and one JVM alone
     * started as fast; but JVMs starting side by side, as spares and a program's spawns do,
     * then took 15-20% more CPU (three at once: 500 ms against 425), and 20 spawns and joins
     * 16-22% longer, on JDK 17 and 25 alike.
     */
    List<String> useFlags() {
        return List.of((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + path);
    }

    /**
     * The flags that make a JVM record the archive into dump as it exits. AppCDS is recorded
     * interpreted (-Xint): a dynamic archive dumped after the JIT had been busy sometimes made
     * every child started from it run loops three times slower (seen on JDK 17, about one
     * archive in five). The AOT cache is recorded as is, since the profiles it keeps are
     * half its worth.
     */
    List<String> recordFlags(Path dump) {
        return aot ? List.of("-XX:AOTCacheOutput=" + dump)
                : List.of("-Xint", "-XX:ArchiveClassesAtExit=" + dump);
    }

    /** The archive for children on this java started with the given class path. */
    static ChildArchive forClassPath(String classPath) {
        boolean aot = Runtime.version().feature() >= 25;
        String key = PrivateDir.keyOf(classPath);
        Path dir = PrivateDir.get();
        String name = "child-" + (key == null ? "none" : key) + (aot ? ".aot" : ".jsa");
        Path path = dir == null ? Path.of(name) : dir.resolve(name);
        return new ChildArchive(path, dir != null && key != null, aot);
    }

    private void pruneOld() throws IOException {
        PrivateDir.keepNewest(path, name -> name.matches("child-[0-9a-f]+\\.(jsa|aot)"), KEEP, Long.MAX_VALUE,
                PrivateDir.IN_USE_MILLIS);
        // recordings cut short (their run was killed) are left behind; an hour on, nobody writes them
        long stale = System.currentTimeMillis() - 3_600_000L;
        try (java.util.stream.Stream<Path> files = Files.list(path.getParent())) {
            files.filter(p -> p.getFileName().toString().endsWith(".tmp") && p.toFile().lastModified() < stale)
                    .forEach(p -> p.toFile().delete());
        }
    }

    boolean ready() {
        return usable && Files.isRegularFile(path);
    }

    /** A private name to dump to; moved into place only once complete. */
    Path dumpPath() {
        return PrivateDir.tmpFor(path);
    }

    /** How many archives (one per build and JDK) are kept; older ones are removed. */
    private static final int KEEP = 4;

    void install(Path dumped) {
        try {
            if (Files.isRegularFile(dumped) && Files.size(dumped) > 0) {
                Files.move(dumped, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                pruneOld();
            }
        } catch (IOException e) {
            // another run may have installed one meanwhile; either is fine
        } finally {
            try {
                Files.deleteIfExists(dumped);
            } catch (IOException e) {
                // nothing to clean
            }
        }
    }
}
