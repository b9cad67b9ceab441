package par.proc;

import java.io.PrintStream;

import par.interp.Interpreter;
import par.interp.Output;

/**
 * Processes for the root program: the hub is created on first use (a script that never
 * spawns starts no threads and no JVMs), and at the end the children are waited for or stopped.
 */
public final class RootProcesses extends ProcessSupport {
    public RootProcesses(Interpreter interp, Output out, PrintStream err, int maxProcs) {
        this(interp, new Hub[1], out, err, maxProcs);
    }

    private RootProcesses(Interpreter interp, Hub[] made, Output out, PrintStream err, int maxProcs) {
        super(interp, () -> {
            made[0] = new Hub(out, err, maxProcs);
            return made[0].rootBroker();
        });
        this.made = made;
    }

    private final Hub[] made;

    /** Connects a fresh interpreter to the process machinery. */
    public static RootProcesses install(Interpreter interp, int maxProcs) {
        RootProcesses p = new RootProcesses(interp, interp.out(), interp.err(), maxProcs);
        interp.setProcesses(p);
        return p;
    }

    /** The REPL's :ps rows; empty before the first process. */
    public java.util.List<String> processTable() {
        return made[0] == null ? java.util.List.of() : made[0].processTable();
    }

    /** The REPL's quit: stops the children still running and says how many there were. */
    public int stopChildren() {
        return made[0] == null ? 0 : made[0].stopChildren();
    }

    @Override
    public void prewarm() {
        broker();
        made[0].prewarm();
    }

    @Override
    public boolean shutdown(boolean normalEnd) {
        if (made[0] == null) {
            return true;
        }
        made[0].shutdown(normalEnd);
        return !made[0].endedStuck();
    }
}
