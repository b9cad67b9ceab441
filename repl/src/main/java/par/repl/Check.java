package par.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import par.hub.RootProcesses;
import par.hub.Schedule;
import par.hub.Trace;
import par.interp.ErrorPrinter;
import par.interp.Interpreter;
import par.interp.ParList;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;
import par.launch.ChildLauncher;
import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.SourceText;

/**
 * {@code par check [--runs N] [--strategy S] [--seed FIRST] FILE.par [args...]}: runs the
 * program under N schedules (seeds FIRST, FIRST+1, ...), each in this JVM, with child JVMs
 * that take job after job, run after run (a spawn costs a job, not a JVM start), and stops at the first that fails: an uncaught error (in the main program or a child),
 * a failed assert, a deadlock or a nonzero exit. It then shows that run's output and errors, the
 * last steps of each process before the end, and the command that replays it. Exit status 0
 * when every schedule passed, 1 on a failure, 2 for bad options, 130 when stopped by Ctrl-C.
 */
final class Check {
    private Check() {
    }

    static final String USAGE =
            "usage: par check [--runs N] [--strategy random|pct:D] [--seed FIRST] FILE.par [args...]";

    /** How many of each process's last steps the report shows. */
    private static final int LAST_STEPS = 3;

    /** The command owns its JVM (not a test calling it): Ctrl-C is its to handle. */
    static boolean handlesCtrlC;

    /** Set by Ctrl-C: the run in progress is ended and no other starts. */
    private static volatile boolean stopped;
    private static volatile Interpreter running;

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        int runs = 100;
        long first = 1;
        String strategy = "random";
        List<String> args = new ArrayList<>(argv);
        try {
            while (!args.isEmpty() && args.get(0).startsWith("--")) {
                String opt = args.remove(0);
                String value = args.isEmpty() ? null : args.remove(0);
                if (value == null) {
                    throw new Schedule.Bad(opt + " needs a value (" + USAGE + ")");
                }
                switch (opt) {
                    case "--runs": runs = positive(opt, value); break;
                    case "--seed": first = number(opt, value); break;
                    case "--strategy": strategy = value; break;
                    default: throw new Schedule.Bad("unknown option " + opt + " (" + USAGE + ")");
                }
            }
            if (args.isEmpty()) {
                throw new Schedule.Bad("check needs a file to run (" + USAGE + ")");
            }
            Schedule.seeded("0", strategy); // the strategy, checked before any run
        } catch (Schedule.Bad e) {
            err.println("par: error: " + e.getMessage());
            return 2;
        }
        String file = args.remove(0);
        String source;
        try {
            source = Main.readSource(file);
        } catch (SourceText.NotUtf8 e) {
            ErrorPrinter.print(e, file, err);
            return 2;
        } catch (IOException e) {
            err.println("par: error: " + Main.unreadable(file, e));
            return 2;
        }
        return check(new Parsed(), source, file, args, runs, first, strategy, out, err);
    }

    /** The program parsed once, by the first run, for every run. */
    private static final class Parsed implements BiFunction<String, String, Program> {
        private Program program;

        @Override
        public Program apply(String source, String file) {
            if (program == null) {
                program = SourceParser.parse(source, file);
            }
            return program;
        }
    }

    private static int check(Parsed program, String source, String file, List<String> args, int runs, long first,
                             String strategy, PrintStream out, PrintStream err) {
        if (handlesCtrlC) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                stopped = true;
                Interpreter i = running;
                if (i != null) {
                    i.abort(130);
                }
            });
        }
        ChildLauncher launcher = ChildLauncher.reusing(); // a child JVM takes job after job, run after run
        try {
            return runAll(program, source, file, args, runs, first, strategy, out, err, launcher);
        } finally {
            launcher.stopAll();
        }
    }

    private static int runAll(Parsed program, String source, String file, List<String> args, int runs, long first,
                              String strategy, PrintStream out, PrintStream err, ChildLauncher launcher) {
        String how = strategy.equals("random") ? "" : " --strategy " + strategy;
        for (int n = 0; n < runs; n++) {
            long seed = first + n;
            Run r = once(program, source, file, args, seed, strategy, launcher);
            if (stopped) {
                out.println("par check: stopped after " + n + " schedules, all passed (" + file + ")");
                return 130;
            }
            if (r.status() == ScriptRunner.SYNTAX_ERROR) {
                err.print(r.err());
                return r.status();
            }
            if (r.failed()) {
                report(r, n + 1, seed, "par --schedule " + seed + how + " " + file, out);
                return 1;
            }
        }
        out.println("par check: " + runs + " schedules passed (seeds " + first + " to " + (first + runs - 1)
                + ", strategy " + strategy + ")");
        return 0;
    }

    /** One run: what it printed, its errors, its status, and its trace. */
    private record Run(String out, String err, int status, List<Trace.Event> events) {
        boolean failed() {
            return status != 0 || err.contains(": error: ") || err.startsWith("error: ");
        }
    }

    private static Run once(Parsed program, String source, String file, List<String> args, long seed,
                            String strategy, ChildLauncher launcher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new StreamOutput(out, false),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Trace trace = new Trace(null, true);
        RootProcesses processes = RootProcesses.install(interp, 256, false, trace, launcher);
        try {
            processes.schedule(Schedule.seeded(Long.toString(seed), strategy), null, file);
        } catch (Schedule.Bad e) {
            throw new IllegalStateException(e); // checked before the first run
        }
        interp.setParser(program);
        ParList argList = new ParList();
        args.forEach(argList::add);
        interp.globals.set("args", argList);
        running = interp;
        int status = stopped ? 130 : ScriptRunner.run(interp, source, file);
        running = null;
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status,
                trace.events());
    }

    private static void report(Run r, int which, long seed, String replay, PrintStream out) {
        out.println("par check: schedule " + which + " failed (seed " + seed + ", exit status " + r.status() + ")");
        if (!r.out().isEmpty()) {
            out.println("--- what it printed");
            out.print(r.out());
        }
        if (!r.err().isEmpty()) {
            out.println("--- its errors");
            out.print(r.err());
        }
        out.println("--- the last steps of each process");
        for (Trace.Event e : lastSteps(r.events())) {
            out.println(String.format("  [step %5d] ", (long) e.ms()) + e.shown());
        }
        out.println("--- run it again with");
        out.println("  " + replay);
    }

    /** Each process's last few events, in the order they happened. */
    private static List<Trace.Event> lastSteps(List<Trace.Event> events) {
        Map<String, Integer> seen = new HashMap<>();
        List<Trace.Event> kept = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            Trace.Event e = events.get(i);
            if (seen.merge(e.process(), 1, Integer::sum) <= LAST_STEPS) {
                kept.add(0, e);
            }
        }
        return kept;
    }

    private static int positive(String opt, String value) throws Schedule.Bad {
        long n = number(opt, value);
        if (n < 1 || n > 1_000_000) {
            throw new Schedule.Bad(opt + " needs a number from 1 to 1000000, not " + value);
        }
        return (int) n;
    }

    private static long number(String opt, String value) throws Schedule.Bad {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Schedule.Bad(opt + " needs a whole number, not '" + value + "'");
        }
    }
}
