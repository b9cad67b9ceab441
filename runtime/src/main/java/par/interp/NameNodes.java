package par.interp;

import java.util.Collection;

/**
 * Expression nodes that need no operator: a constant, and the read of a name wherever the
 * resolver placed it (a local slot, a cell shared with an inner function, a cell captured
 * from an enclosing one, or a global cell). They touch only the frame and the cells they hold.
 */
final class NameNodes {
    private NameNodes() {
    }

    static final class Const extends ExprNode {
        private final Object value;

        Const(int line, Object value) {
            super(line);
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }
    }

    static final class LocalRead extends ExprNode {
        private final int slot;
        private final String name;

        LocalRead(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = f.slots[slot];
            if (v == null) {
                throw at(unassigned(name));
            }
            return v;
        }

        @Override
        long evalLong(Frame f) {
            Object v = f.slots[slot];
            if (v instanceof Long) {
                f.other = null;
                return (Long) v;
            }
            if (v == null) {
                throw at(unassigned(name));
            }
            f.other = v;
            return 0;
        }
    }

    /** A local that an inner function captured: the slot holds its cell. */
    static final class CellRead extends ExprNode {
        private final int slot;
        private final String name;

        CellRead(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = ((Cell) f.slots[slot]).value;
            if (v == null) {
                throw at(unassigned(name));
            }
            return v;
        }
    }

    /** A variable of an enclosing function, reached through the cell this function captured. */
    static final class CapturedRead extends ExprNode {
        private final int index;

        CapturedRead(int line, int index) {
            super(line);
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            Cell cell = f.captured[index];
            if (cell.value == null) {
                throw at(unassigned(cell.name));
            }
            return cell.value;
        }
    }

    static final class GlobalRead extends ExprNode {
        private final Cell cell;
        private final Object builtin;
        /** The local names where it is read, complete once its function is resolved: what a misspelling may mean. */
        private final Collection<String> locals;

        GlobalRead(int line, Cell cell, Object builtin, Collection<String> locals) {
            super(line);
            this.cell = cell;
            this.builtin = builtin;
            this.locals = locals;
        }

        @Override
        Object eval(Frame f) {
            Object v = cell.value;
            if (v != null) {
                return v;
            }
            if (builtin != null) {
                return builtin;
            }
            throw at(f.interp.undefined(cell.name, locals));
        }
    }

    static ParError unassigned(String name) {
        return new ParError("variable '" + name + "' is used before it is assigned");
    }
}
