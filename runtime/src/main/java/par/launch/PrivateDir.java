package par.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The per-user directory where Par keeps what makes later runs start faster: class-data
 * archives and parsed programs. What is read from it is trusted, so a directory is used only
 * if it belongs to this user and nobody else may write to it. The first choice is
 * {@code par-USER} in the temporary directory; if another user holds that name, or it is not
 * private, Par keeps its files in {@code $XDG_RUNTIME_DIR/par} or else {@code ~/.cache/par}.
 * Also says which build of Par is running, so nothing made by another build is ever read.
 * It touches only those directories.
 */
public final class PrivateDir {
    private PrivateDir() {
    }

    private static final String USER = System.getProperty("user.name", "user");

    /** The directory, made (0700) if need be; null when none can be trusted or made. */
    public static Path get() {
        return Once.DIR;
    }

    /** Worked out once per run, when first asked: the parse cache and the children's archive both ask. */
    private static final class Once {
        static final String KEY = keyOf(System.getProperty("java.class.path"));
        static final Path DIR = find(System.getProperty("java.io.tmpdir"), System.getenv("XDG_RUNTIME_DIR"), home(),
                USER);
    }

    private static String home() {
        String home = System.getenv("HOME");
        return home == null || home.isEmpty() ? System.getProperty("user.home") : home;
    }

    /**
     * The first of the places Par may keep its files that is, or can be made, private to user:
     * tmp/par-USER, then runtimeDir/par (only if runtimeDir exists: it is the session's, made
     * by the system), then home/.cache/par. Null if none is. Any of the given places may be null.
     */
    public static Path find(String tmp, String runtimeDir, String home, String user) {
        if (tmp != null) {
            Path dir = privateDir(Path.of(tmp, "par-" + user), user);
            if (dir != null) {
                return dir;
            }
        }
        if (runtimeDir != null && !runtimeDir.isEmpty() && Files.isDirectory(Path.of(runtimeDir))) {
            Path dir = privateDir(Path.of(runtimeDir, "par"), user);
            if (dir != null) {
                return dir;
            }
        }
        if (home != null && !home.isEmpty()) {
            return privateDir(Path.of(home, ".cache", "par"), user);
        }
        return null;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /**
     * dir, made 0700 if it does not exist; null if it is a link, belongs to someone else, or
     * others may write to it. Our own directory that others may only read is closed to them:
     * what is in it is still ours, but it holds the text of every program run.
     */
    private static Path privateDir(Path dir, String user) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                makeDir(dir);
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(user)) {
                return null;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return null;
            }
            if (!OWNER_ONLY.containsAll(perms)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            return dir;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Makes dir (0700) and any missing parent (as the user's umask has it). */
    private static void makeDir(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            // another run made it first, or something else holds the name: checked next
        }
    }

    /** How long a packed class path or a children's archive is kept from removal after it was written. */
    static final long IN_USE_MILLIS = 60 * 60 * 1000;

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
        keepNewest(latest, names, keep, maxBytes, 0);
    }

    /**
     * The same, except that a file written less than youngMillis ago is never removed: another
     * root, of another build, may be starting children with it now (the packed class path and
     * the children's archive), and a child whose jar went missing could not start.
     */
    static void keepNewest(Path latest, Predicate<String> names, int keep, long maxBytes, long youngMillis)
            throws IOException {
        long young = System.currentTimeMillis() - youngMillis;
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
            } else if (youngMillis <= 0 || f.lastModified() < young) {
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

    /** The key of a JVM on this java with the given class path, as {@link #buildKey()} is. */
    static String keyOf(String classPath) {
        StringBuilder key = new StringBuilder(System.getProperty("java.home"));
        for (String entry : classPath.split(File.pathSeparator)) {
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
