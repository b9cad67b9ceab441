package par.hub;

import java.util.HashMap;
import java.util.Map;

import par.wire.Handle;

/**
 * Gives each object the hub makes the name the program meant: the variable it was assigned
 * to ({@code fork = lock()} is {@code fork}), the place in a list it was made for
 * ({@code forks[2]}), or the one it was given ({@code lock(name="left")}). A name asked for
 * twice (a function that makes a lock each time it runs) is told apart by a count,
 * {@code fork#2}; an object made with no name is its kind and id, {@code lock#7}. Guarded by
 * the hub's monitor.
 */
final class Names {
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<Long, String> byId = new HashMap<>();

    String label(String kind, long id, String asked) {
        String label = asked == null || asked.isEmpty() ? kind + "#" + id : counted(asked);
        byId.put(id, label);
        return label;
    }

    private String counted(String asked) {
        int n = uses.merge(asked, 1, Integer::sum);
        return n == 1 ? asked : asked + "#" + n;
    }

    /** A process is known by its name from the start: the hub tells its names here too. */
    void process(long id, String name) {
        byId.put(id, name);
    }

    /** The name of the object a handle names; ids are unique across kinds. */
    String of(byte kind, long id) {
        String label = byId.get(id);
        return label != null ? label : (kind == Handle.KIND_TASK ? "task#" : "object#") + id;
    }

    /** The name of the object with that id, whatever its kind. */
    String of(long id) {
        return of((byte) 0, id);
    }
}
