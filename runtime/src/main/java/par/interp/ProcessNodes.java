package par.interp;

/**
 * {@code spawn} and {@code join}: start a process and wait for one's value, through
 * {@link Interpreter#processes()} (the hub in the root, the channel to it in a child). Each
 * first records where it stands in the program, so that a wait can be reported with its place.
 */
final class ProcessNodes {
    private ProcessNodes() {
    }

    static final class Spawn extends ExprNode {
        private final ExprNode callee;
        private final ExprNode[] args;
        private final ExprNode alias;
        private final String site;

        Spawn(int line, ExprNode callee, ExprNode[] args, ExprNode alias, String site) {
            super(line);
            this.callee = callee;
            this.args = args;
            this.alias = alias;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object fn = callee.eval(f);
            Object[] values = CallNodes.evalArgs(f, args);
            Object name = alias == null ? Nil.NIL : alias.eval(f);
            try {
                return f.interp.processes().spawn(fn, values, name, site);
            } catch (ParError e) {
                throw at(e);
            }
        }
    }

    static final class Join extends ExprNode {
        private final ExprNode process;
        private final String site;

        Join(int line, ExprNode process, String site) {
            super(line);
            this.process = process;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object p = process.eval(f);
            try {
                return f.interp.processes().join(p, site);
            } catch (ParError e) {
                throw at(e);
            }
        }
    }
}
