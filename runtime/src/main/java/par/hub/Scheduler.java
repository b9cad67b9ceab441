package par.hub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;

import par.wire.Answer;
import par.wire.Request;

/**
 * The hub's part for {@code --schedule}: a run whose every meeting of processes happens in an
 * order the schedule chooses, so the same program, input and seed give the same run. Each
 * request a process sends is held here, and the process waits. Once no process is running
 * (each has a request held, waits in the hub, or has finished), one held request is chosen by
 * the {@link Choice} and served; the process it answers runs on to its next request. Time is
 * virtual: it moves on only when nothing else can happen, to the earliest sleep or time-out.
 *
 * <p>With no choice it is the REPL's stepping mode ({@code :sched step}): the main program's
 * requests are served at once, a child's wait until someone types {@code :step}, and time is
 * the machine's. Runs under the hub's monitor.
 */
final class Scheduler {
    /** A request held until its turn. */
    record Held(HubProcess from, Request<?> request, Request.Reply<?> reply) {
    }

    /** How the next request to serve is chosen: a seeded generator, or a recording replayed. */
    interface Choice {
        /**
         * Which of the held requests (in the order of their processes' ids) is served at this
         * step; a {@link Diverged} if none can be, for a replay that no longer fits.
         */
        int pick(List<Held> held, long step);
    }

    /** A replay asked for a step the run cannot take. */
    static final class Diverged extends RuntimeException {
        Diverged(String message) {
            super(message);
        }
    }

    /** A sleep or a time-out, due at a virtual time; seq keeps equal times in the order they were set. */
    private record Timer(double at, long seq, Waiter waiter, Consumer<Waiter> expire) {
    }

