package par.syntax;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.Token;

/**
 * Takes an f-string token apart as Python does: literal text (with {@code {{} and {@code }}}
 * for braces, and the usual escapes) and fields {@code {expression!conversion:spec}}, whose
 * spec may hold fields of its own ({@code {x:>{width}}}). Each expression is parsed by the
 * real parser from text laid out at its place in the file, so its nodes, and any syntax
 * error in it, carry the line and column where it is written.
 */
final class FStrings {
    private final String file;
    private final Token token;
    private final String body;
    /** Where body starts in the token's text: past the f and the quotes. */
    private final int offset;

    FStrings(String file, Token token) {
        this.file = file;
        this.token = token;
        String text = token.getText();
        int quotes = text.startsWith("\"\"\"", 1) || text.startsWith("'''", 1) ? 3 : 1;
        this.offset = 1 + quotes;
        this.body = text.substring(offset, text.length() - quotes);
    }

    Expr parse() {
        Pos pos = new Pos(token.getLine(), token.getCharPositionInLine() + 1);
        return new Expr.FString(pos, parts(0, body.length()));
    }

    /** The literal texts and fields of body[from, to). */
    private List<Expr> parts(int from, int to) {
        List<Expr> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = body.charAt(i);
            boolean doubled = i + 1 < to && body.charAt(i + 1) == c;
            if (c == '{' && !doubled) {
                flush(literal, parts, i);
                i = field(i, to, parts);
            } else if (c == '}' && !doubled) {
                throw error(i, "a single '}' is not allowed in an f-string (write '}}' for a brace)");
            } else {
                int n = c == '{' || c == '}' || c == '\\' && i + 1 < to ? 2 : 1; // {{, }}, or an escape kept whole
                literal.append(c == '{' || c == '}' ? String.valueOf(c) : body.substring(i, i + n));
                i += n;
            }
        }
        flush(literal, parts, to);
        return parts;
    }

    private void flush(StringBuilder literal, List<Expr> parts, int at) {
        if (literal.length() > 0) {
            try {
                parts.add(new Expr.Literal(at(at - literal.length()), Literals.unescape(literal.toString())));
            } catch (IllegalArgumentException e) {
                throw error(at - literal.length(), e.getMessage());
            }
            literal.setLength(0);
        }
    }

    /** The field that starts with the '{' at open; gives the index just past its '}'. */
    private int field(int open, int to, List<Expr> parts) {
        int end = expressionEnd(open + 1, to);
        String text = body.substring(open + 1, end);
        if (text.isBlank()) {
            throw error(open, "an f-string field needs an expression between its braces");
        }
        Expr value = expression(open + 1, text);
        String conversion = null;
        if (body.charAt(end) == '!') {
            conversion = end + 1 < to ? String.valueOf(body.charAt(end + 1)) : "";
            if (!conversion.equals("r") && !conversion.equals("s")) {
                throw error(end, "an f-string conversion is !r or !s");
            }
            end += 2;
        }
        Expr spec = null;
        if (end < to && body.charAt(end) == ':') {
            int close = specEnd(end + 1, to);
            spec = new Expr.FString(at(end + 1), parts(end + 1, close));
            end = close;
        }
        if (end >= to || body.charAt(end) != '}') {
            throw error(open, "expected '}' to close this f-string field");
        }
        parts.add(new Expr.FormatField(value.pos(), value, conversion, spec));
        return end + 1;
    }

    /** Where a field's expression ends: at a '}', '!' or ':' outside brackets and quotes. */
    private int expressionEnd(int i, int to) {
        int depth = 0;
        char quote = 0;
        for (; i < to; i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (depth > 0 && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (depth == 0 && (c == '}' || c == ':' || c == '!' && (i + 1 >= to || body.charAt(i + 1) != '='))) {
                return i;
            }
        }
        throw error(i - 1, "expected '}' to close this f-string field");
    }

    /** Where a spec ends: at the '}' that closes its field, past the fields nested in it. */
    private int specEnd(int i, int to) {
        int depth = 0;
        for (; i < to; i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth-- == 0) {
                return i;
            }
        }
        return to;
    }

    /**
     * The expression text found at body[start], parsed where it stands: the parser reads it
     * in parentheses after as many newlines and spaces as put it at its own line and column.
     */
    private Expr expression(int start, String text) {
        Pos at = at(start);
        String laidOut = "\n".repeat(at.line() - 1) + " ".repeat(at.col() - 2) + "(" + text + ")";
        List<Stmt> stmts;
        try {
            stmts = SourceParser.parse(laidOut, file).body();
        } catch (SyntaxError e) {
            throw atTheBrace(e, at(start + text.length()));
        }
        if (stmts.size() != 1 || !(stmts.get(0) instanceof Stmt.ExprStmt)) {
            throw new SyntaxError(file, at, "an f-string field holds one expression");
        }
        return ((Stmt.ExprStmt) stmts.get(0)).expr();
    }

    /**
     * A syntax error the parser found at the parenthesis it was given after the field, told
     * as what the user wrote there: the field's closing brace.
     */
    private static SyntaxError atTheBrace(SyntaxError e, Pos close) {
        if (e.pos().line() != close.line() || e.pos().col() != close.col()) {
            return e;
        }
        return new SyntaxError(e.file(), e.pos(), e.getMessage().replace("found ')'", "found '}'"));
    }

    /** The line and column of body[i] in the file. */
    private Pos at(int i) {
        int line = token.getLine();
        int col = token.getCharPositionInLine() + 1 + offset;
        for (int k = 0; k < i; k++) {
            if (body.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Pos(line, col);
    }

    private SyntaxError error(int i, String message) {
        return new SyntaxError(file, at(i), message);
    }
}
