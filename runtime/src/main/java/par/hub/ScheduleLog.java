package par.hub;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;

import par.wire.Request;

/**
 * {@code --record FILE}: the steps of a scheduled run, one line per request served, so that
 * {@code --replay FILE} can take them again. A line is the step's number, then, separated by
 * tabs, the process, the operation, the object it acts on (its id, or "-") and the program's
 * line ({@code file.par:LINE}, or "-"). The file begins with {@link Schedule#HEADER}, the
 * program and the seed, and ends with "# end N", so a recording cut short is known.
 */
final class ScheduleLog {
    private final PrintStream out;
    private long steps;

    ScheduleLog(PrintStream out, String program, long seed) {
        this.out = out;
        out.println(Schedule.HEADER);
        out.println("# program " + program);
        out.println("# seed " + seed);
    }

    void granted(long step, HubProcess p, Request<?> request) {
        steps = step;
        out.println(step + "\t" + describe(p, request));
    }

    void close() {
        out.println("# end " + steps);
        out.close();
    }

    /** One step as the recording has it, without its number: process, operation, object, line. */
    static String describe(HubProcess p, Request<?> request) {
        return p.name + "\t" + action(request);
    }

    /** What a request does, as a step names it: operation, object, line. */
    static String action(Request<?> request) {
        return Schedule.operation(request) + "\t" + component(request, false) + "\t" + component(request, true);
    }

    /** A step (or an action) as messages and :ps show it: its fields separated by spaces. */
    static String shown(String step) {
        return step.replace('\t', ' ');
    }

    /**
     * The same, with the object named as the program calls it ({@code a read counter <repl>:2})
     * where a recording has its id, which stays the same from run to run.
     */
    static String shown(String step, Names names) {
        String[] fields = step.split("\t", -1);
        int object = fields.length - 2;
        if (object >= 0 && fields[object].matches("[0-9]+")) {
            fields[object] = names.of(Long.parseLong(fields[object]));
        }
        return String.join(" ", fields);
    }

    /**
     * The request's first long (the object it acts on), or its site: read from the record's
     * components, so a new request needs nothing here.
     */
    private static String component(Request<?> request, boolean site) {
        try {
            for (RecordComponent c : request.getClass().getRecordComponents()) {
                boolean wanted = site ? c.getName().equals("site") : c.getType() == long.class;
                if (wanted) {
                    Object v = c.getAccessor().invoke(request);
                    return v == null || v.toString().isEmpty() ? "-" : v.toString();
                }
            }
        } catch (ReflectiveOperationException e) {
            // records' accessors are public: not reached
        }
        return "-";
    }
}
