package par.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the fuzz tests start from: the golden corpus's scripts, and the seed and size of a run. By default a run is the same every time (a fixed seed), so
 * the suite cannot flake; {@code -Dpar.fuzz.seed=random} explores with a fresh seed, and
 * {@code -Dpar.fuzz.seed=N} replays the run a failure names. {@code -Dpar.fuzz.scale=K} runs
 * K times as many cases.
 */
public final class Fuzzing {
    private Fuzzing() {
    }

    public static long seed(String what) {
        String given = System.getProperty("par.fuzz.seed", "20261202");
        long seed = given.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(given);
        System.out.println(what + ": seed " + seed + " (replay with -Dpar.fuzz.seed=" + seed + ")");
        return seed;
    }

    public static int cases(int normally) {
        return normally * Integer.getInteger("par.fuzz.scale", 1);
    }

    /**
     * Runs work on a stack as large as a program's, and gives back what it made or threw. The
     * corpus holds trees thousands of levels deep, and code the JIT has not compiled yet (on a
     * busy machine, for longer) needs several times the stack per level that compiled code does.
     */
    public static <T> T onLargeStack(Callable<T> work) throws Exception {
        Object[] made = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                made[0] = work.call();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "fuzz", 1L << 30);
        t.start();
        t.join();
        if (thrown[0] instanceof Exception e) {
            throw e;
        }
        if (thrown[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) made[0];
        return result;
    }

    /** Every script of the golden corpus, as text. */
    public static List<String> corpus() throws IOException {
        Path root = Path.of(System.getProperty("par.scripts", "../scripts")).toAbsolutePath().normalize();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".par")).sorted().collect(Collectors.toList())) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertTrue(texts.size() > 50, "the corpus is missing: " + root);
        return texts;
    }
}
