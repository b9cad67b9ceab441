package par.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import par.interp.Interpreter;
import par.interp.ParList;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;
import par.proc.ParseCache;
import par.proc.RootProcesses;
import par.proc.Timeline;
import par.proc.Trace;

/**
 * The {@code par} command: reads its arguments, picks the source (a file, {@code -c} text, or
 * standard input), and hands it to {@link ScriptRunner}. It knows nothing of how Par runs.
 */
public final class Main {
    static final String VERSION = "0.1.0";

    private static final String USAGE = String.join("\n",
            "usage: par [options] [FILE.par [args...]]",
            "       par [options] -c CODE [args...]",
            "",
            "With no FILE, par reads a script from standard input (or starts the",
            "interactive prompt when standard input is a terminal).",
            "",
            "options:",
            "  -c CODE          run CODE instead of a file",
            "  --max-procs N    allow at most N live processes (default 256)",
            "  --trace          print every process event (spawn, lock, queue, join...) on stderr",
            "  --timeline FILE  draw the run as a self-contained HTML page",
            "  --version        print the version and exit",
            "  -h, --help       print this help and exit",
            "",
            "The script's arguments are in the global list `args`.");

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.in, System.out, System.err, System.console() != null));
    }

    /** The whole command, with its streams given, so tests can drive it. */
    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        List<String> args = new ArrayList<>(List.of(argv));
        String code = null;
        String file = null;
        int maxProcs = 256;
        boolean trace = false;
        String timeline = null;
        while (!args.isEmpty() && args.get(0).startsWith("-") && !args.get(0).equals("-")) {
            String opt = args.remove(0);
            switch (opt) {
                case "--version":
                    out.println("par " + VERSION);
                    return 0;
                case "-h":
                case "--help":
                    out.println(USAGE);
                    return 0;
                case "-c":
                    if (args.isEmpty()) {
                        err.println("par: error: -c needs an argument (the code to run)");
                        return 2;
                    }
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
            source = code;
            name = "<string>";
        } else {
            if (file == null && !args.isEmpty()) {
                file = args.remove(0);
            }
            if (file == null || file.equals("-")) {
                if (interactive && file == null) {
                    return interactive();
                }
                source = readAll(in);
                name = "<stdin>";
            } else {
                try {
                    source = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    err.println("par: error: cannot open " + file + ": no such file");
                    return 2;
                } catch (IOException e) {
                    err.println("par: error: cannot read " + file + ": " + e.getMessage());
                    return 2;
                }
                name = file;
            }
        }
        Interpreter interp = new Interpreter(in, new StreamOutput(out, interactive), err);
        Trace events = new Trace(trace ? err : null, timeline != null);
        RootProcesses processes = RootProcesses.install(interp, maxProcs, false, events);
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
                Timeline.write(Path.of(timeline), name, events.events(), events.elapsedMs());
            } catch (IOException e) {
                err.println("par: error: cannot write the timeline " + timeline + ": " + e.getMessage());
                return status == 0 ? 1 : status;
            }
        }
        return status;
    }

    /** The interactive prompt, on the real terminal. */
    private static int interactive() {
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder().system(true).build()) {
            return new Repl(terminal, Path.of(System.getProperty("user.home"), ".par_history")).run();
        } catch (IOException e) {
            System.err.println("par: error: cannot open the terminal: " + e.getMessage());
            return 2;
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
