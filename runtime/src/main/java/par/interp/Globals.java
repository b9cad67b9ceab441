package par.interp;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The global variables of one program (or REPL session), each in a cell that resolved code
 * holds directly, so reading a global is a field read, not a lookup.
 */
public final class Globals {
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    /** The names some function resolved here reads: what a pool's workers may need. */
    private final Set<String> readByFunctions = new HashSet<>();

    public Cell cell(String name) {
        Cell c = cells.get(name);
        if (c == null) { // not computeIfAbsent: a child JVM would link a lambda for it
            c = new Cell(name, null);
            cells.put(name, c);
        }
        return c;
    }

    /** The value of a global, or null if it has none. */
    public Object get(String name) {
        Cell c = cells.get(name);
        return c == null ? null : c.value;
    }

    public void set(String name, Object value) {
        cell(name).value = value;
    }

    /** Whether the program assigns the global name somewhere (see {@link Cell#assigned}). */
    public boolean assignedSomewhere(String name) {
        Cell c = cells.get(name);
        return c != null && (c.assigned || c.value != null);
    }

    /** Notes that the program assigns the global name somewhere, though it has no value here. */
    public void noteAssigned(String name) {
        cell(name).assigned = true;
    }

    /** Notes the globals a function just resolved reads. */
    void noteReadByFunction(Set<String> names) {
        readByFunctions.addAll(names);
    }

    /**
     * The globals any function resolved so far reads, whether or not it has run (a script's
     * functions are all resolved before it starts).
     */
    public Set<String> readByFunctions() {
        return Set.copyOf(readByFunctions);
    }

    /** Every global that has a value, in the order they were first seen. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            if (e.getValue().value != null) {
                out.put(e.getKey(), e.getValue().value);
            }
        }
        return out;
    }

    /** Forgets every global (the REPL's :reset). Cells stay, emptied, so resolved code stays valid. */
    public void clear() {
        for (Cell c : cells.values()) {
            c.value = null;
        }
    }
}
