package par.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import par.interp.ParError;
import par.syntax.SourceLines;

/**
 * Every message between processes and the hub comes back from its wire form as it was sent:
 * each request, each answer, and each message either way, with awkward values in their fields
 * (no name, no time-out, an empty list, a string that is not well-formed UTF-16). The samples
 * must cover every record of each sealed family, so a new one without a sample (or without a
 * tag, which it would need to come back) fails here. Damaged
 * forms are refused with a WireException.
 */
class MessageRoundTripTest {
    private static final Request.Timeout HALF = new Request.Timeout(0.5, "0.5");
    private static final byte[] BYTES = {3, 0, 0, 0, 0, 0, 0, 0, 7};
    private static final List<ParError.TraceEntry> TRACE = List.of(
            new ParError.TraceEntry("f", "a.par", 3, 12, 17, new SourceLines("    return x / y", 3)),
            new ParError.TraceEntry("<main>", "a.par", 9, 1, 0, null));

    private static List<Request<?>> requests() {
        return List.of(new ProcessRequest.Spawn(BYTES, null, "a.par:1"), new ProcessRequest.Spawn(BYTES, "worker \ud800", ""),
                new ProcessRequest.Join(2, null, "a.par:2"), new ProcessRequest.Join(2, HALF, "a.par:2"), new ProcessRequest.Info(2),
                new ProcessRequest.Terminate(2), new Request.NewLock("fork0"), new Request.Acquire(4, new Request.Timeout(0, "0"), "s"),
                new Request.Release(4, "s"), new Request.NewShared(BYTES, null), new Request.Read(5, "a.par:4"),
                new Request.Write(5, BYTES, ""), new Request.NewQueue(0, "q"), new Request.Put(6, BYTES, "s"),
                new Request.Get(6, HALF, "s"), new Request.Size(6), new Request.NewPool(4, BYTES, "w"),
                new Request.Submit(7, List.of(BYTES, new byte[0])), new Request.Submit(7, List.of()),
                new Request.AwaitTask(8, "s"), new Request.AwaitAny(List.of(8L, 9L), "s"), new Request.TaskDone(8),
                new Request.ClosePool(7, "s"), new Request.NewSemaphore(2, null), new Request.SemAcquire(10, null, "s"),
                new Request.SemRelease(10, "s"), new Request.NewEvent("ready"), new Request.SetEvent(11, true),
                new Request.SetEvent(11, false), new Request.IsSet(11), new Request.AwaitEvent(11, HALF, "s"),
                new Request.NewBarrier(3, "seated"), new Request.AwaitBarrier(12, null, "s"), new Request.NewCondition(0, null),
                new Request.AwaitCondition(13, HALF, "s"), new Request.Notify(13, Integer.MAX_VALUE),
                new Request.Sleep(HALF, "s"), new Request.Now(), new Request.Turn("print", "a.par:3"), new Request.Label(12),
                new ProcessRequest.Kill(2, "a.par:5"), new ProcessRequest.Daemon(2, 2), new ProcessRequest.Daemon(2, 0),
                new ProcessRequest.Me(), new ProcessRequest.Children(), new ProcessRequest.Parent(),
                new SyncRequest.NewRLock(null), new SyncRequest.NewRLock("r"), new SyncRequest.LockCount(4),
                new SyncRequest.NewBoundedSemaphore(2, "pool"), new SyncRequest.SemValue(10),
                new SyncRequest.NewBarrierWith(3, BYTES, HALF, "b"), new SyncRequest.NewBarrierWith(3, new byte[0], null, null),
                new SyncRequest.BarrierAction(12), new SyncRequest.ActionDone(12, null),
                new SyncRequest.ActionDone(12, "division by zero"), new SyncRequest.AbortBarrier(12, "s"),
                new SyncRequest.ResetBarrier(12, ""), new SyncRequest.BarrierState(12),
                new QueueRequest.PutWithin(6, BYTES, HALF, "s"), new QueueRequest.PutWithin(6, new byte[0], null, ""),
                new QueueRequest.NewJoinableQueue(0, null), new QueueRequest.ItemDone(6, "s"),
                new QueueRequest.JoinQueue(6, "a.par:7"), new PipeRequest.NewPipe(true, null),
                new PipeRequest.NewPipe(false, "p"), new PipeRequest.Send(20, BYTES, "s"), new PipeRequest.Recv(20, "s"),
                new PipeRequest.Poll(20, null, "s"), new PipeRequest.Poll(20, HALF, ""), new PipeRequest.CloseEnd(21, "s"),
                new PoolRequest.NewPoolWith(2, 3, BYTES, null), new PoolRequest.TerminatePool(7, "s"),
                new PoolRequest.AwaitTaskWithin(8, HALF, "s"), new PoolRequest.TaskSucceeded(8),
                new PoolRequest.ForgetTasks(List.of(8L, 9L)));
    }

