package par.child;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the archive run loads beyond what it runs: every class of ours that a child may need for
 * its job (the evaluator, the handles, the wire, the tree's records). The class-data archive
 * holds what that run loaded; a class missing from it made each child that needed one open the
 * jar and read the 2 900 entries of its directory, some 10 ms of the spawn, and most jobs
 * needed one (a comparison, a method call, a lock). Classes are loaded, not initialized. Reads
 * the jar the classes came from; touches nothing else.
 */
final class ArchiveClasses {
    private ArchiveClasses() {
    }

    /** Where the classes a child may need are, as paths in a jar or a class directory. */
    private static final String[] PREFIXES = {
        "par/child/", "par/interp/", "par/proc/", "par/wire/", "par/syntax/Expr", "par/syntax/Stmt", "par/syntax/Pos",
    };

    static void loadAll() {
        ClassLoader loader = ArchiveClasses.class.getClassLoader();
        for (String file : classFiles()) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not archived: loaded from the jar if a job ever needs it
            }
        }
    }

    /**
     * The class files under PREFIXES in the jar this class came from; none if that cannot be
     * read, or if it came from a directory, whose classes no archive can hold anyway.
     */
    private static List<String> classFiles() {
        List<String> files = new ArrayList<>();
        CodeSource source = ArchiveClasses.class.getProtectionDomain().getCodeSource();
        try {
            Path where = source == null ? null : Path.of(source.getLocation().toURI());
            if (where != null && Files.isRegularFile(where)) {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        keep(files, e.nextElement().getName());
                    }
                }
            }
        } catch (IOException | URISyntaxException | SecurityException e) {
            // nothing more is archived; children load the rest from the jar
        }
        return files;
    }

    private static void keep(List<String> files, String path) {
        if (!path.endsWith(".class") || path.contains("-info")) {
            return;
        }
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                files.add(path);
                return;
            }
        }
    }
}
