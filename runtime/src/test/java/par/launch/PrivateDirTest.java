package par.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Par keeps its caches: par-USER in the temporary directory while it is this user's
 * alone; otherwise a private directory under $XDG_RUNTIME_DIR or ~/.cache, never a directory
 * someone else could have written to.
 */
class PrivateDirTest {
    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path root;

    private Path tmp() throws IOException {
        return Files.createDirectories(root.resolve("tmp"));
    }

    private Path runtime() throws IOException {
        return Files.createDirectories(root.resolve("run"));
    }

    private Path home() {
        return root.resolve("home");
    }

    private Path find() throws IOException {
        return PrivateDir.find(tmp().toString(), runtime().toString(), home().toString(), USER);
    }

    private static String perms(Path dir) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
    }

    @Test
    void theTemporaryDirectoryComesFirstAndIsMadePrivate() throws IOException {
        Path dir = find();
        assertEquals(tmp().resolve("par-" + USER), dir);
        assertEquals("rwx------", perms(dir));
        assertEquals(dir, find());
    }

    @Test
    void aNameInTheTemporaryDirectoryHeldByAnotherUserFallsBackToTheRuntimeDirectory() throws IOException {
        assumeTrue(USER.equals("root"), "only root can give a directory to another user");
        Path taken = Files.createDirectory(tmp().resolve("par-" + USER));
        UserPrincipal nobody = taken.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(taken, nobody);
        Path dir = find();
        assertEquals(runtime().resolve("par"), dir);
        assertEquals("rwx------", perms(dir));
    }

    @Test
    void aDirectoryOthersMayWriteToFallsBackToTheRuntimeDirectory() throws IOException {
        Path open = Files.createDirectory(tmp().resolve("par-" + USER));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(runtime().resolve("par"), find());
        assertEquals("rwxrwxrwx", perms(open)); // not ours to trust, so left as it is
    }

    @Test
    void aLinkOrAFileUnderTheNameIsNotUsed() throws IOException {
        Files.createSymbolicLink(tmp().resolve("par-" + USER), Files.createDirectory(root.resolve("elsewhere")));
        assertEquals(runtime().resolve("par"), find());
        Files.delete(tmp().resolve("par-" + USER));
        Files.writeString(tmp().resolve("par-" + USER), "");
        assertEquals(runtime().resolve("par"), find());
    }

    @Test
    void withoutARuntimeDirectoryTheHomeCacheIsMade() throws IOException {
        Files.setPosixFilePermissions(Files.createDirectory(tmp().resolve("par-" + USER)),
                PosixFilePermissions.fromString("rwxrwx---"));
        Path dir = PrivateDir.find(tmp().toString(), null, home().toString(), USER);
        assertEquals(home().resolve(".cache").resolve("par"), dir);
        assertEquals("rwx------", perms(dir));
        // a runtime directory that does not exist is not made
        assertEquals(dir, PrivateDir.find(tmp().toString(), root.resolve("gone").toString(), home().toString(), USER));
        assertEquals(false, Files.exists(root.resolve("gone")));
    }

    @Test
    void ourOwnDirectoryThatOthersMayReadIsClosedToThem() throws IOException {
        Path readable = Files.createDirectory(tmp().resolve("par-" + USER));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(readable, find());
        assertEquals("rwx------", perms(readable));
    }

    @Test
    void withNoTrustedPlaceThereIsNoDirectory() throws IOException {
        Files.setPosixFilePermissions(Files.createDirectory(tmp().resolve("par-" + USER)),
                PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cache = Files.createDirectories(home().resolve(".cache").resolve("par"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertNull(PrivateDir.find(tmp().toString(), null, home().toString(), USER));
        assertNull(PrivateDir.find(null, null, null, USER));
    }

    @Test
    void keepsTheNewestAndThoseWrittenLessThanAnHourAgo() throws IOException {
        Path box = Files.createDirectories(root.resolve("kept"));
        long now = System.currentTimeMillis();
        // six older builds' jars: two written minutes ago (a root may be using them), four days ago
        for (int i = 1; i <= 6; i++) {
            Path jar = Files.writeString(box.resolve("classes-" + i + ".jar"), "x");
            jar.toFile().setLastModified(i <= 2 ? now - i * 60_000L : now - i * 86_400_000L);
        }
        Path latest = Files.writeString(box.resolve("classes-0.jar"), "x");

        PrivateDir.keepNewest(latest, name -> name.startsWith("classes-"), 3, Long.MAX_VALUE, PrivateDir.IN_USE_MILLIS);

        try (var left = Files.list(box)) {
            // the newest three (0, 1, 2) by count; none of the day-old ones is in use
            assertEquals(java.util.List.of("classes-0.jar", "classes-1.jar", "classes-2.jar"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (int i = 4; i <= 6; i++) {
            Files.writeString(box.resolve("classes-" + i + ".jar"), "x"); // written just now, by other roots
        }
        PrivateDir.keepNewest(latest, name -> name.startsWith("classes-"), 3, Long.MAX_VALUE, PrivateDir.IN_USE_MILLIS);
        try (var left = Files.list(box)) {
            assertEquals(6, left.count(), "0, 1, 2 and the three just written: a jar written less than an hour ago stays");
        }
    }
}
