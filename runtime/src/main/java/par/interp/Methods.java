package par.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Method calls and attributes on values: the string, list and map methods Python users know,
 * and, for values of their own type ({@link ParObject}), whatever that type offers.
 */
public final class Methods {
    public static final List<String> STRING_METHODS = List.of("split", "join", "strip", "lstrip", "rstrip",
            "upper", "lower", "replace", "startswith", "endswith", "find", "count", "index", "isdigit",
            "isalpha", "isspace", "capitalize", "title", "swapcase", "center", "ljust", "rjust", "zfill", "rfind",
            "rindex", "format");
    public static final List<String> LIST_METHODS = List.of("append", "pop", "insert", "index", "remove",
            "extend", "reverse", "sort", "count", "copy", "clear");
    public static final List<String> MAP_METHODS = List.of("keys", "values", "items", "get", "pop", "copy",
            "clear", "update");

    private Methods() {
    }

    public static Object call(Interpreter interp, Object self, String name, Object[] args) {
        if (self instanceof String) {
            return string(interp, (String) self, name, args);
        }
        if (self instanceof ParList) {
            return list(interp, (ParList) self, name, args);
        }
        if (self instanceof ParMap) {
            return map((ParMap) self, name, args);
        }
        if (self instanceof ParObject) {
            return ((ParObject) self).callMethod(interp, name, args);
        }
        throw noMethod(self, name);
    }

    private static ParError noMethod(Object self, String name) {
        return new ParError(Values.aType(self) + " has no method '" + name + "'"
                + Suggestions.didYouMean(name, methodNames(self)));
    }

    public static Object getAttribute(Object self, String name) {
        if (self instanceof ParObject) {
            return ((ParObject) self).getAttribute(name);
        }
        if (methodNames(self).contains(name)) {
            return new BoundMethod(self, name);
        }
        throw new ParError(Values.aType(self) + " has no attribute '" + name + "'"
                + Suggestions.didYouMean(name, methodNames(self)));
    }

    public static void setAttribute(Object self, String name, Object value) {
        if (self instanceof ParObject) {
            ((ParObject) self).setAttribute(name, value);
            return;
        }
        throw new ParError("cannot set attribute '" + name + "' of " + Values.aType(self));
    }

    /** The method names a value answers to (a handle's attributes too), for completion and bound methods. */
    public static List<String> methodNames(Object self) {
        if (self instanceof ParObject) {
            return ((ParObject) self).memberNames();
        }
        if (self instanceof String) {
            return STRING_METHODS;
        }
        if (self instanceof ParList) {
            return LIST_METHODS;
        }
        if (self instanceof ParMap) {
            return MAP_METHODS;
        }
        return List.of();
    }

    // ------------------------------------------------------------ strings

    private static Object string(Interpreter interp, String s, String name, Object[] a) {
        switch (name) {
            case "split":
                arity(name, a, 0, 2);
                return split(s, a.length == 0 || a[0] == Nil.NIL ? null : text(name, a[0]),
                        a.length > 1 ? Values.toLong(a[1], "split() maxsplit") : -1);
            case "join":
                arity(name, a, 1, 1);
                return join(s, a[0]);
            case "strip":
                arity(name, a, 0, 1);
                return strip(s, chars(name, a), true, true);
            case "lstrip":
                arity(name, a, 0, 1);
                return strip(s, chars(name, a), true, false);
            case "rstrip":
                arity(name, a, 0, 1);
                return strip(s, chars(name, a), false, true);
            case "upper":
                arity(name, a, 0, 0);
                return Text.upper(s);
            case "lower":
                arity(name, a, 0, 0);
                return Text.lower(s);
            case "swapcase":
                arity(name, a, 0, 0);
                return Text.swapcase(s);
            case "replace":
                arity(name, a, 2, 3);
                return replace(s, text(name, a[0]), text(name, a[1]),
                        a.length > 2 ? Values.toLong(a[2], "replace() count") : -1);
            case "startswith":
            case "endswith": {
                arity(name, a, 1, 3);
                String part = window(s, a);
                String affix = text(name, a[0]);
                return part != null && (name.equals("startswith") ? part.startsWith(affix) : part.endsWith(affix));
            }
            case "find":
            case "rfind":
                arity(name, a, 1, 3);
                return (long) find(s, name, a);
            case "index":
            case "rindex": {
                arity(name, a, 1, 3);
                int i = find(s, name, a);
                if (i < 0) {
                    throw new ParError("substring " + Repr.repr(a[0]) + " not found");
                }
                return (long) i;
            }
            case "count": {
                arity(name, a, 1, 3);
                String part = window(s, a);
                return part == null ? 0L : countOccurrences(part, text(name, a[0]));
            }
            case "isdigit":
                arity(name, a, 0, 0);
                return Text.all(s, Text.Kind.DIGIT);
            case "isalpha":
                arity(name, a, 0, 0);
                return Text.all(s, Text.Kind.ALPHA);
            case "isspace":
                arity(name, a, 0, 0);
                return Text.all(s, Text.Kind.SPACE);
            case "capitalize":
                arity(name, a, 0, 0);
                return Text.capitalize(s);
            case "title":
                arity(name, a, 0, 0);
                return Text.title(s);
            case "center":
            case "ljust":
            case "rjust":
                arity(name, a, 1, 2);
                return justify(s, name, width(name, a[0]), a.length > 1 ? fillChar(a[1]) : ' ');
            case "format":
                return Format.template(s, a);
            case "zfill":
                arity(name, a, 1, 1);
                return Text.zfill(s, width(name, a[0]));
            default:
                throw noMethod(s, name);
        }
    }

