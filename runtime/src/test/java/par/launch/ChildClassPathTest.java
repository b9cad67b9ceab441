package par.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Children of a root that runs from class directories start from one jar packed from them, so
 * that the class-data archive can hold their classes: the jar stands where the first directory
 * stood, jars stay as they were, a second root reuses the jar, and a rebuild packs a new one.
 */
class ChildClassPathTest {
    @TempDir
    Path root;

    private Path file(String name, String text) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static String path(Object... entries) {
        return Stream.of(entries).map(Object::toString).collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void directoriesArePackedIntoOneJarWhereTheFirstStood() throws IOException {
        file("classes/a/A.class", "A");
        file("classes/a/B.class", "B");
        file("more/a/A.class", "shadowed");
        file("more/c/C.txt", "C");
        Path lib = file("lib.jar", "not read");
        Path cache = Files.createDirectory(root.resolve("cache"));

        String packed = ChildClassPath.of(path(root.resolve("classes"), lib, root.resolve("more")), cache);

        String[] entries = packed.split(File.pathSeparator);
        assertEquals(2, entries.length, packed);
        Path jar = Path.of(entries[0]);
        assertEquals(cache, jar.getParent());
        assertTrue(jar.getFileName().toString().matches("classes-[0-9a-f]{16}\\.jar"), jar.toString());
        assertEquals(lib.toString(), entries[1]);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals(List.of("a/", "a/A.class", "a/B.class", "c/", "c/C.txt"),
                    j.stream().map(e -> e.getName()).collect(Collectors.toList()));
            // the first directory holding a name wins, as it does on a class path
            assertArrayEquals("A".getBytes(StandardCharsets.UTF_8), j.getInputStream(j.getEntry("a/A.class")).readAllBytes());
        }
    }

    @Test
    void aSecondRootReusesTheJarAndARebuildPacksANewOne() throws IOException {
        Path cls = file("classes/A.class", "A");
        Path cache = Files.createDirectory(root.resolve("cache"));
        String classPath = root.resolve("classes").toString();

        String first = ChildClassPath.of(classPath, cache);
        FileTime packedAt = Files.getLastModifiedTime(Path.of(first));
        assertEquals(first, ChildClassPath.of(classPath, cache));
        assertEquals(packedAt, Files.getLastModifiedTime(Path.of(first)), "the jar was written again");

        Files.writeString(cls, "A, rebuilt");
        String rebuilt = ChildClassPath.of(classPath, cache);
        assertNotEquals(first, rebuilt);
        try (JarFile j = new JarFile(rebuilt)) {
            assertEquals("A, rebuilt", new String(j.getInputStream(j.getEntry("A.class")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void aClassPathOfJarsOrNoPrivateDirectoryIsLeftAsItIs() throws IOException {
        Path lib = file("lib.jar", "not read");
        file("classes/A.class", "A");
        Path cache = Files.createDirectory(root.resolve("cache"));
        assertEquals(lib.toString(), ChildClassPath.of(lib.toString(), cache));
        String withDir = path(root.resolve("classes"), lib);
        assertEquals(withDir, ChildClassPath.of(withDir, null));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count());
        }
    }
}
