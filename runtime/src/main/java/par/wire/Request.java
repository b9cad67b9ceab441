package par.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * What a process asks of the hub: one record per operation, each naming the hub objects it acts
 * on by id and, if it can wait or the trace shows it, the call site ({@code file.par:LINE}, or
 * "" where there is none). A request knows the type of its answer, so a caller gets a typed
 * {@link Answer} back and the hub can only reply with the right kind.
 *
 * <p>Both halves of the wire form live here: {@link #write} puts a request's tag and fields into
 * a frame's payload, {@link #read} takes them out again, and a tag or a field that does not fit
 * is a {@link WireException}. The hub reaches each request through a {@link Handler}, one
 * method per record, so the compiler checks that every request is handled.
 *
 * <p>Requests added since these are in families of their own ({@link ProcessRequest},
 * {@link SyncRequest}, {@link QueueRequest}, {@link PipeRequest}, {@link PoolRequest}): each
 * a sealed sub-interface with its records, their tags and reader, and a handler that one part
 * of the hub implements. Their tags follow these on the wire.
 */
public sealed interface Request<A extends Answer> permits
        Request.NewLock, Request.Acquire, Request.Release, Request.NewShared, Request.Read, Request.Write, Request.NewQueue, Request.Put,
        Request.Get, Request.Size, Request.NewPool, Request.Submit, Request.AwaitTask, Request.AwaitAny,
        Request.TaskDone, Request.ClosePool, Request.NewSemaphore, Request.SemAcquire, Request.SemRelease,
        Request.NewEvent, Request.SetEvent, Request.IsSet, Request.AwaitEvent, Request.NewBarrier,
        Request.AwaitBarrier, Request.NewCondition, Request.AwaitCondition, Request.Notify, Request.Sleep,
        Request.Now, Request.Turn, Request.Label, ProcessRequest, SyncRequest, QueueRequest, PipeRequest,
        PoolRequest {

    /** A time-out: its seconds, and how the program wrote it (for "after 0.5 s" in messages). */
    record Timeout(double seconds, String shown) {
    }

    // ------------------------------------------------------------------ locks and shared values

    record NewLock(String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newLock(from, this, r); }

        public void writeFields(Codec.Writer w) {
            Fields.writeOptional(w, name);
        }
    }

    /** A lock's id, or a shared value's (which names its guard lock). */
    record Acquire(long lock, Timeout timeout, String site) implements Request<Answer.Flag> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Flag> r) { h.acquire(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(lock);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    record Release(long lock, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.release(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(lock);
            w.str(site);
        }
    }

    record NewShared(byte[] value, String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newShared(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.bytes(value);
            Fields.writeOptional(w, name);
        }
    }

    record Read(long shared, String site) implements Request<Answer.Value> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Value> r) { h.read(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(shared);
            w.str(site);
        }
    }

    record Write(long shared, byte[] value, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.write(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(shared);
            w.bytes(value);
            w.str(site);
        }
    }

    // ------------------------------------------------------------------ queues

    /** capacity 0: unbounded. */
    record NewQueue(long capacity, String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newQueue(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(capacity);
            Fields.writeOptional(w, name);
        }
    }

    /** A put that waits for room; a child's put into an unbounded queue is a message of its own. */
    record Put(long queue, byte[] item, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.put(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(queue);
            w.bytes(item);
            w.str(site);
        }
    }

    record Get(long queue, Timeout timeout, String site) implements Request<Answer.Items> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Items> r) { h.get(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(queue);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    record Size(long queue) implements Request<Answer.Count> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Count> r) { h.size(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(queue);
        }
    }

    // ------------------------------------------------------------------ pools

    record NewPool(long size, byte[] image, String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newPool(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(size);
            w.bytes(image);
            Fields.writeOptional(w, name);
        }
    }

    /** Tasks, one per work (a function and a chunk of items, encoded), queued as one batch. */
    record Submit(long pool, List<byte[]> works) implements Request<Answer.Ids> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Ids> r) { h.submit(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(pool);
            w.i32(works.size());
            works.forEach(w::bytes);
        }
    }

    record AwaitTask(long task, String site) implements Request<Answer.Outcome> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Outcome> r) { h.awaitTask(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(task);
            w.str(site);
        }
    }

    /** Waits for whichever of the tasks ends first. */
    record AwaitAny(List<Long> tasks, String site) implements Request<Answer.TaskEnded> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.TaskEnded> r) { h.awaitAny(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i32(tasks.size());
            tasks.forEach(w::i64);
            w.str(site);
        }
    }

    record TaskDone(long task) implements Request<Answer.Flag> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Flag> r) { h.taskDone(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(task);
        }
    }

    record ClosePool(long pool, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.closePool(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(pool);
            w.str(site);
        }
    }

    // ------------------------------------------------------------------ semaphores, events, barriers, conditions

    record NewSemaphore(long permits, String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newSemaphore(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(permits);
            Fields.writeOptional(w, name);
        }
    }

    record SemAcquire(long semaphore, Timeout timeout, String site) implements Request<Answer.Flag> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Flag> r) { h.semAcquire(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(semaphore);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    record SemRelease(long semaphore, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.semRelease(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(semaphore);
            w.str(site);
        }
    }

    record NewEvent(String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newEvent(from, this, r); }

        public void writeFields(Codec.Writer w) {
            Fields.writeOptional(w, name);
        }
    }

    /** Sets (set true) or clears an event. */
    record SetEvent(long event, boolean set) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.setEvent(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(event);
            w.b(set ? 1 : 0);
        }
    }

    record IsSet(long event) implements Request<Answer.Flag> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Flag> r) { h.isSet(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(event);
        }
    }

    record AwaitEvent(long event, Timeout timeout, String site) implements Request<Answer.Flag> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Flag> r) { h.awaitEvent(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(event);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    record NewBarrier(long parties, String name) implements Request<Answer.Id> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Id> r) { h.newBarrier(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(parties);
            Fields.writeOptional(w, name);
        }
    }

    /** Answers the arrival index. */
    record AwaitBarrier(long barrier, Timeout timeout, String site) implements Request<Answer.Count> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Count> r) { h.awaitBarrier(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(barrier);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    /** A condition on the given lock, or on a new one (lock 0). */
    record NewCondition(long lock, String name) implements Request<Answer.ConditionMade> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.ConditionMade> r) { h.newCondition(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(lock);
            Fields.writeOptional(w, name);
        }
    }

    record AwaitCondition(long condition, Timeout timeout, String site) implements Request<Answer.Flag> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Flag> r) { h.awaitCondition(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(condition);
            Fields.writeTimeout(w, timeout);
            w.str(site);
        }
    }

    /** Wakes up to count waiters. */
    record Notify(long condition, long count) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.notify(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(condition);
            w.i64(count);
        }
    }

    /** Hands this request to the handler's method for it; P is whatever the handler knows the sender as. */
    <P> void dispatch(Handler<P> handler, P from, Reply<A> reply);

    /**
     * The hub's own bookkeeping, which no process can see the effect of: served at once even
     * under a schedule, so that it is no step of the run and changes no schedule's choices.
     */
    default boolean bookkeeping() {
        return false;
    }

    /** Where the answer to one request goes, once the hub has it. Exactly one method is called. */
    interface Reply<A extends Answer> {
        void ok(A answer);

        void fail(String message);
    }

    /** One method per request: what the hub implements, and all it implements, to serve processes. */
    interface Handler<P> {
        /**
         * The parts that serve the families kept in files of their own, each implementing its
         * family's handler: a request added to a family touches its family's file, the part
         * that serves it and the handle that sends it.
         */
        ProcessRequest.Handler<P> processRequests();

        SyncRequest.Handler<P> syncRequests();

        QueueRequest.Handler<P> queueRequests();

        PipeRequest.Handler<P> pipeRequests();

        PoolRequest.Handler<P> poolRequests();

        void newLock(P from, NewLock n, Reply<Answer.Id> r);

        void acquire(P from, Acquire a, Reply<Answer.Flag> r);

        void release(P from, Release rel, Reply<Answer.Done> r);

        void newShared(P from, NewShared n, Reply<Answer.Id> r);

        void read(P from, Read rd, Reply<Answer.Value> r);

        void write(P from, Write w, Reply<Answer.Done> r);

        void newQueue(P from, NewQueue n, Reply<Answer.Id> r);

        void put(P from, Put p, Reply<Answer.Done> r);

        void get(P from, Get g, Reply<Answer.Items> r);

        void size(P from, Size s, Reply<Answer.Count> r);

        void newPool(P from, NewPool n, Reply<Answer.Id> r);

        void submit(P from, Submit s, Reply<Answer.Ids> r);

        void awaitTask(P from, AwaitTask a, Reply<Answer.Outcome> r);

        void awaitAny(P from, AwaitAny a, Reply<Answer.TaskEnded> r);

        void taskDone(P from, TaskDone t, Reply<Answer.Flag> r);

        void closePool(P from, ClosePool c, Reply<Answer.Done> r);

        void newSemaphore(P from, NewSemaphore n, Reply<Answer.Id> r);

        void semAcquire(P from, SemAcquire a, Reply<Answer.Flag> r);

        void semRelease(P from, SemRelease rel, Reply<Answer.Done> r);

        void newEvent(P from, NewEvent n, Reply<Answer.Id> r);

        void setEvent(P from, SetEvent s, Reply<Answer.Done> r);

        void isSet(P from, IsSet i, Reply<Answer.Flag> r);

        void awaitEvent(P from, AwaitEvent a, Reply<Answer.Flag> r);

        void newBarrier(P from, NewBarrier n, Reply<Answer.Id> r);

        void awaitBarrier(P from, AwaitBarrier a, Reply<Answer.Count> r);

        void newCondition(P from, NewCondition n, Reply<Answer.ConditionMade> r);

        void awaitCondition(P from, AwaitCondition a, Reply<Answer.Flag> r);

        void notify(P from, Notify n, Reply<Answer.Done> r);

        void sleep(P from, Sleep s, Reply<Answer.Done> r);

        void now(P from, Now n, Reply<Answer.Value> r);

        void turn(P from, Turn t, Reply<Answer.Done> r);

        void label(P from, Label l, Reply<Answer.Value> r);
    }

    // ------------------------------------------------------------------ time and turns (under a schedule)

    /** sleep() on the hub's clock: answered once the clock has moved on by duration. */
    record Sleep(Timeout duration, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.sleep(from, this, r); }

        public void writeFields(Codec.Writer w) {
            Fields.writeTimeout(w, duration);
            w.str(site);
        }
    }

    /** time() on the hub's clock: the answer is the seconds, encoded as a float. */
    record Now() implements Request<Answer.Value> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Value> r) { h.now(from, this, r); }

        public void writeFields(Codec.Writer w) {
        }
    }

    /**
     * Leave to go on, asked where nothing else would reach the hub (a printed line, so that
     * lines come out in the schedule's order): answered as soon as the request is served.
     */
    record Turn(String what, String site) implements Request<Answer.Done> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Done> r) { h.turn(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.str(what);
            w.str(site);
        }
    }

    /**
     * The name the hub gave an object ({@code fork0}, or {@code lock#7} for one made with no
     * name), which a handle prints: the hub's bookkeeping, no step of a schedule.
     */
    record Label(long object) implements Request<Answer.Value> {
        public <P> void dispatch(Handler<P> h, P from, Reply<Answer.Value> r) { h.label(from, this, r); }

        public void writeFields(Codec.Writer w) {
            w.i64(object);
        }

        @Override
        public boolean bookkeeping() {
            return true;
        }
    }

    // ================================================================== the wire form

    /**
     * The tag that stands for each kind of request on the wire: its name's place in this list.
     * Names, not classes: a list of the classes would load all of them in every child, where
     * most programs make two or three kinds of request.
     */
    List<String> TAGS = Fields.join(List.of("NewLock", "Acquire", "Release", "NewShared",
            "Read", "Write", "NewQueue", "Put", "Get", "Size", "NewPool", "Submit",
            "AwaitTask", "AwaitAny", "TaskDone", "ClosePool", "NewSemaphore", "SemAcquire", "SemRelease", "NewEvent",
            "SetEvent", "IsSet", "AwaitEvent", "NewBarrier", "AwaitBarrier", "NewCondition", "AwaitCondition", "Notify",
            "Sleep", "Now", "Turn", "Label"), ProcessRequest.TAGS, SyncRequest.TAGS,
            QueueRequest.TAGS, PipeRequest.TAGS, PoolRequest.TAGS);

    /** Writes the request's tag, then its fields. */
    static void write(Request<?> request, Codec.Writer w) {
        w.b(TAGS.indexOf(request.getClass().getSimpleName()));
        request.writeFields(w);
    }

    /** The request's fields, in the order {@link #read} takes them. */
    void writeFields(Codec.Writer w);

    /** Reads what {@link #write} wrote. */
    static Request<?> read(Codec.Reader r) {
        int tag = r.b();
        if (tag < 0 || tag >= TAGS.size()) {
            throw new WireException("malformed request: unknown operation " + tag);
        }
        switch (TAGS.get(tag)) {
            case "NewLock": return new NewLock(Fields.readOptional(r));
            case "Acquire": return new Acquire(r.i64(), Fields.readTimeout(r), r.str());
            case "Release": return new Release(r.i64(), r.str());
            case "NewShared": return new NewShared(r.bytes(), Fields.readOptional(r));
            case "Read": return new Read(r.i64(), r.str());
            case "Write": return new Write(r.i64(), r.bytes(), r.str());
            case "NewQueue": return new NewQueue(r.i64(), Fields.readOptional(r));
            case "Put": return new Put(r.i64(), r.bytes(), r.str());
            case "Get": return new Get(r.i64(), Fields.readTimeout(r), r.str());
            case "Size": return new Size(r.i64());
            case "NewPool": return new NewPool(r.i64(), r.bytes(), Fields.readOptional(r));
            case "Submit": return new Submit(r.i64(), works(r));
            case "AwaitTask": return new AwaitTask(r.i64(), r.str());
            case "AwaitAny": return new AwaitAny(ids(r), r.str());
            case "TaskDone": return new TaskDone(r.i64());
            case "ClosePool": return new ClosePool(r.i64(), r.str());
            case "NewSemaphore": return new NewSemaphore(r.i64(), Fields.readOptional(r));
            case "SemAcquire": return new SemAcquire(r.i64(), Fields.readTimeout(r), r.str());
            case "SemRelease": return new SemRelease(r.i64(), r.str());
            case "NewEvent": return new NewEvent(Fields.readOptional(r));
            case "SetEvent": return new SetEvent(r.i64(), r.b() != 0);
            case "IsSet": return new IsSet(r.i64());
            case "AwaitEvent": return new AwaitEvent(r.i64(), Fields.readTimeout(r), r.str());
            case "NewBarrier": return new NewBarrier(r.i64(), Fields.readOptional(r));
            case "AwaitBarrier": return new AwaitBarrier(r.i64(), Fields.readTimeout(r), r.str());
            case "NewCondition": return new NewCondition(r.i64(), Fields.readOptional(r));
            case "AwaitCondition": return new AwaitCondition(r.i64(), Fields.readTimeout(r), r.str());
            case "Notify": return new Notify(r.i64(), r.i64());
            case "Sleep": return new Sleep(Fields.readTimeout(r), r.str());
            case "Now": return new Now();
            case "Turn": return new Turn(r.str(), r.str());
            case "Label": return new Label(r.i64());
            default: return readFamily(TAGS.get(tag), r);
        }
    }

    /** A request of a family kept in a file of its own: the first family that knows the tag reads it. */
    private static Request<?> readFamily(String tag, Codec.Reader r) {
        Request<?> read = ProcessRequest.read(tag, r);
        read = read != null ? read : SyncRequest.read(tag, r);
        read = read != null ? read : QueueRequest.read(tag, r);
        read = read != null ? read : PipeRequest.read(tag, r);
        read = read != null ? read : PoolRequest.read(tag, r);
        if (read == null) {
            throw new IllegalStateException("a request tag with no reader: " + tag);
        }
        return read;
    }

    private static List<byte[]> works(Codec.Reader r) {
        int n = r.count();
        List<byte[]> works = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            works.add(r.bytes());
        }
        return works;
    }

    /** A list of ids as written by a count and the ids: also how {@link Answer.Ids} travels. */
    static List<Long> ids(Codec.Reader r) {
        int n = r.count();
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(r.i64());
        }
        return ids;
    }
}
