package par;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import par.hub.RootProcesses;
import par.hub.Schedule;
import par.hub.Trace;
import par.interp.Flusher;
import par.interp.Interpreter;
import par.interp.ParList;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;
import par.launch.ParseCache;
import par.syntax.Program;
import par.syntax.SyntaxError;

/**
 * The golden corpus: every scripts/FEATURE/BEHAVIOUR.par runs in-process and must print
 * exactly BEHAVIOUR.out. Where processes race, BEHAVIOUR.out may list every acceptable output,
 * separated by lines reading {@code --- or ---}. Beside it, optionally: BEHAVIOUR.err (lines stderr must contain, in
 * order; without it stderr must be empty), BEHAVIOUR.exit (the exit status, else 0),
 * BEHAVIOUR.in (standard input), BEHAVIOUR.args (script arguments, one per line), and
 * BEHAVIOUR.schedule (a run under {@code --schedule}: the seed, then optionally a strategy) or
 * BEHAVIOUR.replay (a recording made by {@code --record}, run under {@code --replay}), and
 * BEHAVIOUR.trace (the run is traced as by {@code --trace}, and the trace must contain these
 * lines in order; under a schedule its events are numbered by step, so they are exact).
 * Each script is read as the par command reads it, through the parse cache, from an entry
 * made for another file of the same text: what the cache gives back must run exactly as the
 * parser's tree would, and name the script's own file. Each script has a cache directory of
 * its own, so scripts running side by side never drop each other's entries.
 * <p>
 * Scripts run side by side, a few at a time ({@link CorpusRun}), since most of their time is
 * spent waiting for child JVMs to start; the few listed in {@link #ALONE} run one at a time
 * once all the others are done.
 */
class GoldenScriptsTest {
    @TempDir
    static Path parseCaches;

    /**
     * Scripts whose .out holds only if the root acts within a fraction of a second of what a
     * child does (a child holds a lock for 0.5 s, sleeps 0.3 s before it prints...): on a
     * machine crowded with other scripts' JVMs the root may miss that window, so these run
     * alone. A script that needs no such window belongs in the pool.
     */
    static final Set<String> ALONE = Set.of(
            "deadlocks/fine_waiter_with_timeout", // tries the lock within 0.5 s of the child taking it
            "locks/acquire_timeout_when_held_elsewhere", // the same, within 1 s
            "locks/release_held_by_another", // releases a lock the child holds for 0.5 s
            "processes/main_waits_for_unjoined_children", // prints before a child 0.3 s into its run
            "processes/join_timeout"); // times out and terminates within the child's 5 s sleep

    /** How many scripts run at once: two per core unless -Dpar.goldenThreads says otherwise. */
    private static final int THREADS = Integer.getInteger("par.goldenThreads",
            2 * Runtime.getRuntime().availableProcessors());

    /** Long enough for any script on a crowded machine; a script that takes longer has hung. */
    private static final long PATIENCE_MINUTES = 10;

    private static CorpusRun corpus;

    @AfterAll
    static void stopCorpus() {
        if (corpus != null) {
            corpus.close();
        }
    }