    private final Hub hub;
    private final Choice choice;
    private final ScheduleLog log;
    private final TreeMap<Long, Held> held = new TreeMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingDouble(Timer::at).thenComparingLong(Timer::seq));
    private long timerSeq;
    /** The virtual clock, in seconds since the run began. */
    private double now;
    private long step;
    private boolean deciding;
    private boolean stopped;

    Scheduler(Hub hub, Choice choice, ScheduleLog log) {
        this.hub = hub;
        this.choice = choice;
        this.log = log;
    }

    double now() {
        return now;
    }

    long step() {
        return step;
    }

    /** Stepping by hand (the REPL's :sched step) rather than by a choice. */
    boolean manual() {
        return choice == null;
    }

    /** A process's request: held until its turn, which may be now. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void hold(HubProcess from, Request<?> request, Request.Reply<?> reply) {
        if (manual() && from == hub.root) {
            hub.dispatch(from, (Request) request, (Request.Reply) reply); // the prompt never waits for a step
            return;
        }
        from.running = false;
        held.put(from.id, new Held(from, request, reply));
        hub.notifyAll(); // a :step may be waiting for this process to arrive
        decide();
    }

    /** The request process p waits to have served, as :ps shows it, or null. */
    String pending(HubProcess p) {
        Held h = held.get(p.id);
        return h == null ? null : "wants " + ScheduleLog.shown(ScheduleLog.action(h.request()), hub.names);
    }

    /**
     * :step NAME serves that process's request, :step (name null) any one: what was served, in
     * words, or why nothing can be; null if the process (or, for any, some process) is still
     * running towards its next step, so the caller waits for it.
     */
    String step(String name) {
        Held h = null;
        if (name == null) {
            List<Held> all = new ArrayList<>(held.values());
            if (all.isEmpty()) {
                return anyRunning() ? null : "no process is waiting for a step";
            }
            h = all.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(all.size()));
        } else {
            HubProcess p = named(name);
            if (p == null) {
                return "no process is named " + name;
            }
            if (p.finished) {
                return name + " has finished";
            }
            h = held.get(p.id);
            if (h == null) {
                return p.blockedOn != null ? name + " " + p.blockedOn.what + ": another process must act first" : null;
            }
        }
        String what = ScheduleLog.shown(ScheduleLog.describe(h.from(), h.request()), hub.names);
        lastStepped = h.from();
        serve(h);
        return "step " + step + ": " + what;
    }

    /** The process the last :step let go. */
    HubProcess lastStepped;

    /**
     * Where the process a step let go has got to: its next step, a wait, its end; null while it
     * still runs towards them.
     */
    String arrived(HubProcess p) {
        String next = pending(p);
        if (next != null) {
            return p.name + " now " + next;
        }
        if (p.finished) {
            return p.name + " has finished";
        }
        return p.blockedOn != null ? p.name + " " + p.blockedOn.what : null;
    }

    private HubProcess named(String name) {
        for (HubProcess p : hub.procs.values()) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Leaving the schedule: every held request is served, in the order of its process's id. */
    void releaseAll() {
        stopped = true;
        for (Held h : new ArrayList<>(held.values())) {
            serve(h);
        }
    }

    /** A sleep or a timed wait: due when the virtual clock reaches now + seconds. */
    void timer(Waiter w, double seconds, Consumer<Waiter> expire) {
        timers.add(new Timer(now + Math.max(0, seconds), timerSeq++, w, expire));
    }

    /**
     * Serves what can be served: while no process is running, the chosen held request, or, with
     * none held, the earliest timer (the clock jumps to it). Something served may itself end a
     * process or wake another; decide() then runs again from the top, not nested.
     */
    void decide() {
        if (deciding || stopped || manual()) {
            return;
        }
        deciding = true;
        try {
            while (!stopped && !anyRunning()) {
                if (hub.pools.handOut()) {
                    continue; // pool tasks start before anything else is served, and are waited for
                }
                if (!held.isEmpty()) {
                    serve(pickHeld());
                } else if (!fireTimer()) {
                    return; // everyone waits on someone, or all have ended: the deadlock detector's case
                }
            }
        } finally {
            deciding = false;
        }
    }

    /** The run is over (or was stopped): nothing more is served. */
    void stop() {
        stopped = true;
    }

    private Held pickHeld() {
        List<Held> candidates = new ArrayList<>(held.values());
        int i;
        try {
            i = choice.pick(candidates, step + 1);
        } catch (Diverged d) {
            stopped = true;
            hub.scheduleFailed(d.getMessage());
            return null;
        }
        return candidates.get(i);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serve(Held h) {
        if (h == null) {
            return;
        }
        held.remove(h.from().id);
        step++;
        if (log != null) {
            log.granted(step, h.from(), h.request());
        }
        hub.dispatch(h.from(), (Request) h.request(), new Granted(h.from(), h.reply()));
    }

    private boolean fireTimer() {
        Timer t;
        do {
            t = timers.poll();
        } while (t != null && t.waiter().done);
        if (t == null) {
            return false;
        }
        now = Math.max(now, t.at());
        t.expire().accept(t.waiter());
        return true;
    }

    /** A process between two of its requests: the main program, a child, or a pool worker on a task. */
    private boolean anyRunning() {
        if (!hub.root.finished && hub.root.running) {
            return true;
        }
        for (HubProcess p : hub.procs.values()) {
            if (!p.finished && p.running && (p.pool == null || p.task != null)) {
                return true;
            }
        }
        return false;
    }

    /** The reply a request came with, whether or not a schedule served it. */
    static Request.Reply<?> unwrap(Request.Reply<?> reply) {
        return reply instanceof Granted<?> g ? g.reply : reply;
    }

    /** The reply to a served request: once answered, its process runs again. */
    private static final class Granted<A extends Answer> implements Request.Reply<A> {
        private final HubProcess proc;
        private final Request.Reply<A> reply;

        Granted(HubProcess proc, Request.Reply<A> reply) {
            this.proc = proc;
            this.reply = reply;
        }

        @Override
        public void ok(A answer) {
            proc.running = true;
            reply.ok(answer);
        }

        @Override
        public void fail(String message) {
            proc.running = true;
            reply.fail(message);
        }
    }
}
