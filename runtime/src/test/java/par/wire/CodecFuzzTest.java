package par.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import par.fuzz.Fuzzing;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.ParMap;
import par.interp.Range;
import par.interp.StreamOutput;
import par.proc.ProcessSupport;
import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.SyntaxError;

/**
 * What a process receives may be damaged (a bug, a dying sender) or hostile. Random values,
 * functions and program trees are encoded, then cut short, flipped, stretched or replaced by
 * noise, and decoded as a child or the hub would: the decoder must refuse with a plain error
 * (a {@link WireException}, or a Par error when a damaged function no longer makes sense) or
 * rebuild something, never throw anything else, and never allocate more than the bytes it was
 * given can justify (a length field claiming gigabytes must not be believed).
 */
class CodecFuzzTest {
    /** Bytes the decoder may allocate per byte of input, plus a fixed allowance for its own state. */
    private static final long PER_BYTE = 64, ALLOWANCE = 64 << 10;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        THREADS.setThreadAllocatedMemoryEnabled(true); // off, every allocation check would pass
    }

    private final Interpreter interp = new Interpreter(new ByteArrayInputStream(new byte[0]),
            new StreamOutput(new ByteArrayOutputStream(), false), new PrintStream(new ByteArrayOutputStream()));
    /** Rebuilds functions (resolving them here) and handles, as a child does. */
    private final ProcessSupport receiver = new ProcessSupport(interp, () -> {
        throw new AssertionError("decoding must not talk to the hub");
    });

    private static final String[] FUNCTIONS = {
        "def f(x) { return x * 2 }",
        "def f(xs) { t = 0\n for x in xs { if x % 2 == 0 { t += x } elif x > 10 { break } else { continue } }\n return t }",
        "def f(n) { def g(k) { return n + k }\n return [g(i) for i in range(n) if i != 3] }",
        "def f(a, b) { try { return a / b } catch e { raise \"no: \" + str(e) } finally { print(a, b) } }",
        "def f(l, q) { with l { q.put({\"k\": [1, 2.5, nil, true]}) }\n return \"😀\"[0] + \"é\" }",
        "def f(s) { while s { s = s[1:] }\n return s.split(\",\") }",
    };

    @Test
    void damagedValuesAreRefusedPlainly() {
        SplittableRandom r = new SplittableRandom(Fuzzing.seed("damaged values"));
        List<byte[]> samples = new ArrayList<>();
        for (String source : FUNCTIONS) {
            samples.add(Codec.encode(function(source)));
        }
        List<String> failures = new ArrayList<>();
        int cases = Fuzzing.cases(4000);
        for (int i = 0; i < cases && failures.size() < 5; i++) {
            byte[] clean = r.nextInt(4) == 0 ? samples.get(r.nextInt(samples.size())) : Codec.encode(value(r, 0));
            byte[] data = damage(clean, r);
            check(failures, i, data, () -> Codec.decode(data, receiver));
        }
        assertEquals("", String.join("\n", failures));
    }

    @Test
    void damagedProgramTreesAreRefusedPlainly() throws Exception {
        SplittableRandom r = new SplittableRandom(Fuzzing.seed("damaged program trees"));
        List<byte[]> trees = Fuzzing.onLargeStack(() -> {
            List<byte[]> written = new ArrayList<>();
            for (String source : Fuzzing.corpus()) {
                try {
                    Program p = SourceParser.parse(source, "t.par");
                    Codec.Writer w = new Codec.Writer();
                    AstForm.writeTree(w, p.body(), 0);
                    written.add(w.toBytes());
                } catch (SyntaxError | ParError e) {
                    // the corpus's syntax-error scripts have no tree, and its deepest is too deep to send
                }
            }
            return written;
        });
        List<String> failures = Fuzzing.onLargeStack(() -> {
            List<String> found = new ArrayList<>();
            int cases = Fuzzing.cases(3000);
            for (int i = 0; i < cases && found.size() < 5; i++) {
                byte[] data = damage(trees.get(r.nextInt(trees.size())), r);
                check(found, i, data, () -> {
                    Codec.Reader reader = new Codec.Reader(data, null);
                    Object tree = AstForm.readTree(reader, 0);
                    reader.end();
                    return tree;
                });
            }
            return found;
        });
        assertEquals("", String.join("\n", failures));
    }

    /** Frames as read off a child's pipe: noise, cut-off frames, and lengths that lie. */
    @Test
    void damagedFramesAreRefusedPlainly() {
        SplittableRandom r = new SplittableRandom(Fuzzing.seed("damaged frames"));
        List<String> failures = new ArrayList<>();
        int cases = Fuzzing.cases(3000);
        for (int i = 0; i < cases && failures.size() < 5; i++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            try {
                Wire.write(stream, (byte) (1 + r.nextInt(16)), Codec.encode(value(r, 0)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            byte[] data = damage(stream.toByteArray(), r);
            java.io.DataInputStream in = Wire.input(new ByteArrayInputStream(data)); // its buffer is not the decoder's
            check(failures, i, data, () -> {
                List<Wire.Frame> frames = new ArrayList<>();
                for (Wire.Frame f = Wire.read(in); f != null; f = Wire.read(in)) {
                    frames.add(f);
                }
                return frames;
            });
        }
        assertEquals("", String.join("\n", failures));
    }

    private interface Decoding {
        Object run() throws IOException;
    }

    private static void check(List<String> failures, int i, byte[] data, Decoding decoding) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            decoding.run();
        } catch (WireException | ParError | SyntaxError | EOFException plain) {
            // refused, in words
        } catch (Throwable e) {
            failures.add("case " + i + ": " + e + " at " + List.of(e.getStackTrace()).subList(0,
                    Math.min(6, e.getStackTrace().length)) + " decoding " + hex(data));
            return;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (allocated > PER_BYTE * data.length + ALLOWANCE) {
            failures.add("case " + i + ": decoding " + data.length + " bytes allocated " + allocated + ": " + hex(data));
        }
    }

    private static String hex(byte[] data) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(data.length, 96); i++) {
            s.append(String.format("%02x", data[i] & 0xff));
        }
        return s.append(data.length > 96 ? "..." : "").toString();
    }

    private Object function(String source) {
        interp.run(source, "f.par");
        return interp.globals.get("f");
    }

    /** A random value of every kind that travels, nested a few levels deep. */
    private Object value(SplittableRandom r, int depth) {
        switch (r.nextInt(depth > 3 ? 8 : 11)) {
            case 0: return Nil.NIL;
            case 1: return r.nextBoolean();
            case 2: return r.nextLong(-300, 300);
            case 3: return r.nextLong();
            case 4: return new BigInteger(70 + r.nextInt(200), new java.util.Random(r.nextLong()));
            case 5: return r.nextBoolean() ? r.nextDouble() * 1e6 : Double.longBitsToDouble(r.nextLong());
            case 6: return string(r);
            case 7: return new Range(r.nextLong(-50, 50), r.nextLong(-50, 50), r.nextBoolean() ? 1 : -3);
            case 8: {
                ParList list = new ParList();
                for (int i = r.nextInt(6); i > 0; i--) {
                    list.add(value(r, depth + 1));
                }
                return list;
            }
            case 9: {
                ParList ints = new ParList(); // sent packed
                for (int i = r.nextInt(20); i > 0; i--) {
                    ints.add(r.nextLong());
                }
                return ints;
            }
            default: {
                ParMap map = new ParMap();
                for (int i = r.nextInt(5); i > 0; i--) {
                    map.put(string(r), value(r, depth + 1));
                }
                return map;
            }
        }
    }

    private static String string(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            switch (r.nextInt(4)) {
                case 0 -> s.append((char) r.nextInt(0x20, 0x7f));
                case 1 -> s.append((char) r.nextInt(0xa0, 0x800));
                case 2 -> s.append("😀");
                default -> s.append((char) r.nextInt(0x10000));
            }
        }
        return s.toString();
    }

    /** Cut short, bytes flipped, bytes stretched in, a length made to lie, or plain noise. */
    static byte[] damage(byte[] clean, SplittableRandom r) {
        byte[] d = clean.clone();
        int n = d.length;
        switch (r.nextInt(6)) {
            case 0:
                return java.util.Arrays.copyOf(d, r.nextInt(n + 1));
            case 1:
                for (int k = 1 + r.nextInt(4); k > 0 && n > 0; k--) {
                    d[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                }
                return d;
            case 2: {
                int at = r.nextInt(n + 1);
                byte[] noise = new byte[1 + r.nextInt(8)];
                r.nextBytes(noise);
                byte[] out = new byte[n + noise.length];
                System.arraycopy(d, 0, out, 0, at);
                System.arraycopy(noise, 0, out, at, noise.length);
                System.arraycopy(d, at, out, at + noise.length, n - at);
                return out;
            }
            case 3:
                if (n >= 4) { // four bytes that may be a count or a length now claim far more
                    int at = r.nextInt(n - 3);
                    int lie = r.nextBoolean() ? Integer.MAX_VALUE - r.nextInt(16) : 1 << (20 + r.nextInt(10));
                    d[at] = (byte) (lie >>> 24);
                    d[at + 1] = (byte) (lie >>> 16);
                    d[at + 2] = (byte) (lie >>> 8);
                    d[at + 3] = (byte) lie;
                }
                return d;
            case 4: {
                byte[] noise = new byte[r.nextInt(64)];
                r.nextBytes(noise);
                return noise;
            }
            default:
                if (n > 0) {
                    d[r.nextInt(n)] = (byte) r.nextInt(256);
                }
                return d;
        }
    }
}
