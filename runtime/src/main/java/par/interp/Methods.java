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
            "isalpha", "isspace", "capitalize", "title");
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
                arity(name, a, 0, 1);
                return split(s, a.length == 0 || a[0] == Nil.NIL ? null : text(name, a[0]));
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
                return s.toUpperCase();
            case "lower":
                arity(name, a, 0, 0);
                return s.toLowerCase();
            case "replace":
                arity(name, a, 2, 2);
                return s.replace(text(name, a[0]), text(name, a[1]));
            case "startswith":
                arity(name, a, 1, 1);
                return s.startsWith(text(name, a[0]));
            case "endswith":
                arity(name, a, 1, 1);
                return s.endsWith(text(name, a[0]));
            case "find":
                arity(name, a, 1, 1);
                return (long) s.indexOf(text(name, a[0]));
            case "index": {
                arity(name, a, 1, 1);
                int i = s.indexOf(text(name, a[0]));
                if (i < 0) {
                    throw new ParError("substring " + Repr.repr(a[0]) + " not found");
                }
                return (long) i;
            }
            case "count":
                arity(name, a, 1, 1);
                return countOccurrences(s, text(name, a[0]));
            case "isdigit":
                arity(name, a, 0, 0);
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha":
                arity(name, a, 0, 0);
                return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isspace":
                arity(name, a, 0, 0);
                return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "capitalize":
                arity(name, a, 0, 0);
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
            case "title":
                arity(name, a, 0, 0);
                return title(s);
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

    private static ParList split(String s, String sep) {
        ParList out = new ParList();
        if (sep == null) {
            for (String part : s.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new ParError("split() separator cannot be empty");
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
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
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.charAt(start), chars)) {
            start++;
        }
        while (right && end > start && stripped(s.charAt(end - 1), chars)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
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

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        for (char c : s.toCharArray()) {
            out.append(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetter(c);
        }
        return out.toString();
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
                return new ParList(entries.keySet());
            case "values":
                arity(name, a, 0, 0);
                return new ParList(entries.values());
            case "items": {
                arity(name, a, 0, 0);
                ParList out = new ParList(entries.size());
                for (Map.Entry<Object, Object> e : entries.entrySet()) {
                    out.add(ParList.of(e.getKey(), e.getValue()));
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
                out.entries.putAll(entries);
                return out;
            }
            case "clear":
                arity(name, a, 0, 0);
                entries.clear();
                return Nil.NIL;
            case "update":
                arity(name, a, 1, 1);
                if (!(a[0] instanceof ParMap)) {
                    throw new ParError("update() needs a map, not " + Values.aType(a[0]));
                }
                entries.putAll(((ParMap) a[0]).entries);
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