    private static void arity(String name, Object[] args, int min, int max) {
        Builtin.checkArity(name, args, min, max);
    }

    private static String text(String method, Object v) {
        if (!(v instanceof String)) {
            throw new ParError(method + "() needs a string, not " + Values.aType(v));
        }
        return (String) v;
    }

    private static String chars(String method, Object[] a) {
        return a.length == 0 || a[0] == Nil.NIL ? null : text(method, a[0]);
    }

    /** A width for center, ljust, rjust and zfill: one past what a string can hold means no padding needed anyway. */
    private static int width(String method, Object v) {
        long w = Values.toLong(v, method + "() width");
        if (w > Integer.MAX_VALUE - 16) {
            throw new ParError("result is too large");
        }
        return (int) w;
    }

    private static char fillChar(Object v) {
        if (!(v instanceof String) || ((String) v).length() != 1) {
            throw new ParError("the fill character must be a string of one character");
        }
        return ((String) v).charAt(0);
    }

    private static String justify(String s, String how, int width, char fill) {
        int pad = width - s.length();
        switch (how) {
            case "ljust": return s + Text.repeat(fill, pad);
            case "rjust": return Text.repeat(fill, pad) + s;
            default: return Text.center(s, width, fill);
        }
    }

    /**
     * The part s[start:end] that find, count, startswith and their kin search, from their
     * optional second and third arguments; null when start is past the end of s or end comes
     * before start, where even the empty string is not found (Python's rule, unlike a slice's).
     */
    private static String window(String s, Object[] a) {
        int[] b = bounds(s, a);
        return b == null ? null : s.substring(b[0], b[1]);
    }

    private static int[] bounds(String s, Object[] a) {
        Object start = a.length > 1 ? a[1] : Nil.NIL;
        if (start != Nil.NIL && Sequences.clampedIndex(start, "start") > s.length()) {
            return null;
        }
        int[] b = Sequences.bounds(s.length(), start, a.length > 2 ? a[2] : Nil.NIL, 1);
        return b[1] < b[0] ? null : b;
    }

    /** find, rfind, index and rindex: where sub first (or last) occurs within s[start:end], or -1. */
    private static int find(String s, String method, Object[] a) {
        String sub = text(method, a[0]);
        int[] b = bounds(s, a);
        if (b == null || b[1] - b[0] < sub.length()) {
            return -1;
        }
        int i = method.startsWith("r") ? s.lastIndexOf(sub, b[1] - sub.length()) : s.indexOf(sub, b[0]);
        return i >= b[0] && i + sub.length() <= b[1] ? i : -1;
    }

