package par.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import par.interp.Builtins;
import par.interp.Globals;
import par.interp.Repr;
import par.interp.Values;
import par.repl.ReplCompleter;
import par.repl.ReplParser;
import par.syntax.SourceParser;
import par.syntax.SourceTokens;
import par.syntax.SyntaxError;

/**
 * What a notebook asks about code before running it: completions (the REPL's own), what a
 * name is (inspect), and whether input is complete (the REPL's parser decides, as it does for
 * the continuation prompt). Positions are in Unicode code points, as the protocol counts them.
 */
final class Introspection {
    private final Globals globals;

    Introspection(Globals globals) {
        this.globals = globals;
    }

    JsonObject complete(JsonObject request) {
        String code = request.get("code").getAsString();
        int cursor = charIndex(code, request.get("cursor_pos").getAsInt());
        int start = wordStart(code, cursor);
        String word = code.substring(start, cursor);
        JsonArray matches = new JsonArray();
        ReplCompleter.matching(globals, word, code.substring(0, start).isBlank()).forEach(matches::add);
        JsonObject reply = ok();
        reply.add("matches", matches);
        reply.addProperty("cursor_start", code.codePointCount(0, start));
        reply.addProperty("cursor_end", code.codePointCount(0, cursor));
        reply.add("metadata", new JsonObject());
        return reply;
    }

    JsonObject inspect(JsonObject request) {
        String code = request.get("code").getAsString();
        int cursor = charIndex(code, request.get("cursor_pos").getAsInt());
        int end = cursor;
        while (end < code.length() && name(code.charAt(end))) {
            end++;
        }
        String word = code.substring(wordStart(code, cursor), end);
        String about = describe(word.startsWith(".") ? word.substring(1) : word);
        JsonObject reply = ok();
        reply.addProperty("found", about != null);
        JsonObject data = new JsonObject();
        if (about != null) {
            data.addProperty("text/plain", about);
        }
        reply.add("data", data);
        reply.add("metadata", new JsonObject());
        return reply;
    }

    /** A global's type and value, or what kind of word it is; null for a word Par does not know. */
    private String describe(String word) {
        Object value = word.isEmpty() ? null : globals.get(word);
        if (value != null) {
            return word + ": " + Values.typeName(value) + " = " + Repr.repr(value);
        }
        if (Builtins.names().contains(word)) {
            return word + ": a builtin function";
        }
        if (SourceTokens.KEYWORDS.contains(word)) {
            return word + ": a keyword";
        }
        return null;
    }

    JsonObject isComplete(JsonObject request) {
        String code = request.get("code").getAsString();
        JsonObject reply = new JsonObject();
        if (ReplParser.unfinished(code) != null) {
            reply.addProperty("status", "incomplete");
            reply.addProperty("indent", "");
            return reply;
        }
        reply.addProperty("status", valid(code) ? "complete" : "invalid");
        return reply;
    }

    private static boolean valid(String code) {
        if (code.strip().startsWith(":") || code.strip().startsWith("%")) {
            return true;
        }
        try {
            SourceParser.parse(code, "<cell>");
            return true;
        } catch (SyntaxError e) {
            return false;
        }
    }

    /** Where the word before the cursor starts: names, dots between them, a leading : or %. */
    private static int wordStart(String code, int cursor) {
        int start = cursor;
        while (start > 0 && (name(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        if (start > 0 && code.charAt(start - 1) == ':') {
            start--;
        }
        return start;
    }

    private static boolean name(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int charIndex(String code, int codePoints) {
        return code.offsetByCodePoints(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    }

    private static JsonObject ok() {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        return reply;
    }
}