    private static List<Answer> answers() {
        return List.of(Answer.Done.DONE, new Answer.Id(-1), new Answer.Ids(List.of(1L, Long.MAX_VALUE)),
                new Answer.Ids(List.of()), Answer.Flag.TRUE, Answer.Flag.FALSE, new Answer.Count(3),
                new Answer.Value(BYTES), new ProcessRequest.Returned(BYTES), new ProcessRequest.Spawned(2, 4242, "p1"),
                new Answer.ProcessState(true, null, "p1"),
                new Answer.ProcessState(false, -9L, "p1"), new Answer.ConditionMade(13, 4), new Answer.Results(BYTES),
                new Answer.TaskFailed(-1, "was killed", List.of(), "w1", 77), new Answer.TaskFailed(2, "boom", TRACE, "w2", 78),
                Answer.Cancelled.CANCELLED, new Answer.TaskEnded(8, new Answer.Results(BYTES)),
                new Answer.TaskEnded(9, Answer.Cancelled.CANCELLED), new Answer.Items(List.of(BYTES)),
                new Answer.Items(List.of(BYTES, new byte[0], BYTES)));
    }

    private static List<ChildMessage> childMessages() {
        List<ChildMessage> all = new ArrayList<>(List.of(new ChildMessage.Ready(), new ChildMessage.Output("a line", false),
                new ChildMessage.Output("the start \ud83d", true), new ChildMessage.Put(6, "a.par:4", BYTES),
                new ProcessRequest.Result(BYTES), new ChildMessage.Failed("boom", TRACE), new ChildMessage.Exit(3),
                new ChildMessage.TaskResults(BYTES), new ChildMessage.TaskFailed(1, "boom", TRACE)));
        for (Request<?> r : requests()) {
            all.add(new ChildMessage.Call(all.size(), r));
        }
        return all;
    }

    private static List<HubMessage> hubMessages() {
        List<HubMessage> all = new ArrayList<>(List.of(new ProcessRequest.Job(2, "p1", null, "", BYTES),
                new ProcessRequest.Job(3, "p2", -5L, "/tmp/par-u/slots-1-2.map", BYTES),
                new HubMessage.Worker(3, "w1", null, "", BYTES),
                new HubMessage.Worker(4, "w2", 9L, "/tmp/s.map", BYTES), new HubMessage.Task(8, BYTES),
                new HubMessage.Refused(5, "the pool is closed")));
        for (Answer a : answers()) {
            all.add(new HubMessage.Answered(all.size(), a));
        }
        return all;
    }

    @Test
    void everyRequestComesBackAsSent() {
        roundTrips(requests(), names(Request.class.getPermittedSubclasses()), r -> {
            Codec.Writer w = new Codec.Writer();
            Request.write(r, w);
            Codec.Reader in = new Codec.Reader(w.toBytes(), null);
            Request<?> back = Request.read(in);
            in.end();
            return back;
        });
    }

    @Test
    void everyAnswerComesBackAsSent() {
        roundTrips(answers(), names(Answer.class.getPermittedSubclasses()), a -> {
            Codec.Writer w = new Codec.Writer();
            Answer.write(a, w);
            Codec.Reader in = new Codec.Reader(w.toBytes(), null);
            Answer back = Answer.read(in);
            in.end();
            return back;
        });
    }

