package par.interp;

/**
 * Calls of functions and methods, and the reads of a value's parts: attribute, index and
 * slice. A call goes through the interpreter (or straight into a Par function's frame);
 * a method call on a handle first records its place, since it may wait on another process.
 */
final class CallNodes {
    private CallNodes() {
    }

    static final class Call extends ExprNode {
        private final ExprNode callee;
        private final ExprNode[] args;

        Call(int line, ExprNode callee, ExprNode[] args) {
            super(line);
            this.callee = callee;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            try {
                return call(f, callee.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
        }

        private Object call(Frame f, Object fn) {
            if (fn instanceof Function) {
                Function function = (Function) fn;
                FunctionCode code = function.code();
                Object[] slots = code.newSlots(args.length);
                if (slots == null) {
                    throw code.arityError(args.length);
                }
                for (int i = 0; i < args.length; i++) {
                    slots[i] = args[i].eval(f);
                }
                return function.invoke(f.interp, slots);
            }
            return f.interp.call(fn, evalArgs(f, args));
        }
    }

    /**
     * A call with keyword arguments, or one that names the object it makes:
     * {@code lock(name="fork0")}, {@code pool(cluster="lab1:5701")}, or {@code fork = lock()},
     * where the name comes from the assignment. Which function it calls is known only when it
     * runs: a keyword given to one that makes no object is an error, a name from an assignment
     * is dropped.
     */
    static final class NamedCall extends ExprNode {
        private final ExprNode callee;
        private final ExprNode[] args;
        /** The name from an assignment, or null. */
        private final ExprNode assigned;
        /** The keyword arguments written in the call, in order. */
        private final String[] keys;
        private final ExprNode[] values;

        NamedCall(int line, ExprNode callee, ExprNode[] args, ExprNode assigned, String[] keys, ExprNode[] values) {
            super(line);
            this.callee = callee;
            this.args = args;
            this.assigned = assigned;
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            try {
                return call(f, callee.eval(f), evalArgs(f, args));
            } catch (ParError e) {
                throw at(e);
            }
        }

        private Object call(Frame f, Object fn, Object[] args) {
            if (fn instanceof Builtin b && b.makesObjects()) {
                java.util.Map<String, Object> keywords = new java.util.HashMap<>();
                for (int i = 0; i < keys.length; i++) {
                    keywords.put(keys[i], values[i].eval(f));
                }
                if (assigned != null) {
                    keywords.putIfAbsent("name", assigned.eval(f));
                }
                return b.make(f.interp, args, keywords);
            }
            if (keys.length > 0) {
                String what = fn instanceof Callable c ? c.name() + "()" : Values.aType(fn);
                throw new ParError(keys[0].equals("name")
                        ? what + " takes no name=: only lock(), queue() and the other objects Par makes have names"
                        : what + " takes no " + keys[0] + "=: only pool() does");
            }
            return f.interp.call(fn, args);
        }
    }

    /** The name of an object made for a list: the list's name and the place, {@code forks[2]}. */
    static final class ItemName extends ExprNode {
        private final ExprNode list;
        private final ExprNode place;

        ItemName(int line, ExprNode list, ExprNode place) {
            super(line);
            this.list = list;
            this.place = place;
        }

        @Override
        Object eval(Frame f) {
            return list.eval(f) + "[" + place.eval(f) + "]";
        }
    }

    static Object[] evalArgs(Frame f, ExprNode[] args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i].eval(f);
        }
        return values;
    }

    static final class MethodCall extends ExprNode {
        private final ExprNode target;
        private final String name;
        private final ExprNode[] args;
        private final String site;

        MethodCall(int line, ExprNode target, String name, ExprNode[] args, String site) {
            super(line);
            this.target = target;
            this.name = name;
            this.args = args;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object self = target.eval(f);
            Object[] values = evalArgs(f, args);
            if (self instanceof ParObject) {
                f.interp.at(site); // a lock, queue or pool call may wait on another process
            }
            try {
                return Methods.call(f.interp, self, name, values);
            } catch (ParError e) {
                throw at(e);
            }
        }
    }

    // ------------------------------------------------------------ access

    static final class Attribute extends ExprNode {
        private final ExprNode target;
        private final String name;
        private final String site;

        Attribute(int line, ExprNode target, String name, String site) {
            super(line);
            this.target = target;
            this.name = name;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object o = target.eval(f);
            f.interp.at(site); // a shared value's read goes to the hub, which names where it was
            try {
                return Methods.getAttribute(o, name);
            } catch (ParError e) {
                throw at(e);
            }
        }
    }

    static final class Index extends ExprNode {
        private final ExprNode target;
        private final ExprNode index;

        Index(int line, ExprNode target, ExprNode index) {
            super(line);
            this.target = target;
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            try {
                return Sequences.getItem(target.eval(f), index.eval(f));
            } catch (ParError e) {
                throw at(e);
            }
        }
    }

    static final class Slice extends ExprNode {
        private final ExprNode target;
        private final ExprNode lo;
        private final ExprNode hi;
        private final ExprNode step;

        Slice(int line, ExprNode target, ExprNode lo, ExprNode hi, ExprNode step) {
            super(line);
            this.target = target;
            this.lo = lo;
            this.hi = hi;
            this.step = step;
        }

        @Override
        Object eval(Frame f) {
            try {
                return Sequences.slice(target.eval(f), optional(f, lo), optional(f, hi), optional(f, step));
            } catch (ParError e) {
                throw at(e);
            }
        }

        private static Object optional(Frame f, ExprNode e) {
            return e == null ? Nil.NIL : e.eval(f);
        }
    }
}
