package par.interp;

import java.util.ArrayList;

/** Something a value can be stored into: a variable, {@code a[i]}, {@code x.attr}, or several. */
abstract class Target {
    abstract void assign(Frame f, Object value);

    static final class Local extends Target {
        private final int slot;

        Local(int slot) {
            this.slot = slot;
        }

        @Override
        void assign(Frame f, Object value) {
            f.slots[slot] = value;
        }
    }

    static final class LocalCell extends Target {
        private final int slot;

        LocalCell(int slot) {
            this.slot = slot;
        }

        @Override
        void assign(Frame f, Object value) {
            ((Cell) f.slots[slot]).value = value;
        }
    }

    static final class Captured extends Target {
        private final int index;

        Captured(int index) {
            this.index = index;
        }

        @Override
        void assign(Frame f, Object value) {
            f.captured[index].value = value;
        }
    }

    static final class Global extends Target {
        private final Cell cell;

        Global(Cell cell) {
            this.cell = cell;
        }

        @Override
        void assign(Frame f, Object value) {
            cell.value = value;
        }
    }

    static final class Item extends Target {
        private final ExprNode container;
        private final ExprNode index;
        private final String site;

        Item(ExprNode container, ExprNode index, String site) {
            this.container = container;
            this.index = index;
            this.site = site;
        }

        @Override
        void assign(Frame f, Object value) {
            Object c = container.eval(f);
            if (c instanceof ParContainer) {
                f.interp.at(site); // a shared map's or array's item is set under its lock, which may wait
            }
            Sequences.setItem(c, index.eval(f), value);
        }
    }

    /** {@code xs[lo:hi:step] = items}; a missing bound or step is null. */
    static final class SliceItem extends Target {
        private final ExprNode container;
        private final ExprNode[] bounds;

        SliceItem(ExprNode container, ExprNode lo, ExprNode hi, ExprNode step) {
            this.container = container;
            this.bounds = new ExprNode[] {lo, hi, step};
        }

        @Override
        void assign(Frame f, Object value) {
            Object c = container.eval(f);
            Object[] b = new Object[3];
            for (int i = 0; i < 3; i++) {
                b[i] = bounds[i] == null ? Nil.NIL : bounds[i].eval(f);
            }
            Sequences.setSlice(c, b[0], b[1], b[2], value);
        }
    }

    static final class Attribute extends Target {
        private final ExprNode object;
        private final String name;
        private final String site;

        Attribute(ExprNode object, String name, String site) {
            this.object = object;
            this.name = name;
            this.site = site;
        }

        @Override
        void assign(Frame f, Object value) {
            Object o = object.eval(f);
            f.interp.at(site); // a shared value's write goes to the hub, which names where it was
            Methods.setAttribute(o, name, value);
        }
    }

    /** {@code a = b = value}: the one value goes to each target, left to right. */
    static final class Each extends Target {
        private final Target[] targets;

        Each(Target[] targets) {
            this.targets = targets;
        }

        @Override
        void assign(Frame f, Object value) {
            for (Target t : targets) {
                t.assign(f, value);
            }
        }
    }

    /** {@code a, b = value}: the value must be a list (or other sequence) of that length. */
    static final class Unpack extends Target {
        private final Target[] parts;

        Unpack(Target[] parts) {
            this.parts = parts;
        }

        @Override
        void assign(Frame f, Object value) {
            ArrayList<Object> items = new ArrayList<>();
            for (Object item : Sequences.iterate(value)) {
                items.add(item);
            }
            if (items.size() != parts.length) {
                throw new ParError("cannot unpack " + items.size() + (items.size() == 1 ? " value" : " values")
                        + " into " + parts.length + " names");
            }
            for (int i = 0; i < parts.length; i++) {
                parts[i].assign(f, items.get(i));
            }
        }
    }
}
