package par.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