    static Path scriptsDir() {
        String configured = System.getProperty("par.scripts");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "scripts");
        return dir.toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException {
        Path root = scriptsDir();
        List<Path> scripts;
        try (Stream<Path> walk = Files.walk(root)) {
            // scripts/cluster/ needs members to run on: ClusterTest (repl) starts them and runs those
            scripts = walk.filter(p -> p.toString().endsWith(".par") && !root.relativize(p).startsWith("cluster"))
                    .sorted().collect(Collectors.toList());
        }
        assertTrue(scripts.size() > 0, "no scripts found under " + root);
        Map<Path, String> names = new LinkedHashMap<>();
        for (Path script : scripts) {
            names.put(script, root.relativize(script).toString().replaceAll("\\.par$", ""));
        }
        assertTrue(names.values().containsAll(ALONE), "a script named in ALONE is missing: " + ALONE);
        Path repo = root.getParent();
        corpus = new CorpusRun(THREADS);
        Map<Path, Future<Result>> results = new LinkedHashMap<>();
        names.forEach((script, name) -> {
            String file = repo.relativize(script).toString();
            Callable<Result> run = () -> run(script, file, parseCaches.resolve(name));
            results.put(script, ALONE.contains(name) ? corpus.alone(run) : corpus.shared(run));
        });
        corpus.allStarted();
        return names.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getValue(),
                () -> check(repo, e.getKey(), CorpusRun.await(results.get(e.getKey()), PATIENCE_MINUTES))));
    }

    private static void check(Path repo, Path script, Result r) throws IOException {
        String file = repo.relativize(script).toString();
        Path base = script.resolveSibling(script.getFileName().toString().replaceAll("\\.par$", ""));
        String expectedOut = read(base, ".out", "");
        int expectedExit = Integer.parseInt(read(base, ".exit", "0").strip());
        String errSpec = read(base, ".err", null);
        String traceSpec = read(base, ".trace", null);
        List<String> acceptable = List.of(expectedOut.split("(?m)^--- or ---\n", -1));
        if (!acceptable.contains(r.out)) {
            assertEquals(acceptable.get(0), r.out, "stdout of " + file
                    + (acceptable.size() > 1 ? " (matches none of " + acceptable.size() + " outputs)" : "")
                    + "\n--- stderr was:\n" + r.err);
        }
        if (errSpec == null) {
            assertEquals("", r.err, "stderr of " + file);
        } else {
            assertContainsInOrder(errSpec, r.err, "stderr of " + file);
        }
        if (traceSpec != null) {
            assertContainsInOrder(traceSpec, r.trace, "the trace of " + file);
        }
        assertEquals(expectedExit, r.status, "exit status of " + file + "\n--- stderr was:\n" + r.err);
    }

    private static void assertContainsInOrder(String spec, String actual, String what) {
        int from = 0;
        for (String line : spec.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int at = actual.indexOf(line, from);
            assertTrue(at >= 0, what + " lacks (in order) the line:\n" + line + "\n--- it was:\n" + actual);
            from = at + line.length();
        }
    }

    record Result(String out, String err, int status, String trace) {
    }

    /**
     * Runs script as file, reading it through a parse cache of its own in parseCache, on a
     * thread of a group of its own; then stops the flushers the run started. A buffered
     * output's flusher wakes every 20 ms for as long as its JVM lives: for the par command that
     * is the program's life, here it would be the suite's, and a corpus of them kept a good part
     * of a core busy.
     */
    static Result run(Path script, String file, Path parseCache) throws Exception {
        ThreadGroup group = new ThreadGroup("golden");
        FutureTask<Result> run = new FutureTask<>(() -> runHere(script, file, parseCache));
        Thread thread = new Thread(group, run, "golden " + file);
        thread.setDaemon(true); // as the pool's threads are: a run that hung must not keep the JVM up
        thread.start();
        try {
            return CorpusRun.await(run, PATIENCE_MINUTES);
        } finally {
            Thread[] threads = new Thread[group.activeCount() + 16];
            for (int i = group.enumerate(threads) - 1; i >= 0; i--) {
                if (threads[i] instanceof Flusher) {
                    threads[i].interrupt();
                }
            }
        }
    }

    private static Result runHere(Path script, String file, Path parseCache) throws IOException {
        Files.createDirectories(parseCache);
        Path base = script.resolveSibling(script.getFileName().toString().replaceAll("\\.par$", ""));
        String source = Files.readString(script, StandardCharsets.UTF_8);
        byte[] input = read(base, ".in", "").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Interpreter interp = new Interpreter(new ByteArrayInputStream(input), new StreamOutput(out, false), errStream);
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        Trace trace = new Trace(Files.exists(base.resolveSibling(base.getFileName() + ".trace"))
                ? new PrintStream(traced, true, StandardCharsets.UTF_8) : null, false);
        RootProcesses processes = RootProcesses.install(interp, 256, false, trace);
        Schedule schedule = schedule(base, file);
        if (schedule != null) {
            processes.schedule(schedule, null, file);
        }
        ParList args = new ParList();
        String argSpec = read(base, ".args", null);
        if (argSpec != null) {
            argSpec.lines().forEach(args::add);
        }
        interp.globals.set("args", args);
        BiFunction<String, String, Program> parser = ParseCache.keptIn(parseCache, "golden");
        primeCache(parser, source, "primed/" + file);
        interp.setParser(parser);
        int status = ScriptRunner.run(interp, source, file);
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status,
                traced.toString(StandardCharsets.UTF_8));
    }

    /** The schedule the script runs under (its .schedule or .replay), or null. */
    private static Schedule schedule(Path base, String file) throws IOException {
        String seeded = read(base, ".schedule", null);
        Path replay = base.resolveSibling(base.getFileName() + ".replay");
        try {
            if (seeded != null) {
                String[] words = seeded.trim().split("\\s+");
                return Schedule.seeded(words[0], words.length > 1 ? words[1] : "random");
            }
            return Files.exists(replay) ? Schedule.replay(replay.toString(), file) : null;
        } catch (Schedule.Bad e) {
            throw new IOException(e.getMessage());
        }
    }

    /** Parses source through the cache under another name, as a run of another file would. */
    private static void primeCache(BiFunction<String, String, Program> parser, String source, String file) {
        int status = ScriptRunner.onLargeStack(() -> {
            try {
                parser.apply(source, file);
            } catch (SyntaxError e) {
                // the run reports it
            }
            return 0;
        });
        assertEquals(0, status, "parsing " + file + " through the cache failed");
    }

    private static String read(Path base, String ext, String missing) throws IOException {
        Path p = base.resolveSibling(base.getFileName() + ext);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : missing;
    }
}
