package par.interp;

import java.util.List;
import java.util.Set;

import par.syntax.Stmt;
import par.syntax.SyntaxError;

/**
 * Where each name lives while the resolver works: the scope being resolved (a function's or
 * the top level's), how a function's scope is laid out before its body is resolved, and the
 * node that reads a name or the target that assigns it from there. Touches the scopes, the
 * globals' cells and the builtins' table; it makes no node but those for names.
 */
final class Scopes {
    private final Globals globals;
    private final String file;
    private final NameAnalysis analysis = new NameAnalysis();
    /** The scope being resolved; the resolver sets it back when a function ends. */
    Scope current;

    Scopes(Globals globals, String file) {
        this.globals = globals;
        this.file = file;
    }

    ExprNode read(int line, String name) {
        Integer slot = current.comprehensionSlot(name);
        if (slot != null) {
            return new NameNodes.LocalRead(line, slot, name);
        }
        if (current.isFunction && !current.declaredGlobal.contains(name)) {
            slot = current.locals.get(name);
            if (slot != null) {
                return current.cells.contains(name) ? new NameNodes.CellRead(line, slot, name)
                        : new NameNodes.LocalRead(line, slot, name);
            }
            int captured = current.freeVars.indexOf(name);
            if (captured >= 0) {
                return new NameNodes.CapturedRead(line, captured);
            }
        }
        if (current.isFunction) {
            current.globalsRead.add(name);
        }
        return new NameNodes.GlobalRead(line, globals.cell(name), Builtins.get(name),
                current.isFunction ? current.locals.keySet() : List.of());
    }

    Target target(String name) {
        Integer slot = current.comprehensionSlot(name);
        if (slot != null) {
            return new Target.Local(slot);
        }
        if (current.isFunction && !current.declaredGlobal.contains(name)) {
            slot = current.locals.get(name);
            if (slot != null) {
                return current.cells.contains(name) ? new Target.LocalCell(slot) : new Target.Local(slot);
            }
        }
        Cell cell = globals.cell(name);
        cell.assigned = true;
        return new Target.Global(cell);
    }

    /**
     * Enters the scope of function d, defined in enclosing (null for a function on its own), with
     * its parameters, its locals, the cells it shares with functions inside it and the names it
     * captures: presetFreeVars when given, otherwise those of its free names that enclosing has.
     */
    Scope enterFunction(Stmt.Def d, Scope enclosing, List<String> presetFreeVars) {
        Scope s = new Scope(enclosing, true);
        current = s;
        s.declaredGlobal.addAll(NameAnalysis.declaredGlobal(d.body()));
        for (String p : d.params()) {
            if (s.declaredGlobal.contains(p)) {
                throw new SyntaxError(file, d.pos(), "'" + p + "' is both a parameter and declared global");
            }
            s.declareLocal(p);
        }
        for (String name : NameAnalysis.assigned(d.body())) {
            if (!s.declaredGlobal.contains(name)) {
                s.declareLocal(name);
            }
        }
        if (presetFreeVars != null) {
            s.freeVars.addAll(presetFreeVars);
        } else if (enclosing != null && enclosing.isFunction) {
            for (String name : analysis.freeNames(d)) {
                if (enclosing.canCapture(name)) {
                    s.freeVars.add(name);
                }
            }
        }
        if (NameAnalysis.hasNestedDefs(d.body())) {
            Set<String> captured = analysis.capturedByInner(d.body());
            captured.retainAll(s.locals.keySet());
            s.cells.addAll(captured);
        }
        return s;
    }

    /**
     * The code of function d once its body is resolved in scope s: where its cells are, what it
     * captures and the globals it reads, which the function around it (outer) reads too.
     */
    FunctionCode functionCode(Stmt.Def d, Scope s, StmtNode body, Scope outer) {
        int[] cellSlots = new int[s.cells.size()];
        String[] cellNames = new String[s.cells.size()];
        int k = 0;
        for (String name : s.cells) {
            cellNames[k] = name;
            cellSlots[k++] = s.locals.get(name);
        }
        if (outer != null && outer.isFunction) {
            outer.globalsRead.addAll(s.globalsRead); // calling the outer function may call this one
        }
        globals.noteReadByFunction(s.globalsRead);
        return new FunctionCode(d, s.size, cellSlots, cellNames, body, List.copyOf(s.freeVars),
                s.globalsRead.toArray(new String[0]));
    }
}