    /** Python's split: by runs of white space (stripped first) when sep is null, at most maxsplit times when that is not -1. */
    private static ParList split(String s, String sep, long maxsplit) {
        ParList out = new ParList();
        if (sep != null && sep.isEmpty()) {
            throw new ParError("split() separator cannot be empty");
        }
        int from = sep == null ? skipSpace(s, 0) : 0;
        while (from < s.length() || sep != null) {
            int at = maxsplit-- == 0 ? -1 : sep == null ? nextSpace(s, from) : s.indexOf(sep, from);
            if (at < 0) {
                out.add(s.substring(from));
                break;
            }
            out.add(s.substring(from, at));
            from = sep == null ? skipSpace(s, at) : at + sep.length();
        }
        return out;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Text.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int nextSpace(String s, int i) {
        while (i < s.length() && !Text.isSpace(s.charAt(i))) {
            i++;
        }
        return i < s.length() ? i : -1;
    }

    /** Python's replace: at most count times when count is not negative; an empty old matches between characters. */
    private static String replace(String s, String old, String by, long count) {
        if (count < 0) {
            return s.replace(old, by);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (long n = 0; n < count; n++) {
            int at = old.isEmpty() ? (from <= s.length() ? from : -1) : s.indexOf(old, from);
            if (at < 0) {
                break;
            }
            out.append(s, from, at).append(by);
            if (old.isEmpty() && at < s.length()) {
                out.append(s.charAt(at)); // the character the empty match stands before
            }
            from = old.isEmpty() ? at + 1 : at + old.length();
        }
        return from <= s.length() ? out.append(s.substring(from)).toString() : out.toString();
    }

    private static String join(String sep, Object items) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object item : Sequences.iterate(items)) {
            if (!(item instanceof String)) {
                throw new ParError("join() needs strings, but found " + Values.aType(item)
                        + " (use str() on it first)");
            }
            if (!first) {
                out.append(sep);
            }
            first = false;
            out.append((String) item);
        }
        return out.toString();
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        if (chars == null) {
            return Text.strip(s, left, right);
        }
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static long countOccurrences(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1L;
        }
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------ lists

    private static Object list(Interpreter interp, ParList list, String name, Object[] a) {
        ArrayList<Object> items = list.items;
        switch (name) {
            case "append":
                arity(name, a, 1, 1);
                items.add(a[0]);
                return Nil.NIL;
            case "pop": {
                arity(name, a, 0, 1);
                if (items.isEmpty()) {
                    throw new ParError("pop from an empty list");
                }
                int i = a.length == 0 ? items.size() - 1 : Sequences.position(a[0], items.size(), "pop");
                return items.remove(i);
            }
            case "insert": {
                arity(name, a, 2, 2);
                long i = Values.toLong(a[0], "insert() position");
                if (i < 0) {
                    i = Math.max(0, i + items.size());
                }
                items.add((int) Math.min(i, items.size()), a[1]);
                return Nil.NIL;
            }
            case "index":
                arity(name, a, 1, 1);
                for (int i = 0; i < items.size(); i++) {
                    if (Values.equal(items.get(i), a[0])) {
                        return (long) i;
                    }
                }
                throw new ParError(Repr.repr(a[0]) + " is not in the list");
            case "remove":
                arity(name, a, 1, 1);
                for (int i = 0; i < items.size(); i++) {
                    if (Values.equal(items.get(i), a[0])) {
                        items.remove(i);
                        return Nil.NIL;
                    }
                }
                throw new ParError(Repr.repr(a[0]) + " is not in the list");
            case "extend":
                arity(name, a, 1, 1);
                items.addAll(Sequences.toList(a[0]));
                return Nil.NIL;
            case "reverse":
                arity(name, a, 0, 0);
                Collections.reverse(items);
                return Nil.NIL;
            case "sort":
                arity(name, a, 0, 1);
                Builtins.sort(interp, items, a.length > 0 ? a[0] : null);
                return Nil.NIL;
            case "count": {
                arity(name, a, 1, 1);
                long n = 0;
                for (Object x : items) {
                    if (Values.equal(x, a[0])) {
                        n++;
                    }
                }
                return n;
            }
            case "copy":
                arity(name, a, 0, 0);
                return new ParList(items);
            case "clear":
                arity(name, a, 0, 0);
                items.clear();
                return Nil.NIL;
            default:
                throw noMethod(list, name);
        }
    }

    // ------------------------------------------------------------ maps

    private static Object map(ParMap map, String name, Object[] a) {
        Map<Object, Object> entries = map.entries;
        switch (name) {
            case "keys":
                arity(name, a, 0, 0);
                return new ParList(map.keys());
            case "values":
                arity(name, a, 0, 0);
                return new ParList(entries.values());
            case "items": {
                arity(name, a, 0, 0);
                ParList out = new ParList(entries.size());
                for (Map.Entry<Object, Object> e : entries.entrySet()) {
                    out.add(ParList.of(map.shown(e.getKey()), e.getValue()));
                }
                return out;
            }
            case "get": {
                arity(name, a, 1, 2);
                Object v = map.get(a[0]);
                return v != null ? v : a.length > 1 ? a[1] : Nil.NIL;
            }
            case "pop": {
                arity(name, a, 1, 2);
                Object v = map.remove(a[0]);
                if (v != null) {
                    return v;
                }
                if (a.length > 1) {
                    return a[1];
                }
                throw new ParError("key " + Repr.repr(a[0]) + " is not in the map");
            }
            case "copy": {
                arity(name, a, 0, 0);
                ParMap out = new ParMap();
                out.putAll(map);
                return out;
            }
            case "clear":
                arity(name, a, 0, 0);
                map.clear();
                return Nil.NIL;
            case "update":
                arity(name, a, 1, 1);
                if (!(a[0] instanceof ParMap)) {
                    throw new ParError("update() needs a map, not " + Values.aType(a[0]));
                }
                map.putAll((ParMap) a[0]);
                return Nil.NIL;
            default:
                throw noMethod(map, name);
        }
    }

    /** {@code xs.append} taken as a value: calling it later calls the method on xs. */
    static final class BoundMethod implements Callable {
        private final Object self;
        private final String name;

        BoundMethod(Object self, String name) {
            this.self = self;
            this.name = name;
        }

        @Override
        public Object call(Interpreter interp, Object[] args) {
            return Methods.call(interp, self, name, args);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String typeName() {
            return "method";
        }

        @Override
        public String toString() {
            return "<method " + Values.typeName(self) + "." + name + ">";
        }
    }

}
