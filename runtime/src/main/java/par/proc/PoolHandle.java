package par.proc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import par.interp.Builtin;
import par.interp.Callable;
import par.interp.ContextManager;
import par.interp.Function;
import par.interp.Interpreter;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.ParIterable;
import par.interp.ParList;
import par.interp.Progress;
import par.interp.Range;
import par.interp.Repr;
import par.interp.Sequences;
import par.interp.Values;
import par.wire.Answer;
import par.wire.Codec;

/**
 * What {@code pool(n)} returns: n worker JVMs the hub started once, each holding the image of
 * this moment, or a cluster's workers ({@link PoolTasks} says where tasks run). map and
 * starmap cut their items into chunks (about four per worker, as Python does) so tiny tasks
 * are not drowned in messages; a task ships only the function's name (or, for a function the
 * workers have not seen, the function itself) and its items.
 */
final class PoolHandle extends HubHandle implements ContextManager {
    private final PoolTasks tasks;
    /** Tasks whose handles or results this process let go unread (see {@link DroppedTasks}). */
    private final DroppedTasks dropped = new DroppedTasks();
    private final int size;
    /** Globals that were functions when the pool was made: the workers know them by name. */
    private final Map<String, Object> known;
    /** The globals the workers were given (or found missing) when the pool was made. */
    private final java.util.Set<String> inImage;

    PoolHandle(ProcessSupport support, PoolTasks tasks, ProcessSupport.PoolImage image) {
        super(support, tasks.id());
        this.tasks = tasks;
        this.size = tasks.size();
        this.known = image.functions();
        this.inImage = image.names();
    }

    @Override
    public byte kind() {
        return KIND_POOL;
    }

    @Override
    public long meta() {
        return size;
    }

    @Override
    public boolean travels() {
        return false;
    }

    @Override
    public String typeName() {
        return "pool";
    }

    @Override
    public Object getAttribute(String name) {
        if (name.equals("size")) {
            return (long) size;
        }
        return super.getAttribute(name);
    }

    @Override
    public Object callMethod(Interpreter interp, String method, Object[] a) {
        switch (method) {
            case "map": {
                Builtin.checkArity("map", a, 2, 3);
                int chunk = a.length == 3 && a[2] != Nil.NIL ? chunkSizeGiven(a[2]) : 0;
                return run(interp, "map", a[0], a[1] instanceof Range ? rangeChunks((Range) a[1], chunk)
                        : chunks(items(a[1]), chunk), false);
            }
            case "apply": {
                Builtin.checkArity("apply", a, 1, 2);
                ParList chunk = ParList.of(new ParList(a.length == 2 ? items(a[1]) : List.of()));
                return new TaskHandle(support, tasks, submit(a[0], chunk, true), chunk, a[0]).join(interp.site());
            }
            case "imap":
                Builtin.checkArity("imap", a, 2, 2);
                return ordered(a[0], items(a[1]));
            case "terminate":
                Builtin.checkArity("terminate", a, 0, 0);
                tasks.terminate(interp.site());
                return Nil.NIL;
            case "starmap":
                Builtin.checkArity("starmap", a, 2, 2);
                return run(interp, "starmap", a[0], chunks(argLists(a[1]), 0), true);
            case "submit": {
                Builtin.checkArity("submit", a, 1, -1);
                List<Object> args = new ArrayList<>(List.of(a).subList(1, a.length));
                ParList chunk = ParList.of(new ParList(args));
                TaskHandle t = new TaskHandle(support, tasks, submit(a[0], chunk, true), chunk, a[0]);
                t.watch = dropped.watch(t, List.of(t.id));
                return t;
            }
            case "imap_unordered":
                Builtin.checkArity("imap_unordered", a, 2, 2);
                return unordered(a[0], items(a[1]));
            case "close":
                Builtin.checkArity("close", a, 0, 0);
                close(interp);
                return Nil.NIL;
            default:
                throw noMethod(method);
        }
    }