    @Test
    void everyMessageEitherWayComesBackAsSent() {
        List<String> childKinds = names(ChildMessage.class.getPermittedSubclasses());
        List<String> hubKinds = names(HubMessage.class.getPermittedSubclasses());
        roundTrips(childMessages(), childKinds, m -> ChildMessage.read(ChildMessage.frame(m), true));
        roundTrips(hubMessages(), hubKinds, m -> HubMessage.read(HubMessage.frame(m)));
    }

    @Test
    void aPutReadWithoutItsSiteKeepsTheRest() {
        ChildMessage.Put back = (ChildMessage.Put) ChildMessage.read(ChildMessage.frame(
                new ChildMessage.Put(6, "a.par:4", BYTES)), false);
        assertEquals(6, back.queue());
        assertEquals("", back.site());
        assertTrue(Arrays.equals(BYTES, back.item()));
    }

    @Test
    void damagedFormsAreRefused() {
        assertRefused(new byte[] {(byte) Request.TAGS.size()}, Request::read, "malformed request: unknown operation");
        assertRefused(new byte[] {99}, Answer::read, "malformed reply: unknown answer 99");
        assertRefused(new byte[] {1, 0, 0}, Request::read, "malformed value: it ends early"); // a Join cut short
        assertRefused(new byte[] {15, 0, 0, 0, 0, 0, 0, 0, 7, 0x7f, -1, -1, -1}, Request::read,
                "malformed value: it ends early"); // a Submit claiming 2^31 - 1 works
        WireException e = assertThrows(WireException.class, () -> ChildMessage.read(new Wire.Frame((byte) 99, new byte[0]), true));
        assertEquals("malformed frame: unknown kind 99", e.getMessage());
        Wire.Frame exit = ChildMessage.frame(new ChildMessage.Exit(0));
        byte[] longer = Arrays.copyOf(exit.payload(), exit.payload().length + 1);
        e = assertThrows(WireException.class, () -> ChildMessage.read(new Wire.Frame(exit.kind(), longer), true));
        assertEquals("malformed value: 1 bytes left over", e.getMessage());
    }

    private static void assertRefused(byte[] form, Function<Codec.Reader, ?> read, String message) {
        WireException e = assertThrows(WireException.class, () -> read.apply(new Codec.Reader(form, null)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    /** Each sample comes back the same, and the samples cover every kind there is. */
    private static <T> void roundTrips(List<? extends T> samples, List<String> kinds, Function<T, T> there) {
        Set<String> seen = new HashSet<>();
        for (T sample : samples) {
            assertEquals(render(sample), render(there.apply(sample)));
            seen.add(sample.getClass().getSimpleName());
        }
        Set<String> missing = new HashSet<>(kinds);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "kinds with no sample");
    }

    /** The records of a sealed family, by name, those of a sealed family inside it too. */
    private static List<String> names(Class<?>[] kinds) {
        List<String> names = new ArrayList<>();
        for (Class<?> kind : kinds) {
            if (kind.isSealed()) {
                names.addAll(names(kind.getPermittedSubclasses()));
            } else {
                names.add(kind.getSimpleName());
            }
        }
        return names;
    }

    /** A record as text, its byte arrays by content (a record's own equals compares them by identity). */
    private static String render(Object o) {
        if (o instanceof byte[] b) {
            return Arrays.toString(b);
        }
        if (o instanceof List<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(i -> parts.add(render(i)));
            return parts.toString();
        }
        if (o instanceof String s) {
            return '"' + s.chars().mapToObj(c -> c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c))
                    .reduce("", String::concat) + '"';
        }
        if (!(o instanceof Record)) {
            return String.valueOf(o);
        }
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            try {
                parts.add(c.getName() + "=" + render(c.getAccessor().invoke(o)));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return o.getClass().getSimpleName() + parts;
    }
}
