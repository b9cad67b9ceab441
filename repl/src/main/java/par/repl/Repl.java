package par.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import par.hub.RootProcesses;
import par.interp.ErrorPrinter;
import par.interp.Output;
import par.syntax.SourceText;

/**
 * The interactive prompt: reads inputs with JLine (history, multi-line input decided by Par's
 * parser, completion, highlighting), runs each in one long-lived interpreter so definitions and
 * globals persist, echoes the value of an expression, and survives every error. Ctrl-C stops
 * the line being typed or the statement running; Ctrl-D or :quit leaves, stopping children.
 */
final class Repl {
    static final String PROMPT = "par> ";
    static final String CONTINUATION = "...> ";

    private final Terminal terminal;
    private final LineReader reader;
    private final Session session;
    private final RootProcesses processes;
    private final PrintStream err;

    Repl(Terminal terminal, Path history) {
        this.terminal = terminal;
        LineOutput output = new LineOutput();
        this.err = new PrintStream(new LineSplitter(output), true, StandardCharsets.UTF_8);
        this.session = new Session(terminal.input(), output, err, null);
        this.processes = session.processes();
        session.interp().setProgress(new StatusLineProgressBar(terminal));
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("par")
                .parser(new ReplParser()).highlighter(new ReplHighlighter())
                .completer(new ReplCompleter(session.interp().globals))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        this.reader = builder.build();
        output.reader = reader;
        terminal.handle(Terminal.Signal.INT, signal -> interruptRunning());
    }

    /** Runs the session until :quit or Ctrl-D; returns the exit status. */
    int run() {
        terminal.writer().println("Par " + Main.VERSION + " - processes you can play with. Type :help for help.");
        terminal.flush();
        while (true) {
            String input;
            try {
                input = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed
            } catch (EndOfFileException e) {
                return quit();
            }
            String trimmed = input.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith(":")) {
                Integer status = command(trimmed);
                if (status != null) {
                    return status;
                }
                continue;
            }
            Integer exit = evaluate(input, "<repl>", true);
            if (exit != null) {
                quit();
                return exit;
            }
        }
    }

    /** The :commands; a status to leave with, or null to go on. */
    private Integer command(String line) {
        String[] parts = line.split("\\s+", 2);
        switch (parts[0]) {
            case ":help":
                say(String.join("\n",
                        "Type Par statements; an expression's value is shown. Blocks and brackets may span lines.",
                        "  :ps          the processes still running: name, pid, state, what they hold or wait for",
                        "  :graph       who waits for whom now (the wait-for graph), and any cycle in it",
                        "  :load FILE   run a .par file in this session",
                        "  :sched step  be the scheduler: spawned processes wait at every lock, queue,",
                        "               shared value, join and print until :step lets one go",
                        "  :step [NAME] let NAME (or any waiting process) take its next step",
                        "  :sched run   let every process run free again",
                        "  :reset       forget every global",
                        "  :quit        leave (Ctrl-D too); running processes are stopped",
                        "Keys: Tab completes, Up/Down walk the history, Ctrl-R searches it,",
                        "Ctrl-C drops the line being typed or stops the statement running."));
                return null;
            case ":ps": {
                List<String> rows = processes.processTable();
                say(rows.isEmpty() ? "no processes running" : String.join("\n", rows));
                return null;
            }
            case ":graph": {
                List<String> lines = processes.waitGraph();
                say(lines.isEmpty() ? "no process is waiting" : String.join("\n", lines));
                return null;
            }
            case ":sched": {
                String how = parts.length < 2 ? "" : parts[1].strip();
                if (!how.equals("step") && !how.equals("run")) {
                    say(":sched needs step or run");
                    return null;
                }
                processes.stepping(how.equals("step"));
                say(how.equals("step") ? "stepping: spawned processes wait at each step; :step NAME lets one go,"
                        + " :ps shows what each wants" : "running free");
                return null;
            }
            case ":step":
                try {
                    say(processes.step(parts.length < 2 ? null : parts[1].strip()));
                } catch (InterruptedException e) {
                    say("interrupted");
                }
                return null;
            case ":load":
                if (parts.length < 2) {
                    say(":load needs a file name");
                    return null;
                }
                return load(parts[1].strip());
            case ":reset":
                session.reset();
                say("all globals forgotten");
                return null;
            case ":quit":
            case ":q":
                return quit();
            default:
                say("unknown command " + parts[0] + " (try :help)");
                return null;
        }
    }

    private Integer load(String file) {
        try {
            return evaluate(Main.readSource(file), file, false);
        } catch (SourceText.NotUtf8 e) {
            ErrorPrinter.print(e, file, err);
        } catch (IOException e) {
            say(Main.unreadable(file, e));
        }
        return null;
    }

    /** Runs one input; its error, if any, is shown on stderr. Answers the status exit() asked for, or null. */
    private Integer evaluate(String source, String file, boolean echo) {
        Session.Outcome outcome = session.evaluate(source, file, echo);
        if (outcome.error() != null) {
            err.print(outcome.error());
            err.flush();
        }
        return outcome.exit();
    }

    private void interruptRunning() {
        session.interruptRunning();
    }

    private int quit() {
        int stopped = session.stopChildren();
        if (stopped > 0) {
            say("stopped " + stopped + (stopped == 1 ? " running process" : " running processes"));
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // history is a convenience
        }
        return 0;
    }

    private void say(String text) {
        terminal.writer().println(text);
        terminal.flush();
    }

    /** Printed lines; while the prompt is showing they go above it, so typing is never garbled. */
    private final class LineOutput implements Output {
        volatile LineReader reader;

        @Override
        public synchronized void line(String text) {
            LineReader r = reader;
            if (r != null && r.isReading()) {
                r.printAbove(text);
            } else {
                terminal.writer().println(text);
                terminal.flush();
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }
    }
}
