package par.launch;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import par.interp.ParError;
import par.interp.Processes;
import par.interp.TopLevel;
import par.syntax.ProcessTokens;
import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.Stmt;
import par.wire.AstForm;
import par.wire.Codec;
import par.wire.WireException;

/**
 * Parsed programs kept on disk, so that a script run again skips the parser (which costs a
 * run about 30 ms before the JIT has warmed it). A cached tree is stored with the exact text
 * it came from and is used only for that text, by the same build of Par; anything unreadable
 * is simply parsed again, and so is a program whose tree cannot be kept (nested deeper than
 * the codec goes, or too large). Only programs that parse are kept: syntax errors are always
 * reported by the parser itself. The cache is bounded in entries and in bytes.
 */
public final class ParseCache {
    private ParseCache() {
    }

    /** Larger sources are parsed every time: their cache files would be large too. */
    private static final int MAX_SOURCE = 1 << 20;

    /**
     * How much is kept: at most this many programs, this many bytes in all (the oldest go
     * first), and no entry larger than entryBytes, which would crowd out many others.
     */
    public record Limits(int entries, long bytes, int entryBytes) {
        public static final Limits STANDARD = new Limits(200, 64L << 20, 8 << 20);
    }

    /**
     * The par command's parser: parses through the cache in the per-user directory, and tells
     * processes as soon as the program's tokens show a spawn or a pool, before the tree is read
     * or parsed, so spares boot meanwhile.
     */
    public static java.util.function.BiFunction<String, String, Program> parser(Processes processes) {
        String key = PrivateDir.buildKey();
        return new CachedParser(key == null ? null : PrivateDir.get(), key, processes);
    }

    /**
     * A parser whose cache is in dir, under the given build key, rather than the per-user
     * directory: the golden tests read every script through one.
     */
    public static java.util.function.BiFunction<String, String, Program> keptIn(Path dir, String key) {
        return new CachedParser(dir, key, Processes.NONE);
    }

    /**
     * A class, not a lambda: a program that starts no process then links no lambda, whose
     * first costs a JVM some 4 ms.
     */
    private static final class CachedParser implements java.util.function.BiFunction<String, String, Program> {
        private final Path dir;
        private final String key;
        private final Processes processes;

        CachedParser(Path dir, String key, Processes processes) {
            this.dir = dir;
            this.key = key;
            this.processes = processes;
        }

        @Override
        public Program apply(String source, String file) {
            return parse(source, file, dir, key, Limits.STANDARD, processes);
        }
    }

    /**
     * Parses source, or reads its tree from the cache in dir (null: no cache); the same as
     * {@link SourceParser#parse}. Before either, what the program's tokens show of its
     * processes ({@link ProcessTokens}, kept in the entry) goes to processes as a prewarm.
     */
    public static Program parse(String source, String file, Path dir, String key, Limits limits, Processes processes) {
        Path entry = dir == null || source.length() > MAX_SOURCE ? null
                : dir.resolve("ast-" + key + "-" + Integer.toHexString(source.hashCode()) + "-" + source.length());
        if (entry != null) {
            List<Stmt> body = read(entry, source, file, processes);
            if (body != null) {
                return new Program(file, source, body);
            }
        }
        int ahead = ProcessTokens.scan(source);
        startEarly(ahead, processes);
        Program program = SourceParser.parse(source, file);
        if (entry != null) {
            write(entry, program, ahead, limits);
        }
        return program;
    }

    /** Spares boot while the tree is read or parsed; the resolver tells how many more. */
    private static void startEarly(int ahead, Processes processes) {
        if (ahead == ProcessTokens.POOLS) {
            processes.prewarm(TopLevel.MANY, true);
        } else if (ahead == ProcessTokens.SPAWNS) {
            processes.prewarm(1, false);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Stmt> read(Path entry, String source, String file, Processes processes) {
        try {
            // the entry may have been written for another file of the same text
            Codec.Reader r = new Codec.Reader(readBytes(entry), null).asFile(file);
            if (!new String(r.bytes(), StandardCharsets.UTF_8).equals(source)) {
                return null; // another text with the same hash
            }
            startEarly(r.b(), processes);
            Object body = AstForm.readTree(r, 0);
            r.end();
            for (Object s : (List<Object>) body) {
                if (!(s instanceof Stmt)) {
                    return null;
                }
            }
            return (List<Stmt>) body;
        } catch (IOException | WireException | ClassCastException e) {
            return null;
        }
    }

    /**
     * Through java.io, as the write is: the JDK's file channels (Files.readAllBytes, Files.write)
     * open a socket pair as they are first used, and keep one end for the rest of the run.
     */
    private static byte[] readBytes(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    private static void write(Path entry, Program program, int ahead, Limits limits) {
        byte[] bytes = encode(program, ahead, limits.entryBytes());
        if (bytes == null) {
            return;
        }
        Path tmp = PrivateDir.tmpFor(entry);
        try {
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(bytes);
            }
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            PrivateDir.keepNewest(entry, name -> name.startsWith("ast-") && !name.endsWith(".tmp"),
                    limits.entries(), limits.bytes());
        } catch (IOException e) {
            // no cache then: the next run parses again
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // nothing to clean
            }
        }
    }

    /**
     * An entry: the text, what its tokens show of processes ahead, then its tree. Null when it is not worth keeping or cannot be kept: a
     * tree nested deeper than the codec goes (its reader could not read it back), or an entry
     * over maxBytes. Such a program is simply parsed every time.
     */
    private static byte[] encode(Program program, int ahead, int maxBytes) {
        Codec.Writer w = new Codec.Writer();
        try {
            w.bytes(program.source().getBytes(StandardCharsets.UTF_8));
            w.b(ahead);
            AstForm.writeTree(w, program.body(), 0);
        } catch (ParError tooDeepOrTooLarge) {
            return null;
        }
        return w.length() > maxBytes ? null : w.toBytes();
    }
}
