package par.launch;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The class path child JVMs start with: the root's own, except that class directories (a build
 * tree, as under {@code mvn test} or in an IDE) are packed into one jar in the private
 * directory. A class-data archive holds classes from jars only, and a child that loads its
 * classes from files, with no archive, costs several times the CPU of one started from the
 * archive. The jar is named by what the directories hold (each file's name, size and time),
 * so a rebuild packs a new one. Touches only the private directory.
 */
final class ChildClassPath {
    private ChildClassPath() {
    }

    /** How many packed jars (one per build) are kept; older ones are removed. */
    private static final int KEEP = 4;

    /** Packed once per JVM, when the first child starts: the golden tests run many hubs in one. */
    static String get() {
        return Once.PATH;
    }

    private static final class Once {
        static final String PATH = of(System.getProperty("par.childClassPath", System.getProperty("java.class.path")),
                PrivateDir.get());
    }

    /**
     * classPath with its directories packed into one jar in dir, which stands where the first
     * of them stood. classPath itself when it has no directory, when there is no private
     * directory, or when packing fails: children then simply load from the directories.
     */
    static String of(String classPath, Path dir) {
        List<String> entries = List.of(classPath.split(File.pathSeparator));
        List<Path> dirs = new ArrayList<>();
        for (String e : entries) {
            if (!e.isEmpty() && Files.isDirectory(Path.of(e))) {
                dirs.add(Path.of(e));
            }
        }
        if (dirs.isEmpty() || dir == null) {
            return classPath;
        }
        try {
            Path jar = packed(dirs, dir);
            List<String> result = new ArrayList<>();
            for (String e : entries) {
                boolean isDir = !e.isEmpty() && dirs.contains(Path.of(e));
                if (!isDir) {
                    result.add(e);
                } else if (!result.contains(jar.toString())) {
                    result.add(jar.toString());
                }
            }
            return String.join(File.pathSeparator, result);
        } catch (IOException | RuntimeException e) {
            return classPath;
        }
    }

    /** The jar holding dirs' files, packed now unless an earlier run already did. */
    private static Path packed(List<Path> dirs, Path dir) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        List<TreeMap<String, Path>> perDir = new ArrayList<>();
        for (Path d : dirs) {
            TreeMap<String, Path> these = listFiles(d);
            perDir.add(these);
            these.forEach(files::putIfAbsent); // the first directory to hold a name wins, as on the class path
        }
        Path jar = dir.resolve("classes-" + key(dirs, perDir) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path tmp = PrivateDir.tmpFor(jar);
        try {
            write(tmp, files);
            try {
                // a link, not a move, so a jar that another run put in place first is kept: its
                // time is part of the archive's key, which that run's children are started with
                Files.createLink(jar, tmp);
            } catch (FileAlreadyExistsException raced) {
                return jar;
            }
            PrivateDir.keepNewest(jar, name -> name.matches("classes-[0-9a-f]+\\.jar"), KEEP, Long.MAX_VALUE,
                    PrivateDir.IN_USE_MILLIS);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return jar;
    }

    /** Every file under d, by its name in a jar ('/'-separated, relative to d). */
    private static TreeMap<String, Path> listFiles(Path d) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(d)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                StringBuilder name = new StringBuilder();
                for (Path part : d.relativize(p)) {
                    name.append(name.length() == 0 ? "" : "/").append(part);
                }
                files.put(name.toString(), p);
            });
        }
        return files;
    }

    /** A digest of each directory's path and each of its files' name, size and time. */
    private static String key(List<Path> dirs, List<TreeMap<String, Path>> perDir) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        for (int i = 0; i < dirs.size(); i++) {
            digest.update((dirs.get(i).toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            for (var f : perDir.get(i).entrySet()) {
                File file = f.getValue().toFile();
                String line = f.getKey() + ":" + file.length() + ":" + file.lastModified() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static void write(Path jar, TreeMap<String, Path> files) throws IOException {
        // java.io, not the JDK's file channels, which would keep a socket pair open for the run
        try (OutputStream out = new FileOutputStream(jar.toFile()); JarOutputStream zip = new JarOutputStream(out)) {
            Set<String> madeDirs = new HashSet<>();
            for (var f : files.entrySet()) {
                addParents(zip, f.getKey(), madeDirs);
                zip.putNextEntry(new ZipEntry(f.getKey()));
                try (InputStream in = new FileInputStream(f.getValue().toFile())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** Directory entries, so that a package's resources can be listed as they could from files. */
    private static void addParents(JarOutputStream zip, String name, Set<String> made) throws IOException {
        int slash = name.indexOf('/');
        while (slash > 0) {
            String parent = name.substring(0, slash + 1);
            if (made.add(parent)) {
                zip.putNextEntry(new ZipEntry(parent));
                zip.closeEntry();
            }
            slash = name.indexOf('/', slash + 1);
        }
    }
}
