package par.repl;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import par.hub.RootProcesses;
import par.hub.Schedule;
import par.hub.Timeline;
import par.hub.Trace;
import par.interp.ErrorPrinter;
import par.interp.Interpreter;
import par.interp.OutputFailure;
import par.interp.ParList;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;
import par.launch.ParseCache;
import par.syntax.SourceText;

/**
 * The {@code par} command: reads its arguments, picks the source (a file, {@code -c} text, or
 * standard input), and hands it to {@link ScriptRunner}. It knows nothing of how Par runs.
 */
public final class Main {
    static final String VERSION = par.wire.Wire.PAR_VERSION;

    private static final String USAGE = String.join("\n",
            "usage: par [options] [FILE.par [args...]]",
            "       par [options] -c CODE [args...]",
            "       par check [--runs N] [--strategy S] [--seed FIRST] FILE.par [args...]",
            "       par kernel install [--user | --prefix DIR]   (the Jupyter kernel; see docs/notebooks.md)",
            "       par member [--cluster NAME] [--port P] [--join HOST:PORT,...] [--workers N]",
            "                  (a machine of a cluster that pools run on; see docs/cluster.md)",
            "",
            "With no FILE, par reads a script from standard input (or starts the",
            "interactive prompt when standard input is a terminal).",
            "",
            "options:",
            "  -c CODE          run CODE instead of a file",
            "  --max-procs N    allow at most N live processes (default 256)",
            "  --trace          print every process event (spawn, lock, queue, join...) on stderr",
            "  --timeline FILE  draw the run as a self-contained HTML page",
            "  --schedule SEED  run deterministically: processes meet in an order chosen from SEED",
            "  --strategy S     how the schedule chooses: random (the default) or pct:D",
            "  --record FILE    write the schedule's steps to FILE",
            "  --replay FILE    take the steps a --record wrote again",
            "  --version        print the version and exit",
            "  -h, --help       print this help and exit",
            "",
            "par check runs FILE under N schedules (100 by default) and stops at the first",
            "that fails (an error, a failed assert, a deadlock), saying how to run it again.",
            "",
            "The script's arguments are in the global list `args`.");

    private Main() {
    }

    public static void main(String[] argv) {
        Check.handlesCtrlC = true;
        // stdout itself, not System.out: a PrintStream would swallow the errors of its writes
        System.exit(run(argv, RawArgs.of(argv), System.in, new FileOutputStream(FileDescriptor.out), System.err,
                System.console() != null));
    }

    /** The whole command, with its streams given, so tests can drive it. */
    static int run(String[] argv, InputStream in, OutputStream out, PrintStream err, boolean interactive) {
        return run(argv, RawArgs.NONE, in, out, err, interactive);
    }

