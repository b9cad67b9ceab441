package par.syntax;

/**
 * A located compile-time error: bad syntax, or a statement in the wrong place. Thrown by the
 * parser, the AST builder and the resolver; printed by {@link par.interp.ErrorPrinter}.
 */
public final class SyntaxError extends RuntimeException {
    private final String file;
    private final Pos pos;
    private final boolean atEndOfInput;

    public SyntaxError(String file, Pos pos, String message) {
        this(file, pos, message, false);
    }

    /** atEndOfInput: the input stopped early (the REPL reads another line instead). */
    public SyntaxError(String file, Pos pos, String message, boolean atEndOfInput) {
        super(message, null, false, false);
        this.file = file;
        this.pos = pos;
        this.atEndOfInput = atEndOfInput;
    }

    public String file() {
        return file;
    }

    public Pos pos() {
        return pos;
    }

    public boolean atEndOfInput() {
        return atEndOfInput;
    }
}
