package par.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's trace events turned into what its timeline draws: a lane per process (with its pid),
 * their states ({@link LaneStates}), queue items and spawns as arrows, exits and deadlocks as
 * marks, a tick per event, and at a deadlock its wait-for edges as arrows between lanes.
 * Everything is cut where the run ended or the deadlock was reported: a process stopped after
 * it gets its exit mark there. The first view is fitted to where processes meet, not to their
 * JVMs' start-up.
 */
final class TimelineModel {
    private static final String ROOT = "main";

    /** The events drawn: those up to the cut, and the exits after it, moved to it. */
    final List<Trace.Event> drawn = new ArrayList<>();
    /** Where the drawing ends: the deadlock report, else the last event. */
    final double cut;
    final boolean deadlocked;
    private final Map<String, Integer> lanes = new LinkedHashMap<>();
    private final Map<String, Long> pids = new HashMap<>();
    private final List<TimelineShape> shapes = new ArrayList<>();

    TimelineModel(List<Trace.Event> events, double endMs) {
        deadlocked = events.stream().anyMatch(TimelineModel::isDeadlock);
        cut = deadlocked ? events.stream().filter(TimelineModel::isDeadlock).mapToDouble(Trace.Event::ms).max().orElseThrow()
                : events.isEmpty() ? endMs : events.get(events.size() - 1).ms();
        for (Trace.Event e : events) {
            if (e.ms() <= cut) {
                drawn.add(e);
            } else if (e.what().equals("exit")) {
                drawn.add(new Trace.Event(cut, e.process(), e.pid(), e.what(), e.kind(), e.object(), e.value(),
                        e.site(), e.item()));
            }
        }
        lane(ROOT, 0);
        for (Trace.Event e : drawn) {
            lane(e.process(), e.pid());
            if (e.what().equals("spawn")) {
                lane(e.object(), 0);
            }
        }
        lanes.forEach((p, lane) -> shapes.addAll(new LaneStates(p, lane, p.equals(ROOT), spawned(p), drawn, cut).shapes()));
        arrows();
        marks();
    }

    private static boolean isDeadlock(Trace.Event e) {
        return e.what().equals("deadlock");
    }

    private void lane(String process, long pid) {
        lanes.putIfAbsent(process, lanes.size());
        if (pid > 0) {
            pids.putIfAbsent(process, pid);
        }
    }

    private double spawned(String process) {
        return drawn.stream().filter(e -> e.what().equals("spawn") && e.object().equals(process))
                .mapToDouble(Trace.Event::ms).findFirst().orElse(Double.NaN);
    }

    /** Queue items from put to get (and a pipe's from send to recv), spawns from parent to child, and a deadlock's wait-for edges. */
    private void arrows() {
        Map<String, Trace.Event> puts = new HashMap<>();
        for (Trace.Event e : drawn) {
            if (e.what().equals("put") || e.what().equals("send")) {
                puts.put(e.object() + "#" + e.item(), e);
            } else if ((e.what().equals("get") || e.what().equals("recv")) && puts.containsKey(e.object() + "#" + e.item())) {
                Trace.Event put = puts.remove(e.object() + "#" + e.item());
                link("queue", put, e.process(), e.ms(), e.object() + ": " + put.value() + " from " + put.process()
                        + " to " + e.process() + ", put" + LaneStates.at(put) + ", got" + LaneStates.at(e));
            } else if (e.what().equals("spawn")) {
                link("spawn", e, e.object(), e.ms(), e.process() + " spawns " + e.object() + LaneStates.at(e));
            } else if (isDeadlock(e) && lanes.containsKey(e.value())) {
                link("waitfor", e, e.value(), cut, e.process() + " " + e.object() + ", held by " + e.value()
                        + LaneStates.at(e));
            }
        }
    }

    private void link(String cls, Trace.Event from, String to, double when, String title) {
        double start = cls.equals("waitfor") ? cut : from.ms();
        shapes.add(new TimelineShape("link", cls, lanes.get(from.process()), start, lanes.get(to), when, "", title));
    }

    /** Exits with their status or signal, deadlocks where each was found, and a tick per event. */
    private void marks() {
        for (Trace.Event e : drawn) {
            int lane = lanes.get(e.process());
            if (e.what().equals("exit")) {
                shapes.add(TimelineShape.at("mark", "exit " + exitClass(e.object()), lane, e.ms(), exitLabel(e.object()),
                        e.process() + " exits: " + e.object() + " at " + LaneStates.ms(e.ms())));
            } else if (isDeadlock(e)) {
                shapes.add(TimelineShape.at("mark", "deadlock", lane, e.ms(), "deadlock",
                        "deadlock: " + e.process() + " " + e.object()
                                + (e.value().isEmpty() ? "" : ", held by " + e.value()) + LaneStates.at(e)));
            }
            shapes.add(TimelineShape.at("tick", "event", lane, e.ms(), "", String.format(Locale.ROOT, "%.1f ms  ", e.ms())
                    + e.shown().replaceAll(" {2,}", " ")));
        }
    }

    private static String exitClass(String how) {
        return how.equals("status 0") || how.equals("retired") ? "ok" : how.startsWith("signal") ? "killed" : "failed";
    }

    /** "status 0" reads "exit 0"; "signal 9 (SIGKILL)" reads "SIGKILL". */
    private static String exitLabel(String how) {
        if (how.startsWith("status ")) {
            return "exit " + how.substring("status ".length());
        }
        int open = how.indexOf('(');
        return open >= 0 ? how.substring(open + 1, how.length() - 1) : how;
    }

    /**
     * The first view: from a little before the first thing a child process does (its JVM has
     * started by then; the root alone, until then, only spawns and waits) to a little after the
     * cut, with room on the right for the wait-for arrows. A run with no child fits all events.
     */
    double[] fit() {
        double first = drawn.stream().filter(e -> !e.process().equals(ROOT)).mapToDouble(Trace.Event::ms).min()
                .orElse(drawn.isEmpty() ? 0 : drawn.get(0).ms());
        double span = Math.max(cut - first, 1);
        return new double[] {Math.max(0, first - span * 0.03), cut + span * 0.1};
    }

    /** The page's data: the program, the lanes, the views, and every shape. */
    String json(String program) {
        double[] fit = fit();
        String laneList = lanes.keySet().stream()
                .map(p -> "{\"name\":" + TimelineShape.str(p) + ",\"pid\":" + pids.getOrDefault(p, 0L) + "}")
                .collect(Collectors.joining(",\n"));
        String shapeList = shapes.stream().map(TimelineShape::json).collect(Collectors.joining(",\n"));
        return String.format(Locale.ROOT, "{\"program\":%s,\"events\":%d,\"cut\":%.2f,\"deadlocked\":%b,"
                + "\"fit\":[%.2f,%.2f],\"whole\":[0,%.2f],\n\"lanes\":[%s],\n\"shapes\":[%s]}",
                TimelineShape.str(program), drawn.size(), cut, deadlocked, fit[0], fit[1],
                cut + Math.max(cut, 1) * 0.05, laneList, shapeList);
    }
}
