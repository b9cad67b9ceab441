package par.interp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names visible while the resolver works through one function (or the top level):
 * which are locals and in which slot, which are cells shared with inner functions, which are
 * captured from enclosing functions, and the comprehension variables currently in scope.
 */
final class Scope {
    final Scope enclosing;
    final boolean isFunction;
    final Map<String, Integer> locals = new HashMap<>();
    final Set<String> declaredGlobal = new HashSet<>();
    final Set<String> cells = new HashSet<>();
    final List<String> freeVars = new ArrayList<>();
    final Deque<Map<String, Integer>> comprehensions = new ArrayDeque<>();
    /** In a function: the globals its code (and the code of functions inside it) reads. */
    final Set<String> globalsRead = new LinkedHashSet<>();
    int size;
    int loops;

    Scope(Scope enclosing, boolean isFunction) {
        this.enclosing = enclosing;
        this.isFunction = isFunction;
    }

    int newSlot() {
        return size++;
    }

    int declareLocal(String name) {
        Integer slot = locals.get(name);
        if (slot == null) {
            slot = newSlot();
            locals.put(name, slot);
        }
        return slot;
    }

    Integer comprehensionSlot(String name) {
        for (Map<String, Integer> names : comprehensions) { // innermost first
            Integer slot = names.get(name);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    /** True if a function nested here may capture this name from this scope or one around it. */
    boolean canCapture(String name) {
        for (Scope s = this; s != null && s.isFunction; s = s.enclosing) {
            if (s.declaredGlobal.contains(name)) {
                return false;
            }
            if (s.locals.containsKey(name) || s.freeVars.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
