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
     * A call with keyword arguments: a name for the object it makes, {@code lock(name="fork0")}
     * (explicit), or {@code fork = lock()}, where the name comes from the assignment; and the
     * options builtins take by keyword ({@code pipe(duplex=false)}). Which function it calls is
     * known only when it runs: a name given for one that makes no object is an error, a name
     * from an assignment is dropped, and a keyword the function does not take is an error.
     */
    static final class NamedCall extends ExprNode {
        private final ExprNode callee;
        private final ExprNode[] args;
        /** Null when the call names nothing (it has keywords only). */
        private final ExprNode name;
        private final boolean explicit;
        /** Null for none. */
        private final Keywords keywords;

        NamedCall(int line, ExprNode callee, ExprNode[] args, ExprNode name, boolean explicit, Keywords keywords) {
            super(line);
            this.callee = callee;
            this.args = args;
            this.name = name;
            this.explicit = explicit;
            this.keywords = keywords;
        }

        @Override
        Object eval(Frame f) {
            try {
                Object fn = callee.eval(f);
                Object[] values = evalArgs(f, args);
                if (keywords != null) {
                    values = keywords.place(f, fn instanceof Callable c ? c.name() + "()" : Values.aType(fn),
                            fn instanceof Builtin b ? b.parameters() : null, values);
                }
                return call(f, fn, values);
            } catch (ParError e) {
                throw at(e);
            }
        }

        private Object call(Frame f, Object fn, Object[] values) {
            if (fn instanceof Builtin b && b.makesObjects()) {
                Object n = name == null ? null : name.eval(f);
                if (n != null && !(n instanceof String)) {
                    throw new ParError("name= needs a string, not " + Values.aType(n));
                }
                return b.make(f.interp, values, (String) n);
            }
            if (explicit) {
                throw new ParError((fn instanceof Callable c ? c.name() + "()" : Values.aType(fn))
                        + " takes no name=: only lock(), queue() and the other objects Par makes have names");
            }
            return f.interp.call(fn, values);
        }
    }

    /**
     * A call's keyword arguments other than name=. Each builtin or method that takes keywords
     * names its parameters in order, and a keyword fills its parameter's place among the
     * positional arguments (those it skips are nil), as in Python; the call then goes on as a
     * positional one, so a builtin reads {@code pool(4, maxtasksperchild=2)} as {@code pool(4, 2)}.
     */
    static final class Keywords {
        static final Keywords NONE = new Keywords(new String[0], new ExprNode[0]);
        private final String[] names;
        private final ExprNode[] values;

        private Keywords(String[] names, ExprNode[] values) {
            this.names = names;
            this.values = values;
        }

        Keywords with(String name, ExprNode value) {
            String[] n = java.util.Arrays.copyOf(names, names.length + 1);
            ExprNode[] v = java.util.Arrays.copyOf(values, values.length + 1);
            n[names.length] = name;
            v[values.length] = value;
            return new Keywords(n, v);
        }

        /** The arguments with the keywords in their places. what: the call, for errors; params: null if it takes none. */
        Object[] place(Frame f, String what, java.util.List<String> params, Object[] positional) {
            int size = positional.length;
            int[] at = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                at[i] = params == null ? -1 : params.indexOf(names[i]);
                if (at[i] < 0) {
                    throw new ParError(what + " takes no keyword argument '" + names[i] + "'"
                            + (params == null || params.isEmpty() ? "" : " (it takes " + String.join(", ", params) + ")"));
                }
                if (at[i] < positional.length) {
                    throw new ParError(what + " was given " + names[i] + "= and a positional argument in its place");
                }
                size = Math.max(size, at[i] + 1);
            }
            Object[] all = new Object[size];
            java.util.Arrays.fill(all, Nil.NIL);
            System.arraycopy(positional, 0, all, 0, positional.length);
            for (int i = 0; i < names.length; i++) {
                all[at[i]] = values[i].eval(f);
            }
            return all;
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

    /** The arguments of every call that has none: an empty array has nothing anybody could change. */
    private static final Object[] NO_ARGS = new Object[0];

    static Object[] evalArgs(Frame f, ExprNode[] args) {
        if (args.length == 0) {
            return NO_ARGS; // l.acquire() in a loop allocated one per call: a third of what the loop made
        }
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
        /** Null for none. */
        private final Keywords keywords;
        private final String site;

        MethodCall(int line, ExprNode target, String name, ExprNode[] args, Keywords keywords, String site) {
            super(line);
            this.target = target;
            this.name = name;
            this.args = args;
            this.keywords = keywords;
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
                if (keywords != null) {
                    String what = (self instanceof ParObject o ? o.typeName() : Values.typeName(self)) + "." + name + "()";
                    values = keywords.place(f, what, self instanceof ParObject o ? o.parameters(name) : null, values);
                }
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
        private final String site;

        Index(int line, ExprNode target, ExprNode index, String site) {
            super(line);
            this.target = target;
            this.index = index;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            try {
                Object t = target.eval(f);
                if (t instanceof ParContainer) {
                    f.interp.at(site); // a shared item is read through the hub, which names where
                }
                return Sequences.getItem(t, index.eval(f));
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