    /** raw: the bytes behind argv where known, so -c code is read as UTF-8 whatever the locale. */
    static int run(String[] argv, RawArgs.Source raw, InputStream in, OutputStream out, PrintStream err,
                   boolean interactive) {
        List<String> args = new ArrayList<>(List.of(argv));
        if (!args.isEmpty() && args.get(0).equals("check")) {
            return Check.run(args.subList(1, args.size()), new PrintStream(out, true, StandardCharsets.UTF_8), err);
        }
        if (!args.isEmpty() && args.get(0).equals("member")) {
            return par.cluster.MemberMain.run(argv.length > 0 ? java.util.Arrays.copyOfRange(argv, 1, argv.length)
                    : argv, new PrintStream(out, true, StandardCharsets.UTF_8), err);
        }
        if (!args.isEmpty() && args.get(0).equals("kernel")) {
            return par.kernel.KernelSpec.command(args.subList(1, args.size()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), err, System.getenv());
        }
        String code = null;
        int codeIndex = -1;
        String file = null;
        int maxProcs = 256;
        boolean trace = false;
        String timeline = null;
        String seed = null;
        String strategy = null;
        String record = null;
        String replay = null;
        while (!args.isEmpty() && args.get(0).startsWith("-") && !args.get(0).equals("-")) {
            String opt = args.remove(0);
            switch (opt) {
                case "--version":
                    return say(out, err, version());
                case "-h":
                case "--help":
                    return say(out, err, USAGE);
                case "-c":
                    if (args.isEmpty()) {
                        err.println("par: error: -c needs an argument (the code to run)");
                        return 2;
                    }
                    codeIndex = argv.length - args.size();
                    code = args.remove(0);
                    break;
                case "--max-procs":
                    try {
                        maxProcs = Integer.parseInt(args.isEmpty() ? "" : args.remove(0));
                    } catch (NumberFormatException e) {
                        maxProcs = 0;
                    }
                    if (maxProcs < 1) {
                        err.println("par: error: --max-procs needs a positive number");
                        return 2;
                    }
                    break;
                case "--trace":
                    trace = true;
                    break;
                case "--timeline":
                    if (args.isEmpty()) {
                        err.println("par: error: --timeline needs a file name (the HTML page to write)");
                        return 2;
                    }
                    timeline = args.remove(0);
                    break;
                case "--schedule":
                case "--strategy":
                case "--record":
                case "--replay":
                    if (args.isEmpty()) {
                        err.println("par: error: " + opt + " needs " + (opt.equals("--schedule") ? "a seed"
                                : opt.equals("--strategy") ? "a strategy (random, or pct:D)" : "a file name"));
                        return 2;
                    }
                    String value = args.remove(0);
                    switch (opt) {
                        case "--schedule": seed = value; break;
                        case "--strategy": strategy = value; break;
                        case "--record": record = value; break;
                        default: replay = value; break;
                    }
                    break;
                case "--":
                    if (args.isEmpty()) {
                        err.println("par: error: -- needs a file after it");
                        return 2;
                    }
                    file = args.remove(0);
                    break;
                default:
                    err.println("par: error: unknown option " + opt + " (see par --help)");
                    return 2;
            }
            if (file != null) {
                break;
            }
        }
        String source;
        String name;
        if (code != null) {
            name = "<string>";
            byte[] bytes = code.indexOf('\uFFFD') >= 0 ? raw.bytes(codeIndex) : null; // the JVM lost some bytes
            try {
                source = bytes == null ? code : SourceText.decode(bytes);
            } catch (SourceText.NotUtf8 e) {
                ErrorPrinter.print(e, name, err);
                return 2;
            }
        } else {
            if (file == null && !args.isEmpty()) {
                file = args.remove(0);
            }
            if (file == null || file.equals("-")) {
                if (interactive && file == null) {
                    if (seed != null || replay != null) {
                        err.println("par: error: a schedule runs a script, not the interactive prompt");
                        return 2;
                    }
                    return interactive();
                }
                name = "<stdin>";
                try {
                    source = SourceText.decode(in.readAllBytes());
                } catch (IOException e) {
                    source = "";
                } catch (SourceText.NotUtf8 e) {
                    ErrorPrinter.print(e, name, err);
                    return 2;
                }
            } else {
                try {
                    source = readSource(file);
                } catch (SourceText.NotUtf8 e) {
                    ErrorPrinter.print(e, file, err);
                    return 2;
                } catch (IOException e) {
                    err.println("par: error: " + unreadable(file, e));
                    return 2;
                }
                name = file;
            }
        }
        Schedule schedule;
        try {
            schedule = schedule(seed, strategy, record, replay, name);
        } catch (Schedule.Bad e) {
            err.println("par: error: " + e.getMessage());
            return 2;
        }
        PrintStream recording = null;
        if (record != null) {
            try {
                recording = new PrintStream(new FileOutputStream(record), false, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("par: error: cannot write the recording " + record + ": " + e.getMessage());
                return 2;
            }
        }
        Interpreter interp = new Interpreter(in, new StreamOutput(out, interactive), err);
        interp.setProgress(new StderrProgressBar(err));
        Trace events = new Trace(trace ? err : null, timeline != null);
        RootProcesses processes = RootProcesses.install(interp, maxProcs, false, events);
        if (schedule != null) {
            processes.schedule(schedule, recording, name);
        }
        // a script run again skips the parser; one whose tokens show a spawn or a pool boots
        // child JVMs meanwhile (the resolver tells how many more)
        interp.setParser(ParseCache.parser(processes));
        ParList argList = new ParList();
        for (String a : args) {
            argList.add(a);
        }
        interp.globals.set("args", argList);
        int status = ScriptRunner.run(interp, source, name);
        if (timeline != null) {
            try {
                int drawn = Timeline.write(Path.of(timeline), name, events.events(), events.elapsedMs());
                err.println("timeline: wrote " + timeline + " (" + drawn + " events)");
            } catch (IOException e) {
                err.println("par: error: cannot write the timeline " + timeline + ": " + e.getMessage());
                return status == 0 ? 1 : status;
            }
        }
        return status;
    }

    /** The schedule the options ask for, or null for a free run; a bad one is a {@link Schedule.Bad}. */
    private static Schedule schedule(String seed, String strategy, String record, String replay, String program)
            throws Schedule.Bad {
        if (seed != null && replay != null) {
            throw new Schedule.Bad("--schedule and --replay cannot go together (a recording has its own seed)");
        }
        if (seed == null && replay == null) {
            if (strategy != null || record != null) {
                throw new Schedule.Bad((strategy != null ? "--strategy" : "--record") + " needs --schedule SEED");
            }
            return null;
        }
        if (replay != null) {
            if (strategy != null) {
                throw new Schedule.Bad("--strategy cannot go with --replay (the recording says every step)");
            }
            return Schedule.replay(replay, program);
        }
        return Schedule.seeded(seed, strategy == null ? "random" : strategy);
    }

    /**
     * A source file's text (a script, or the REPL's :load); bytes that are not UTF-8 are a
     * {@link SourceText.NotUtf8}. Read through java.io, not Files: the JDK's file channels open
     * a socket pair as they are first used and keep one end for the rest of the run.
     */
    static String readSource(String file) throws IOException {
        byte[] bytes;
        try (FileInputStream in = new FileInputStream(file)) {
            bytes = in.readAllBytes();
        }
        try {
            return SourceText.decode(bytes);
        } catch (SourceText.NotUtf8 e) {
            if (binary(bytes)) { // a jar, an image: its first "line" of bytes would help nobody
                throw new IOException("it is a binary file, not a Par script");
            }
            throw e;
        }
    }

    /** Text that is not UTF-8 and has a NUL in its first 8 KiB: what git and grep call binary. */
    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Why a source file could not be read, in words: "cannot open F: no such file", say. */
    static String unreadable(String file, IOException e) {
        if (new File(file).isDirectory()) {
            return "cannot read " + file + ": it is a directory (give a .par file)";
        }
        if (!(e instanceof FileNotFoundException)) {
            return "cannot read " + file + ": " + e.getMessage();
        }
        if (!new File(file).exists()) {
            return "cannot open " + file + ": no such file";
        }
        // java.io's message is "FILE (REASON)"
        String m = String.valueOf(e.getMessage());
        String reason = m.startsWith(file + " (") && m.endsWith(")") ? m.substring(file.length() + 2, m.length() - 1) : m;
        return "cannot read " + file + ": " + reason;
    }

    /** Prints text and ends, as --version and --help do. */
    private static int say(OutputStream out, PrintStream err, String text) {
        StreamOutput output = new StreamOutput(out, true);
        try {
            output.line(text);
        } catch (OutputFailure e) {
            // endOutput says it
        }
        return ScriptRunner.endOutput(output, err, 0);
    }

    /** {@code par 0.1.0 (Java 17.0.15, OpenJDK 64-Bit Server VM, /usr/lib/jvm/...)}: bug reports need the Java too. */
    static String version() {
        return "par " + VERSION + " (Java " + Runtime.version() + ", " + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.home") + ")";
    }

    /**
     * Where the REPL keeps its history: $XDG_STATE_HOME/par/history, else
     * ~/.local/state/par/history, with ~ taken from $HOME (so a test or a sandbox that sets HOME
     * gets its own), as the XDG base directory rules say.
     */
    static Path historyFile(java.util.Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return base.resolve("par").resolve("history");
    }

    /** The interactive prompt, on the real terminal. */
    private static int interactive() {
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder().system(true).build()) {
            Path history = historyFile(System.getenv());
            File dir = history.getParent().toFile();
            // a session without saved history beats no session
            return new Repl(terminal, dir.isDirectory() || dir.mkdirs() ? history : null).run();
        } catch (IOException e) {
            System.err.println("par: error: cannot open the terminal: " + e.getMessage());
            return 2;
        }
    }
}
