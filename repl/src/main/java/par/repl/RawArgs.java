package par.repl;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The command's arguments as the bytes the system passed, where they can be had. The JVM
 * decodes argv in the locale's charset before main runs and puts U+FFFD for every byte it
 * cannot decode (all of them but ASCII in the C locale), so the bytes themselves are gone from
 * the strings. On Linux they are still in /proc/self/cmdline, whose last entries are main's
 * arguments. Reads only that file.
 */
final class RawArgs {
    private RawArgs() {
    }

    /** How Main finds an argument's bytes: null when they are not known. */
    interface Source {
        byte[] bytes(int index);
    }

    static final Source NONE = new Source() {
        @Override
        public byte[] bytes(int index) {
            return null;
        }
    };

    /** The bytes behind argv, from /proc/self/cmdline; each checked against what the JVM made of it. */
    static Source of(String[] argv) {
        return new Source() {
            private List<byte[]> entries;

            @Override
            public byte[] bytes(int index) {
                if (entries == null) {
                    entries = cmdline();
                }
                int at = entries.size() - argv.length + index;
                if (at < 0 || at >= entries.size()) {
                    return null;
                }
                byte[] raw = entries.get(at);
                return sameText(new String(raw, platformCharset()), argv[index]) ? raw : null;
            }
        };
    }

    private static List<byte[]> cmdline() {
        List<byte[]> out = new ArrayList<>();
        byte[] all;
        // java.io, not Files: a file channel would leave the run holding a socket (see Main)
        try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/self/cmdline")) {
            all = in.readAllBytes();
        } catch (IOException e) {
            return out; // not Linux: only the JVM's strings are known
        }
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** The charset the JVM decoded argv with. */
    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * Whether two decodings of one argument agree: the JVM's own decoder and Java's may put a
     * different number of U+FFFD for one bad sequence, so a run of them counts as one.
     */
    private static boolean sameText(String a, String b) {
        return a.replaceAll("\uFFFD+", "\uFFFD").equals(b.replaceAll("\uFFFD+", "\uFFFD"));
    }
}
