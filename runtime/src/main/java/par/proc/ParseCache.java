package par.proc;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.Stmt;

/**
 * Parsed programs kept on disk, so that a script run again skips the parser (which costs a
 * run about 30 ms before the JIT has warmed it). A cached tree is stored with the exact text
 * it came from and is used only for that text, by the same build of Par; anything unreadable
 * is simply parsed again. Only programs that parse are kept: syntax errors are always
 * reported by the parser itself.
 */
public final class ParseCache {
    private ParseCache() {
    }

    /** Larger sources are parsed every time: their cache files would be large too. */
    private static final int MAX_SOURCE = 1 << 20;
    /** How many parsed programs are kept; the oldest go first. */
    private static final int KEEP = 200;

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
        return parse(source, file, PrivateDir.get(), PrivateDir.buildKey());
    }

    /** As above, with the directory and build key given (null dir: no cache). */
    static Program parse(String source, String file, Path dir, String key) {
        Path entry = dir == null || source.length() > MAX_SOURCE ? null
                : dir.resolve("ast-" + key + "-" + Integer.toHexString(source.hashCode()) + "-" + source.length());
        if (entry != null) {
            List<Stmt> body = read(entry, source);
            if (body != null) {
                return new Program(file, source, body);
            }
        }
        Program program = SourceParser.parse(source, file);
        if (entry != null) {
            write(entry, program);
        }
        return program;
    }

    @SuppressWarnings("unchecked")
    private static List<Stmt> read(Path entry, String source) {
        try {
            Codec.Reader r = new Codec.Reader(readBytes(entry), null);
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

    /**
     * Through java.io, as the write is: the JDK's file channels (Files.readAllBytes, Files.write)
     * open a socket pair as they are first used, and keep one end for the rest of the run.
     */
    private static byte[] readBytes(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    private static void write(Path entry, Program program) {
        Codec.Writer w = new Codec.Writer();
        w.bytes(program.source().getBytes(StandardCharsets.UTF_8));
        w.tree(program.body(), 0);
        Path tmp = PrivateDir.tmpFor(entry);
        try {
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(w.toBytes());
            }
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            PrivateDir.keepNewest(entry.getParent(), name -> name.startsWith("ast-") && !name.endsWith(".tmp"), KEEP);
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
}
