package par.interp;

import java.util.ArrayList;

/** The statement nodes: one small class per kind, each executing itself. */
final class StmtNodes {
    private StmtNodes() {
    }

    /**
     * A run of statements. It is also where a runtime error learns its line: the innermost
     * block an error leaves records the line of the statement that raised it.
     */
    static final class Block extends StmtNode {
        private final StmtNode[] body;

        Block(int line, StmtNode[] body) {
            super(line);
            this.body = body;
        }

        @Override
        Object exec(Frame f) {
            int i = 0;
            try {
                for (; i < body.length; i++) {
                    Object signal = body[i].exec(f);
                    if (signal != null) {
                        return signal;
                    }
                }
                return null;
            } catch (ParError e) {
                e.placeAt(body[i].pos);
                throw e;
            } catch (ExitRequest e) {
                throw e;
            } catch (RuntimeException e) {
                // a slip of the runtime's own: still a located Par error, never a Java trace
                throw located(new ParError("internal error: " + e), i);
            } catch (OutOfMemoryError e) {
                // what failed to fit is garbage now: there is room for a Par error, located
                throw located(new ParError(ParError.OUT_OF_MEMORY), i);
            }
        }

        private ParError located(ParError error, int statement) {
            error.placeAt(body[statement].pos);
            return error;
        }
    }

    /** {@code del a, xs[i], xs[i:j]}: each part is a node that removes one thing, left to right. */
    static final class Del extends StmtNode {
        private final ExprNode[] parts;

        Del(int line, ExprNode[] parts) {
            super(line);
            this.parts = parts;
        }

        @Override
        Object exec(Frame f) {
            for (ExprNode part : parts) {
                part.eval(f);
            }
            return null;
        }
    }

    /**
     * {@code del name}: reads it first (a name not bound is the error it is when read), then
     * leaves it unbound; {@code del xs[i:j]} assigns nothing (null) to its slice.
     */
    static final class Unbind extends ExprNode {
        private final ExprNode read;
        private final Target target;

        Unbind(int line, ExprNode read, Target target) {
            super(line);
            this.read = read;
            this.target = target;
        }

        @Override
        Object eval(Frame f) {
            if (read != null) {
                read.eval(f);
            }
            try {
                target.assign(f, null);
            } catch (ParError e) {
                throw at(e);
            }
            return Nil.NIL;
        }
    }

    /** {@code del xs[i]} or {@code del m[k]}. */
    static final class DeleteItem extends ExprNode {
        private final ExprNode container;
        private final ExprNode index;

        DeleteItem(int line, ExprNode container, ExprNode index) {
            super(line);
            this.container = container;
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            Object c = container.eval(f);
            Object i = index.eval(f);
            try {
                Sequences.deleteItem(c, i);
            } catch (ParError e) {
                throw at(e);
            }
            return Nil.NIL;
        }
    }

    static final class ExprStmt extends StmtNode {
        private final ExprNode expr;

        ExprStmt(int line, ExprNode expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        Object exec(Frame f) {
            expr.eval(f);
            return null;
        }
    }

    /** A top-level expression typed at the REPL: its value is echoed, as Python's REPL does. */
    static final class EchoStmt extends StmtNode {
        private final ExprNode expr;

        EchoStmt(int line, ExprNode expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        Object exec(Frame f) {
            Object v = expr.eval(f);
            if (v != Nil.NIL) {
                f.interp.echo(Repr.repr(v));
            }
            return null;
        }
    }

    static final class Assign extends StmtNode {
        private final Target target;
        private final ExprNode value;

        Assign(int line, Target target, ExprNode value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            target.assign(f, value.eval(f));
            return null;
        }
    }

    static final class LocalAssign extends StmtNode {
        private final int slot;
        private final ExprNode value;

        LocalAssign(int line, int slot, ExprNode value) {
            super(line);
            this.slot = slot;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            f.slots[slot] = value.eval(f);
            return null;
        }
    }

    /** {@code a[i] op= value}: the container and index are evaluated once. */
    static final class AugItem extends StmtNode {
        private final ExprNode container;
        private final ExprNode index;
        private final String op;
        private final ExprNode value;

