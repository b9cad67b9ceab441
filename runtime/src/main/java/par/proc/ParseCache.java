package par.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import par.interp.ParError;
import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.Stmt;

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
    record Limits(int entries, long bytes, int entryBytes) {
        static final Limits STANDARD = new Limits(200, 64L << 20, 8 << 20);
    }

    /**
     * {@link #parse(String, String)} as the interpreter's parser. A class, not a method
     * reference: a program that starts no process then links no lambda, whose first costs a
     * JVM some 4 ms.
     */
    public static final java.util.function.BiFunction<String, String, Program> PARSER =
            new java.util.function.BiFunction<String, String, Program>() {
                @Override
                public Program apply(String source, String file) {
                    return parse(source, file);
                }
            };

    /** Parses source, or reads its tree from the cache; the same as {@link SourceParser#parse}. */
    public static Program parse(String source, String file) {
        return parse(source, file, PrivateDir.get(), PrivateDir.buildKey(), Limits.STANDARD);
    }

    /**
     * A parser whose cache is in dir, under the given build key, rather than the per-user
     * directory: the golden tests read every script through one.
     */
    public static java.util.function.BiFunction<String, String, Program> keptIn(Path dir, String key) {
        return (source, file) -> parse(source, file, dir, key, Limits.STANDARD);
    }

    /** As above, with the directory, build key and limits given (null dir: no cache). */
    static Program parse(String source, String file, Path dir, String key, Limits limits) {
        Path entry = dir == null || source.length() > MAX_SOURCE ? null
                : dir.resolve("ast-" + key + "-" + Integer.toHexString(source.hashCode()) + "-" + source.length());
        if (entry != null) {
            List<Stmt> body = read(entry, source, file);
            if (body != null) {
                return new Program(file, source, body);
            }
        }
        Program program = SourceParser.parse(source, file);
        if (entry != null) {
            write(entry, program, limits);
        }
        return program;
    }

    @SuppressWarnings("unchecked")
    private static List<Stmt> read(Path entry, String source, String file) {
        try {
            // the entry may have been written for another file of the same text
            Codec.Reader r = new Codec.Reader(Files.readAllBytes(entry), null).asFile(file);
            if (!new String(r.bytes(), StandardCharsets.UTF_8).equals(source)) {
                return null; // another text with the same hash
            }
            Object body = r.tree(0);
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

    private static void write(Path entry, Program program, Limits limits) {
        byte[] bytes = encode(program, limits.entryBytes());
        if (bytes == null) {
            return;
        }
        Path tmp = PrivateDir.tmpFor(entry);
        try {
            Files.write(tmp, bytes);
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
     * An entry: the text, then its tree. Null when it is not worth keeping or cannot be kept: a
     * tree nested deeper than the codec goes (its reader could not read it back), or an entry
     * over maxBytes. Such a program is simply parsed every time.
     */
    private static byte[] encode(Program program, int maxBytes) {
        Codec.Writer w = new Codec.Writer();
        try {
            w.bytes(program.source().getBytes(StandardCharsets.UTF_8));
            w.tree(program.body(), 0);
        } catch (ParError tooDeepOrTooLarge) {
            return null;
        }
        return w.length() > maxBytes ? null : w.toBytes();
    }
}
