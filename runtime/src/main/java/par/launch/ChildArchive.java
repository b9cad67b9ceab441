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
     * The flags that make a child start from this archive. The archive is mapped at the
     * address it was written for (ArchiveRelocationMode=0, JDK 17's first default) rather than
     * at a random one: relocating its pointers wrote to every page of it, so each child paid
     * for its own copies instead of sharing the file's pages with its siblings. Twenty spawns
     * took 954 ms of CPU instead of 1056 (JDK 17). The price is that the archive's place in
     * memory is the same in every child, which address-space randomization would have varied.
     */
    List<String> useFlags() {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                (aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + path);
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
