package par.interp;

/**
 * List and map literals and list comprehensions: the nodes that build a new {@link ParList}
 * or {@link ParMap}. A comprehension's variables live in frame slots the resolver set aside
 * for it.
 */
final class CollectionNodes {
    private CollectionNodes() {
    }

    static final class ListLiteral extends ExprNode {
        private final ExprNode[] items;

        ListLiteral(int line, ExprNode[] items) {
            super(line);
            this.items = items;
        }

        @Override
        Object eval(Frame f) {
            ParList list = new ParList(items.length);
            for (ExprNode item : items) {
                list.add(item.eval(f));
            }
            return list;
        }
    }

    static final class MapLiteral extends ExprNode {
        private final ExprNode[] keys;
        private final ExprNode[] values;

        MapLiteral(int line, ExprNode[] keys, ExprNode[] values) {
            super(line);
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            ParMap map = new ParMap();
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].eval(f);
                Object v = values[i].eval(f);
                try {
                    map.put(k, v);
                } catch (ParError e) {
                    throw at(e);
                }
            }
            return map;
        }
    }

    /** One {@code for ... in ... if ...} clause of a comprehension, resolved. */
    static final class Clause {
        final Target target;
        final ExprNode iter;
        final ExprNode[] conds;

        Clause(Target target, ExprNode iter, ExprNode[] conds) {
            this.target = target;
            this.iter = iter;
            this.conds = conds;
        }
    }

    static final class ListComp extends ExprNode {
        private final ExprNode element;
        private final Clause[] clauses;
        /** The slot that holds the item's place while the element is made (for names), or -1. */
        private final int place;

        ListComp(int line, ExprNode element, Clause[] clauses, int place) {
            super(line);
            this.element = element;
            this.clauses = clauses;
            this.place = place;
        }

        @Override
        Object eval(Frame f) {
            ParList out = new ParList();
            try {
                fill(f, 0, out);
            } catch (ParError e) {
                throw at(e);
            }
            return out;
        }

        private void fill(Frame f, int depth, ParList out) {
            Clause clause = clauses[depth];
            for (Object item : Sequences.iterate(clause.iter.eval(f))) {
                clause.target.assign(f, item);
                if (passes(f, clause.conds)) {
                    if (depth + 1 == clauses.length) {
                        if (place >= 0) {
                            f.slots[place] = (long) out.size();
                        }
                        out.add(element.eval(f));
                    } else {
                        fill(f, depth + 1, out);
                    }
                }
            }
        }

        private static boolean passes(Frame f, ExprNode[] conds) {
            for (ExprNode cond : conds) {
                if (!cond.test(f)) {
                    return false;
                }
            }
            return true;
        }
    }
}