        AugItem(int line, ExprNode container, ExprNode index, String op, ExprNode value) {
            super(line);
            this.container = container;
            this.index = index;
            this.op = op;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            Object c = container.eval(f);
            Object i = index.eval(f);
            Object current = Sequences.getItem(c, i);
            Sequences.setItem(c, i, Ops.inPlace(op, current, value.eval(f)));
            return null;
        }
    }

    /** {@code x.attr op= value}: the object is evaluated once. */
    static final class AugAttribute extends StmtNode {
        private final ExprNode object;
        private final String name;
        private final String op;
        private final ExprNode value;

        AugAttribute(int line, ExprNode object, String name, String op, ExprNode value) {
            super(line);
            this.object = object;
            this.name = name;
            this.op = op;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            Object o = object.eval(f);
            Object current = Methods.getAttribute(o, name);
            Methods.setAttribute(o, name, Ops.inPlace(op, current, value.eval(f)));
            return null;
        }
    }

    static final class If extends StmtNode {
        private final ExprNode[] conds;
        private final StmtNode[] blocks;
        private final StmtNode orelse;

        If(int line, ExprNode[] conds, StmtNode[] blocks, StmtNode orelse) {
            super(line);
            this.conds = conds;
            this.blocks = blocks;
            this.orelse = orelse;
        }

        @Override
        Object exec(Frame f) {
            for (int i = 0; i < conds.length; i++) {
                if (conds[i].test(f)) {
                    return blocks[i].exec(f);
                }
            }
            return orelse == null ? null : orelse.exec(f);
        }
    }

    static final class While extends StmtNode {
        private final ExprNode cond;
        private final StmtNode body;

        While(int line, ExprNode cond, StmtNode body) {
            super(line);
            this.cond = cond;
            this.body = body;
        }

        @Override
        Object exec(Frame f) {
            Interpreter interp = f.interp;
            while (cond.test(f)) {
                interp.checkInterrupt();
                Object signal = body.exec(f);
                if (signal != null) {
                    if (signal == BREAK) {
                        break;
                    }
                    if (signal != CONTINUE) {
                        return signal; // a returned value
                    }
                }
            }
            return null;
        }
    }

    static final class For extends StmtNode {
        private final Target target;
        private final ExprNode iter;
        private final StmtNode body;

        For(int line, Target target, ExprNode iter, StmtNode body) {
            super(line);
            this.target = target;
            this.iter = iter;
            this.body = body;
        }

        @Override
        Object exec(Frame f) {
            Object source = iter.eval(f);
            if (source instanceof Range) {
                return overRange(f, (Range) source);
            }
            if (source instanceof ParList) {
                return overList(f, (ParList) source);
            }
            for (Object item : Sequences.iterate(source)) {
                f.interp.checkInterrupt();
                target.assign(f, item);
                Object signal = body.exec(f);
                if (signal != null && signal != CONTINUE) {
                    return signal == BREAK ? null : signal;
                }
            }
            return null;
        }

        private Object overRange(Frame f, Range r) {
            long n = r.length();
            Interpreter interp = f.interp;
            for (long i = 0; i < n; i++) {
                interp.checkInterrupt();
                target.assign(f, r.at(i));
                Object signal = body.exec(f);
                if (signal != null && signal != CONTINUE) {
                    return signal == BREAK ? null : signal;
                }
            }
            return null;
        }

        /** By index, so a list that grows while it is walked is walked to its new end, as in Python. */
        private Object overList(Frame f, ParList list) {
            ArrayList<Object> items = list.items;
            Interpreter interp = f.interp;
            for (int i = 0; i < items.size(); i++) {
                interp.checkInterrupt();
                target.assign(f, items.get(i));
                Object signal = body.exec(f);
                if (signal != null && signal != CONTINUE) {
                    return signal == BREAK ? null : signal;
                }
            }
            return null;
        }
    }

    /** {@code def}: makes a function value, capturing the cells it shares with its encloser. */
    static final class Def extends StmtNode {
        private final MakeFunction make;
        private final Target target;

        Def(int line, MakeFunction make, Target target) {
            super(line);
            this.make = make;
            this.target = target;
        }

        @Override
        Object exec(Frame f) {
            target.assign(f, make.eval(f));
            return null;
        }
    }