    private static List<Object> items(Object iterable) {
        return Sequences.toList(iterable);
    }

    private static List<Object> argLists(Object iterable) {
        List<Object> out = new ArrayList<>();
        for (Object args : Sequences.iterate(iterable)) {
            out.add(new ParList(Sequences.toList(args)));
        }
        return out;
    }

    @Override
    public List<String> parameters(String method) {
        return method.equals("map") ? List.of("func", "iterable", "chunksize") : List.of();
    }

    private static int chunkSizeGiven(Object chunksize) {
        long n = Values.toLong(chunksize, "chunksize");
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new ParError("chunksize must be at least 1, not " + n);
        }
        return (int) n;
    }

    /** Python's chunk size for map: the items spread over about four chunks per worker (or what the pool says). */
    private int chunkSize(int items) {
        int chunks = size * tasks.chunksPerWorker();
        int chunk = items / chunks;
        return items % chunks == 0 ? Math.max(chunk, 1) : chunk + 1;
    }

    /** chunk: the items per task, or 0 for map's own choice. */
    private List<Object> chunks(List<Object> items, int chunk) {
        return cut(items.size(), chunk, (from, to) -> new ParList(items.subList(from, to)));
    }

    /** A range is cut into smaller ranges: a few bytes each, however many items they hold. */
    private List<Object> rangeChunks(Range r, int chunk) {
        long length = r.length();
        if (length > Integer.MAX_VALUE) {
            throw new ParError("a pool can map at most " + Integer.MAX_VALUE + " items at once");
        }
        return cut((int) length, chunk, (from, to) -> new Range(r.at(from), to < length ? r.at(to) : r.stop, r.step));
    }

    /** Cuts length items into chunks (given: their size, 0 for map's own); piece makes the chunk of items [from, to). */
    private List<Object> cut(int length, int given, java.util.function.BiFunction<Integer, Integer, Object> piece) {
        int chunk = given > 0 ? given : chunkSize(length);
        List<Object> chunks = new ArrayList<>();
        for (long from = 0; from < length; from += chunk) {
            chunks.add(piece.apply((int) from, (int) Math.min(length, from + chunk)));
        }
        return chunks;
    }

    /** Runs every chunk and gathers the results in order, telling the interpreter's progress as chunks end. */
    private ParList run(Interpreter interp, String what, Object fn, List<Object> chunks, boolean spread) {
        List<Long> ids = submitAll(fn, chunks, spread);
        interp.out().flush();
        ParList results = new ParList();
        long total = 0;
        for (Object chunk : chunks) {
            total += size(chunk);
        }
        Progress.Task progress = interp.progress().start(what, total);
        try {
            for (int i = 0; i < ids.size(); i++) {
                Answer.Outcome ended = tasks.await(ids.get(i), interp.site());
                results.items.addAll(outcome(support, ended, chunks.get(i), fn, spread).items);
                progress.done(results.items.size());
            }
        } finally {
            progress.end();
            forget(tasks, ids);
        }
        return results;
    }

    /**
     * Lets the hub drop the records of tasks this process is done with. On the way out of a
     * failed map too, where a failure to reach the hub must not hide the map's own error, nor
     * lose a task handle the outcome it already has: the records are then kept until this
     * process ends.
     */
    static void forget(PoolTasks tasks, List<Long> ids) {
        try {
            tasks.forget(ids);
        } catch (ParError e) {
            // interrupted, or the hub is going: nothing is lost but a little of its memory
        }
    }

    /** How many items a chunk holds: a list's or a range's. */
    private static long size(Object chunk) {
        return chunk instanceof Range ? ((Range) chunk).length() : ((ParList) chunk).items.size();
    }

    private static void checkCallable(Object fn) {
        if (!(fn instanceof Callable)) {
            throw new ParError("a pool needs a function to call, not " + Values.aType(fn));
        }
    }

    /** chunk: the items, a list or a range. */
    long submit(Object fn, Object chunk, boolean spread) {
        return submitAll(fn, List.of(chunk), spread).get(0);
    }

    /**
     * Hands the hub every chunk in one request, so each worker gets its first chunk at once
     * instead of one by one as this process encodes them. Answers the tasks' ids.
     */
    List<Long> submitAll(Object fn, List<Object> chunks, boolean spread) {
        checkCallable(fn);
        dropped.forgetNow(tasks);
        Object ref = fn;
        if (fn instanceof Function) {
            String name = ((Function) fn).name();
            if (known.get(name) == fn && support.interp.globals.get(name) == fn) {
                ref = name; // the workers have it already
            }
        }
        // a function shipped whole may read globals the image lacks: they go with every task
        ProcessSupport.Reach reach = new ProcessSupport.Reach(support.interp.globals, inImage);
        List<Codec.Writer> writers = new ArrayList<>(chunks.size());
        for (Object chunk : chunks) {
            Codec.Writer w = reach.writer();
            w.value(ref, 0);
            w.value(spread, 0);
            w.value(chunk, 0);
            writers.add(w);
        }
        byte[] carried = Codec.encode(reach.globals());
        List<byte[]> works = new ArrayList<>(chunks.size());
        for (Codec.Writer w : writers) {
            w.raw(carried);
            works.add(w.toBytes());
        }
        return tasks.submit(works);
    }


    /**
     * The results of a finished task, or its error raised here, naming the call that failed (one
     * wording for map, starmap, submit and imap_unordered: {@code task f(3) failed in worker
     * w1 (pid N): ...}) and the worker. chunk: the task's items, a list or a range; spread: each
     * item is a list of arguments.
     */
    static ParList outcome(ProcessSupport support, Answer.Outcome outcome, Object chunk, Object fn, boolean spread) {
        if (outcome instanceof Answer.Results results) {
            return (ParList) support.decode(results.encoded());
        }
        if (outcome instanceof Answer.Cancelled) {
            throw new ParError("task cancelled: an earlier task of the same map failed");
        }
        Answer.TaskFailed failed = (Answer.TaskFailed) outcome;
        int index = failed.index();
        String message = failed.message();
        List<Object> items = chunk instanceof ParList ? ((ParList) chunk).items : Sequences.toList(chunk);
        String worker = "worker " + failed.worker() + " (pid " + failed.pid() + ")";
        String what;
        if (failed.worker().isEmpty()) { // no worker's doing: the pool was terminated
            what = describe(items, fn, spread) + " failed: " + message;
        } else if (index < 0) { // the worker died
            what = describe(items, fn, spread) + " failed: " + worker + " " + message;
        } else if (index < items.size()) {
            what = "task " + call(fn, items.get(index), spread) + " failed in " + worker + ": " + message;
        } else { // the items were done, their results could not be sent
            what = "task failed in " + worker + ": " + message;
        }
        ParError e = new ParError(what);
        e.trace().addAll(failed.trace());
        throw e;
    }

    /** The call a task made for item: {@code f(3)}, or with spread items {@code f(1, 2)}. */
    private static String call(Object fn, Object item, boolean spread) {
        List<Object> args = spread ? Sequences.toList(item) : List.of(item);
        StringBuilder b = new StringBuilder(((Callable) fn).name()).append('(');
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Repr.repr(args.get(i)));
        }
        return b.append(')').toString();
    }

    /**
     * The tasks of a chunk whose worker died: the worker is not asked which one it was on (that
     * would cost a message per item), so a chunk of several is named by its first and last.
     */
    private static String describe(List<Object> items, Object fn, boolean spread) {
        String first = call(fn, items.get(0), spread);
        if (items.size() == 1) {
            return "task " + first;
        }
        return "the " + items.size() + " tasks " + first + " to " + call(fn, items.get(items.size() - 1), spread);
    }

    /**
     * imap: the results in the items' order, each as soon as it and those before it have ended,
     * so a for loop can use the first while later ones still run.
     */
    private ParIterable ordered(Object fn, List<Object> items) {
        List<Object> singles = singles(items);
        List<Long> ids = submitAll(fn, singles, false);
        // each result is asked of the hub once, and kept: a second walk over them finds them here
        List<Object> got = new ArrayList<>(ids.size());
        DroppedTasks.Watch[] watch = new DroppedTasks.Watch[1];
        ParIterable results = new ParIterable() {
            @Override
            public String typeName() {
                return "results";
            }

            @Override
            public Iterable<Object> iterable() {
                return () -> new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ids.size();
                    }

                    @Override
                    public Object next() {
                        if (next >= ids.size()) {
                            throw new NoSuchElementException();
                        }
                        if (next == got.size()) {
                            support.interp.out().flush();
                            Answer.Outcome ended = tasks.await(ids.get(next), support.interp.site());
                            got.add(outcome(support, ended, singles.get(next), fn, false).get(0));
                            if (got.size() == ids.size()) {
                                watch[0].settled();
                                forget(tasks, ids);
                            }
                        }
                        return got.get(next++);
                    }
                };
            }
        };
        watch[0] = dropped.watch(results, ids);
        return results;
    }

    /** Each item a chunk of its own: imap and imap_unordered hand on each result as its task ends. */
    private static List<Object> singles(List<Object> items) {
        List<Object> singles = new ArrayList<>(items.size());
        for (Object item : items) {
            singles.add(ParList.of(item));
        }
        return singles;
    }

    private ParIterable unordered(Object fn, List<Object> items) {
        List<Long> pending = new ArrayList<>();
        java.util.Map<Long, ParList> chunks = new java.util.HashMap<>();
        List<Object> singles = singles(items);
        List<Long> ids = submitAll(fn, singles, false);
        for (int i = 0; i < ids.size(); i++) {
            pending.add(ids.get(i));
            chunks.put(ids.get(i), (ParList) singles.get(i));
        }
        Results results = new Results(fn, ids, pending, chunks);
        results.watch = dropped.watch(results, ids);
        return results;
    }

    /** The results of imap_unordered, as a for loop takes them: each as soon as its task ends. */
    private final class Results implements ParIterable {
        private final List<Long> ids;
        private final List<Long> pending;
        private final Map<Long, ParList> chunks;

        private final Object fn;
        private DroppedTasks.Watch watch;

        Results(Object fn, List<Long> ids, List<Long> pending, Map<Long, ParList> chunks) {
            this.fn = fn;
            this.ids = ids;
            this.pending = pending;
            this.chunks = chunks;
        }

        @Override
        public String typeName() {
            return "results";
        }

        @Override
        public Iterable<Object> iterable() {
            return () -> new Iterator<>() {
                private final ArrayList<Object> ready = new ArrayList<>();

                @Override
                public boolean hasNext() {
                    return !ready.isEmpty() || !pending.isEmpty();
                }

                @Override
                public Object next() {
                    if (ready.isEmpty()) {
                        if (pending.isEmpty()) {
                            throw new NoSuchElementException();
                        }
                        support.interp.out().flush();
                        Answer.TaskEnded ended = tasks.awaitAny(List.copyOf(pending), support.interp.site());
                        pending.remove(ended.task());
                        if (pending.isEmpty()) {
                            watch.settled();
                            forget(tasks, ids);
                        }
                        ready.addAll(outcome(support, ended.outcome(), chunks.remove(ended.task()), fn, false).items);
                    }
                    return ready.remove(0);
                }
            };
        }
    }

    private void close(Interpreter interp) {
        interp.out().flush();
        tasks.close(interp.site());
    }

    @Override
    public Object enter(Interpreter interp) {
        return this;
    }

    @Override
    public void exit(Interpreter interp, boolean failed) {
        close(interp);
    }

    @Override
    public String toString() {
        return tasks.describe();
    }

}
