package par.interp;

/**
 * The nodes of an f-string: one that joins its parts, and one per field that formats a value
 * by its spec as Python's {@code format} does ({@link Format}). A field's errors (a spec that
 * does not fit its value) are placed at the field's expression.
 */
final class FormatNodes {
    private FormatNodes() {
    }

    /** {@code f"..."}: the text of each part, in order. */
    static final class FString extends ExprNode {
        private final ExprNode[] parts;

        FString(int line, ExprNode[] parts) {
            super(line);
            this.parts = parts;
        }

        @Override
        Object eval(Frame f) {
            StringBuilder out = new StringBuilder();
            for (ExprNode part : parts) {
                out.append((String) part.eval(f)); // literal text or a field's: strings both
            }
            return out.toString();
        }
    }

    /** {@code {value!conversion:spec}}: conversion "r", "s" or null, spec null when there is none. */
    static final class Field extends ExprNode {
        private final ExprNode value;
        private final String conversion;
        private final ExprNode spec;

        Field(int line, ExprNode value, String conversion, ExprNode spec) {
            super(line);
            this.value = value;
            this.conversion = conversion;
            this.spec = spec;
        }

        @Override
        Object eval(Frame f) {
            Object v = value.eval(f);
            String s = spec == null ? "" : (String) spec.eval(f);
            try {
                return Format.format(Format.convert(v, conversion), s);
            } catch (ParError e) {
                throw at(e);
            }
        }
    }
}