    /** A new function from its code and the cells it captures here: what a def assigns and a lambda gives. */
    static final class MakeFunction extends ExprNode {
        private final FunctionCode code;
        private final CellSource[] captures;

        MakeFunction(int line, FunctionCode code, CellSource[] captures) {
            super(line);
            this.code = code;
            this.captures = captures;
        }

        @Override
        Object eval(Frame f) {
            Cell[] cells = new Cell[captures.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = captures[i].cell(f);
            }
            return new Function(code, cells);
        }
    }

    /** Where a new function finds a captured cell: in a local slot, or among the encloser's own captures. */
    record CellSource(boolean fromLocalSlot, int index) {
        Cell cell(Frame f) {
            return fromLocalSlot ? (Cell) f.slots[index] : f.captured[index];
        }
    }

    static final class Return extends StmtNode {
        private final ExprNode value;

        Return(int line, ExprNode value) {
            super(line);
            this.value = value;
        }

        /** The returned value is the signal itself; null would mean "go on", so it is never that. */
        @Override
        Object exec(Frame f) {
            Object v = value == null ? null : value.eval(f);
            return v != null ? v : Nil.NIL;
        }
    }

    static final class Break extends StmtNode {
        Break(int line) {
            super(line);
        }

        @Override
        Object exec(Frame f) {
            return BREAK;
        }
    }

    static final class Continue extends StmtNode {
        Continue(int line) {
            super(line);
        }

        @Override
        Object exec(Frame f) {
            return CONTINUE;
        }
    }

    static final class Try extends StmtNode {
        private final StmtNode body;
        private final Target catchTarget;
        private final StmtNode handler;
        private final StmtNode cleanup;

        Try(int line, StmtNode body, Target catchTarget, StmtNode handler, StmtNode cleanup) {
            super(line);
            this.body = body;
            this.catchTarget = catchTarget;
            this.handler = handler;
            this.cleanup = cleanup;
        }

        @Override
        Object exec(Frame f) {
            Object signal;
            try {
                signal = body.exec(f);
            } catch (ParError e) {
                if (handler == null) {
                    throw e;
                }
                if (catchTarget != null) {
                    catchTarget.assign(f, e.value());
                }
                signal = handler.exec(f);
            } finally {
                if (cleanup != null) {
                    Object after = cleanup.exec(f);
                    if (after != null) {
                        return after;
                    }
                }
            }
            return signal;
        }
    }

    static final class Raise extends StmtNode {
        private final ExprNode value;

        Raise(int line, ExprNode value) {
            super(line);
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            throw new ParError(value.eval(f));
        }
    }

    /**
     * A failed assert is a runtime error at its line, "assertion failed", with the message's
     * text after a colon when one is given; the message is evaluated only when the check fails,
     * as in Python.
     */
    static final class Assert extends StmtNode {
        private final ExprNode cond;
        private final ExprNode message;

        Assert(int line, ExprNode cond, ExprNode message) {
            super(line);
            this.cond = cond;
            this.message = message;
        }

        @Override
        Object exec(Frame f) {
            if (!Values.truthy(cond.eval(f))) {
                throw new ParError(message == null ? "assertion failed"
                        : "assertion failed: " + Repr.str(message.eval(f)));
            }
            return null;
        }
    }

    static final class With extends StmtNode {
        private final ExprNode subject;
        private final Target target;
        private final StmtNode body;
        private final String site;

        With(int line, ExprNode subject, Target target, StmtNode body, String site) {
            super(line);
            this.subject = subject;
            this.target = target;
            this.body = body;
            this.site = site;
        }

        @Override
        Object exec(Frame f) {
            Object v = subject.eval(f);
            if (!(v instanceof ContextManager)) {
                throw new ParError("cannot use " + Values.aType(v)
                        + " in a with statement (locks, shared values and pools can be)");
            }
            ContextManager manager = (ContextManager) v;
            f.interp.at(site);
            Object entered = manager.enter(f.interp);
            if (target != null) {
                target.assign(f, entered);
            }
            boolean failed = true;
            try {
                Object signal = body.exec(f);
                failed = false;
                return signal;
            } finally {
                manager.exit(f.interp, failed);
            }
        }
    }
}
