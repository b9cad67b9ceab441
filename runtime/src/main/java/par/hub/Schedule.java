package par.hub;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import par.wire.Request;

/**
 * What {@code --schedule SEED}, {@code --strategy} and {@code --replay FILE} ask for: how the
 * hub chooses the next request to serve. Made by the par command, where a bad seed, strategy
 * or recording is refused ({@link Bad}) before the program starts; given to the hub, which
 * makes a fresh {@link Scheduler.Choice} for each run. Touches only the recording it reads.
 */
public final class Schedule {
    /** A schedule the command cannot use: its message says why, for an exit with status 2. */
    public static final class Bad extends Exception {
        public Bad(String message) {
            super(message);
        }
    }

    /** The first line of a recording: its format and version. */
    static final String HEADER = "# par schedule 1";

    private final long seed;
    /** PCT's depth, or 0 for the random strategy. */
    private final int depth;
    private final List<String> replay;

    private Schedule(long seed, int depth, List<String> replay) {
        this.seed = seed;
        this.depth = depth;
        this.replay = replay;
    }

    /** --schedule SEED [--strategy random | pct:D]. */
    public static Schedule seeded(String seed, String strategy) throws Bad {
        long s;
        try {
            s = Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new Bad("--schedule needs a whole number as its seed, not '" + seed + "'");
        }
        if (strategy.equals("random")) {
            return new Schedule(s, 0, null);
        }
        if (strategy.startsWith("pct:")) {
            int d;
            try {
                d = Integer.parseInt(strategy.substring(4));
            } catch (NumberFormatException e) {
                d = 0;
            }
            if (d < 1 || d > 100) {
                throw new Bad("--strategy pct:D needs a depth D from 1 to 100, not '" + strategy.substring(4) + "'");
            }
            return new Schedule(s, d, null);
        }
        throw new Bad("unknown strategy '" + strategy + "' (random, or pct:D)");
    }

    /** --replay FILE: the steps a run of program recorded with --record. */
    public static Schedule replay(String file, String program) throws Bad {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new Bad("cannot read the recording " + file + ": " + e.getMessage());
        }
        return new Schedule(seedOf(lines, file, program), 0, steps(lines, file));
    }

    private static long seedOf(List<String> lines, String file, String program) throws Bad {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new Bad(file + " is not a schedule recorded by this par (it should begin '" + HEADER + "')");
        }
        Map<String, String> about = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("# ") && line.indexOf(' ', 2) > 0) {
                about.put(line.substring(2, line.indexOf(' ', 2)), line.substring(line.indexOf(' ', 2) + 1));
            }
        }
        if (!program.equals(about.get("program"))) {
            throw new Bad(file + " was recorded for " + about.get("program") + ", not " + program);
        }
        if (!about.containsKey("end")) {
            throw new Bad(file + " is cut short: it has no '# end' line");
        }
        try {
            return Long.parseLong(about.getOrDefault("seed", ""));
        } catch (NumberFormatException e) {
            throw new Bad(file + " has no seed line");
        }
    }

    /** The recorded steps in order, each as {@link ScheduleLog#describe} wrote it. */
    private static List<String> steps(List<String> lines, String file) throws Bad {
        List<String> steps = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0 || !line.substring(0, tab).equals(Integer.toString(steps.size() + 1))) {
                throw new Bad(file + ": step " + (steps.size() + 1) + " is missing or damaged: '" + line + "'");
            }
            steps.add(line.substring(tab + 1));
        }
        return steps;
    }

    public long seed() {
        return seed;
    }

    /** A choice for one run: the same schedule gives the same choices every time. */
    Scheduler.Choice choice() {
        if (replay != null) {
            return new Replay(replay);
        }
        return depth > 0 ? new Pct(seed, depth) : new Random(seed);
    }

    /** Each held request as likely as any other, from a generator seeded with the seed. */
    private static final class Random implements Scheduler.Choice {
        private final SplittableRandom random;

        Random(long seed) {
            random = new SplittableRandom(seed);
        }

        @Override
        public int pick(List<Scheduler.Held> held, long step) {
            return random.nextInt(held.size());
        }
    }

    /**
     * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each process gets a
     * random priority when first seen, the process of highest priority goes first, and at
     * depth - 1 steps chosen at random the process chosen there drops below every other. A bug
     * that needs d ordering constraints is found with probability at least 1/(n k^(d-1)) per
     * run, for n processes and k steps; k is taken as {@link #STEPS} here.
     */
    private static final class Pct implements Scheduler.Choice {
        static final int STEPS = 200;
        private final SplittableRandom random;
        private final Map<Long, Double> priority = new HashMap<>();
        private final List<Long> changeAt = new ArrayList<>();
        private double lowest;

        Pct(long seed, int depth) {
            random = new SplittableRandom(seed);
            for (int i = 1; i < depth; i++) {
                changeAt.add(1L + random.nextInt(STEPS));
            }
        }

        @Override
        public int pick(List<Scheduler.Held> held, long step) {
            int best = 0;
            for (int i = 0; i < held.size(); i++) {
                if (priorityOf(held.get(i)) > priorityOf(held.get(best))) {
                    best = i;
                }
            }
            if (changeAt.contains(step)) {
                priority.put(held.get(best).from().id, --lowest);
            }
            return best;
        }

        private double priorityOf(Scheduler.Held h) {
            return priority.computeIfAbsent(h.from().id, id -> 1 + random.nextDouble());
        }
    }

    /** The steps of a recording, taken again; a step the run cannot take is a divergence. */
    private static final class Replay implements Scheduler.Choice {
        private final List<String> steps;

        Replay(List<String> steps) {
            this.steps = steps;
        }

        @Override
        public int pick(List<Scheduler.Held> held, long step) {
            List<String> can = new ArrayList<>();
            for (Scheduler.Held h : held) {
                can.add(ScheduleLog.describe(h.from(), h.request()));
            }
            if (step > steps.size()) {
                throw new Scheduler.Diverged("the replay diverges at step " + step + ": the recording ends at step "
                        + steps.size() + ", and the run can still " + shown(can));
            }
            int i = can.indexOf(steps.get((int) step - 1));
            if (i < 0) {
                throw new Scheduler.Diverged("the replay diverges at step " + step + ": the recording has "
                        + shown(List.of(steps.get((int) step - 1))) + ", but the run can only " + shown(can));
            }
            return i;
        }

        private static String shown(List<String> steps) {
            List<String> words = new ArrayList<>();
            for (String s : steps) {
                words.add("'" + ScheduleLog.shown(s) + "'");
            }
            return String.join(" or ", words);
        }
    }

    /** For messages: what request a step served, as the recording names it. */
    static String operation(Request<?> r) {
        if (r instanceof Request.Turn t) {
            return t.what();
        }
        return r.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
