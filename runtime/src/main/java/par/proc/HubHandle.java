package par.proc;

import java.util.List;
import java.util.Map;

import par.interp.ParError;
import par.interp.ParObject;
import par.interp.Suggestions;
import par.interp.Values;
import par.wire.Handle;

/**
 * The part every handle shares: the support its requests go through and the id the hub gave
 * the object. Two handles are the same value when they name the same hub object, by kind and
 * id, however each reached this process (made here, taken from a queue, passed to a spawn,
 * returned by a child), so {@code ==}, {@code in} and map keys treat copies alike.
 */
abstract class HubHandle implements ParObject, Handle {
    final ProcessSupport support;
    final long id;

    HubHandle(ProcessSupport support, long id) {
        this.support = support;
        this.id = id;
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final boolean equals(Object other) {
        if (!(other instanceof Handle)) {
            return false;
        }
        Handle h = (Handle) other;
        return h.kind() == kind() && h.id() == id;
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(id) * 31 + kind();
    }

    /** Each kind of handle's attributes and methods, by its type's name. */
    private static final Map<String, List<String>> MEMBERS = Map.ofEntries(
            Map.entry("process", List.of("join", "terminate", "kill", "pid", "name", "alive", "exitcode", "daemon")),
            Map.entry("lock", List.of("acquire", "release", "locked")),
            Map.entry("rlock", List.of("acquire", "release", "locked", "count")),
            Map.entry("semaphore", List.of("acquire", "release", "value")),
            Map.entry("condition", List.of("acquire", "release", "wait", "wait_for", "notify", "notify_all")),
            Map.entry("event", List.of("set", "clear", "is_set", "wait")),
            Map.entry("barrier", List.of("wait", "abort", "reset", "parties", "n_waiting", "broken")),
            Map.entry("queue", List.of("put", "get", "size", "empty", "full", "put_nowait", "get_nowait", "close")),
            Map.entry("joinable_queue", List.of("put", "get", "size", "empty", "full", "put_nowait", "get_nowait", "close",
                    "task_done", "join")),
            Map.entry("connection", List.of("send", "recv", "poll", "close", "readable", "writable")),
            Map.entry("pool", List.of("map", "starmap", "submit", "apply", "imap", "imap_unordered", "close", "terminate",
                    "size")),
            Map.entry("shared", List.of("value")),
            Map.entry("array", List.of()),
            Map.entry("shared_list", List.of("append", "extend", "pop", "insert", "remove", "clear", "sort", "reverse",
                    "index", "count", "copy")),
            Map.entry("shared_map", List.of("keys", "values", "items", "get", "pop", "update", "clear", "copy",
                    "setdefault")),
            Map.entry("task", List.of("done", "get", "wait", "successful")));

    /** The parameters of the methods that take keyword arguments, by type and method. */
    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("process.join", List.of("timeout")),
            Map.entry("lock.acquire", List.of("timeout")),
            Map.entry("rlock.acquire", List.of("timeout")),
            Map.entry("semaphore.acquire", List.of("timeout")),
            Map.entry("condition.acquire", List.of("timeout")),
            Map.entry("condition.wait", List.of("timeout")),
            Map.entry("condition.wait_for", List.of("predicate", "timeout")),
            Map.entry("event.wait", List.of("timeout")),
            Map.entry("barrier.wait", List.of("timeout")),
            Map.entry("queue.put", List.of("item", "timeout")),
            Map.entry("queue.get", List.of("timeout")),
            Map.entry("connection.poll", List.of("timeout")),
            Map.entry("task.get", List.of("timeout")),
            Map.entry("task.wait", List.of("timeout")),
            Map.entry("joinable_queue.put", List.of("item", "timeout")),
            Map.entry("joinable_queue.get", List.of("timeout")));

    @Override
    public List<String> parameters(String method) {
        return PARAMETERS.getOrDefault(typeName() + "." + method, List.of());
    }

    @Override
    public List<String> memberNames() {
        return MEMBERS.getOrDefault(typeName(), List.of());
    }

    /** The error for a method this handle does not have. */
    ParError noMethod(String method) {
        return new ParError(Values.aType(this) + " has no method '" + method + "'"
                + Suggestions.didYouMean(method, memberNames()));
    }

    /** The hub's name for the object, once asked (names never change). */
    private String label;

    /**
     * How most handles print: the name the hub gave the object, as the trace and the messages
     * show it, {@code <fork0>}; one made with no name, {@code <lock#3>}. Asked of the hub the
     * first time; if the hub is gone (the run is ending), the type and id.
     */
    @Override
    public String toString() {
        if (label == null) {
            try {
                label = (String) support.decode(support.broker().call(new par.wire.Request.Label(id)).encoded());
            } catch (ParError | ClassCastException e) {
                return "<" + typeName() + "#" + id + ">";
            }
        }
        return "<" + label + ">";
    }
}
