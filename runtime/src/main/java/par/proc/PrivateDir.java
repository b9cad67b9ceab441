package par.proc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The per-user directory, under the temporary directory, where Par keeps what makes later
 * runs start faster: class-data archives and parsed programs. What is read from it is
 * trusted, so it is used only if it belongs to this user and nobody else may write to it;
 * otherwise Par simply runs without it. Also says which build of Par is running, so nothing
 * made by another build is ever read.
 */
final class PrivateDir {
    private PrivateDir() {
    }

    private static final String USER = System.getProperty("user.name", "user");

    /**
     * The directory, made (0700) if need be; null when it cannot be trusted or made, or when
     * this build has no key (then nothing is kept at all).
     */
    static Path get() {
        return Once.DIR;
    }

    /** Worked out once per run, when first asked: the parse cache and the children's archive both ask. */
    private static final class Once {
        static final String KEY = computeBuildKey();
        static final Path DIR = KEY == null ? null : findDir();
    }

    private static Path findDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "par-" + USER);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.isSymbolicLink(dir) || !Files.getOwner(dir).getName().equals(USER)) {
                return null;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return null;
            }
            return dir;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** A private name beside target, to write to before the file is moved into place whole. */
    static Path tmpFor(Path target) {
        return target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /**
     * Of the files beside latest whose names match, keeps latest and the newest others: at most
     * keep files, and at most maxBytes together. The rest are removed. latest, just written,
     * goes first whatever its time says: file times are coarse, and many runs may write within
     * the same tick.
     */
    static void keepNewest(Path latest, Predicate<String> names, int keep, long maxBytes) throws IOException {
        List<File> newestFirst;
        try (Stream<Path> files = Files.list(latest.getParent())) {
            newestFirst = files.filter(p -> names.test(p.getFileName().toString()) && !p.equals(latest))
                    .map(Path::toFile).sorted(Comparator.comparingLong(File::lastModified).reversed())
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
        newestFirst.add(0, latest.toFile());
        int kept = 0;
        long bytes = 0;
        for (File f : newestFirst) {
            bytes += f.length();
            if (kept < keep && bytes <= maxBytes) {
                kept++;
            } else {
                f.delete();
            }
        }
    }

    /**
     * This build of Par on this java: the java's home and every class path entry's size and
     * time. Null when the class path has directories, whose dates say little of their files.
     */
    static String buildKey() {
        return Once.KEY;
    }

    private static String computeBuildKey() {
        StringBuilder key = new StringBuilder(System.getProperty("java.home"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            if (!f.isFile() || !entry.endsWith(".jar")) {
                return null;
            }
            key.append('|').append(f.getAbsolutePath()).append(':').append(f.length()).append(':')
                    .append(f.lastModified());
        }
        return Integer.toHexString(key.toString().hashCode());
    }
}
