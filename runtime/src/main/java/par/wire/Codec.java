package par.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import par.interp.Builtin;
import par.interp.Cell;
import par.interp.Function;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.ParList;
import par.interp.ParMap;
import par.interp.Range;
import par.interp.Values;
import par.syntax.Stmt;

/**
 * Par's own binary form for values that cross between processes: nil, bools, ints, big ints,
 * floats, strings, lists, maps, ranges, functions (their AST and captured values, written by
 * {@link AstForm}), builtins by name, and hub handles by kind and id. Every length is checked against what remains, so
 * a malformed message fails with a {@link WireException}, never an out-of-memory error.
 * Java serialization is never used.
 */
public final class Codec {
    static final byte NIL = 0, TRUE = 1, FALSE = 2, INT = 3, BIG = 4, FLOAT = 5, STR = 6, LIST = 7,
            MAP = 8, FUNCTION = 9, BUILTIN = 10, HANDLE = 11, RANGE = 12, BYTES = 13, UNBOUND = 14,
            LONGS = 15;
    static final int MAX_DEPTH = 1000;

    /** How a receiving process turns functions and handles back into live values. */
    public interface Receiver {
        Function function(Stmt.Def def, List<String> freeVars, Cell[] captured);

        Object handle(byte kind, long id, long meta);
    }

    private Codec() {
    }

    // ================================================================= writing

    /** An encoded value is a function (which a child may decode only when it is used). */
    public static boolean isFunction(byte[] encoded) {
        return encoded.length > 0 && encoded[0] == FUNCTION;
    }

    public static byte[] encode(Object value) {
        Writer w = new Writer();
        w.value(value, 0);
        return w.toBytes();
    }

    /** Encodes several values one after another (a request's arguments, an image). */
    public static byte[] encodeAll(Object... values) {
        Writer w = new Writer();
        for (Object v : values) {
            w.value(v, 0);
        }
        return w.toBytes();
    }

    /** Whether every surrogate in s has its partner, so UTF-8 carries s exactly. */
    static boolean wellFormed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** A string in the form {@link Writer#str} writes it, for a caller that sends it often or alone. */
    public static byte[] strForm(String s) {
        Writer w = new Writer();
        w.str(s);
        return w.toBytes();
    }

    /** The string a {@link #strForm} holds, and nothing else. */
    public static String readStr(byte[] form) {
        CodecReader r = new CodecReader(form, null); // a string needs no receiver
        String s = r.str();
        r.end();
        return s;
    }

    /** A value whose encoding would not fit in one frame. */
    public static final class TooLarge extends ParError {
        TooLarge() {
            super("value is too large to send to another process (over " + (Wire.MAX_FRAME >> 20) + " MiB)");
        }
    }

    public static final class Writer {
        private byte[] buf = new byte[64];
        private int len;
        /** Where the functions met while writing are noted, if anywhere (see par.proc.Image). */
        private final List<Function> functionsMet;

        public Writer() {
            this(null);
        }

        public Writer(List<Function> functionsMet) {
            this.functionsMet = functionsMet;
        }

        public byte[] toBytes() {
            return java.util.Arrays.copyOf(buf, len);
        }

        /** Empties the writer for reuse, keeping its buffer. */
        public void reset() {
            len = 0;
            if (buf.length > 1 << 20) {
                buf = new byte[64]; // one huge value should not pin its buffer for good
            }
        }

        public byte[] buffer() {
            return buf;
        }

        public int length() {
            return len;
        }

        private void room(long n) {
            if (len + n > buf.length) {
                if (len + n > Wire.MAX_FRAME) {
                    throw new TooLarge();
                }
                // doubling stops at the limit: a value that fits must not fail for the buffer's growth
                long want = Math.min(Math.max((long) buf.length * 2, len + n), Wire.MAX_FRAME);
                buf = java.util.Arrays.copyOf(buf, (int) want);
            }
        }

        /**
         * Bytes already in this codec's form: values encoded apart and put one after another,
         * or a string encoded once and sent many times.
         */
        public void raw(byte[] encoded) {
            room(encoded.length);
            System.arraycopy(encoded, 0, buf, len, encoded.length);
            len += encoded.length;
        }

        public void b(int v) {
            room(1);
            buf[len++] = (byte) v;
        }

        public void i32(int v) {
            room(4);
            buf[len++] = (byte) (v >>> 24);
            buf[len++] = (byte) (v >>> 16);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        /** Overwrites four bytes already written, at the given position. */
        public void i32At(int at, int v) {
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }

        public void i64(long v) {
            i32((int) (v >>> 32));
            i32((int) v);
        }

        public void bytes(byte[] data) {
            i32(data.length);
            room(data.length);
            System.arraycopy(data, 0, buf, len, data.length);
            len += data.length;
        }

        /**
         * A string, exactly: UTF-8 after its byte count, or, for the rare string holding a
         * surrogate without its partner (which UTF-8 cannot carry: {@code "😀"[0]}), its UTF-16
         * units after the complement of their count, so the negative count tells them apart.
         */
        public void str(String s) {
            if (wellFormed(s)) {
                bytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            int n = s.length();
            i32(~n);
            room(2L * n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                buf[len++] = (byte) (c >>> 8);
                buf[len++] = (byte) c;
            }
        }

        public void value(Object v, int depth) {
            if (depth > MAX_DEPTH) {
                throw new ParError("value is nested too deeply (or contains itself) to send to another process");
            }
            if (v instanceof Long) {
                b(INT);
                i64((Long) v);
            } else if (v instanceof String) {
                b(STR);
                str((String) v);
            } else if (v == Nil.NIL) {
                b(NIL);
            } else if (v instanceof Boolean) {
                b((Boolean) v ? TRUE : FALSE);
            } else if (v instanceof Double) {
                b(FLOAT);
                i64(Double.doubleToRawLongBits((Double) v));
            } else if (v instanceof BigInteger) {
                b(BIG);
                bytes(((BigInteger) v).toByteArray());
            } else if (v instanceof ParList) {
                Object[] items = ((ParList) v).items.toArray();
                if (items.length > 1 && allInts(items)) {
                    longs(items);
                } else {
                    list(items, depth);
                }
            } else if (v instanceof ParMap) {
                ParMap map = (ParMap) v;
                Map<Object, Object> entries = map.entries;
                b(MAP);
                i32(entries.size());
                for (Map.Entry<Object, Object> e : entries.entrySet()) {
                    value(map.shown(e.getKey()), depth + 1);
                    value(e.getValue(), depth + 1);
                }
            } else if (v instanceof Range) {
                Range r = (Range) v;
                b(RANGE);
                i64(r.start);
                i64(r.stop);
                i64(r.step);
            } else if (v instanceof byte[]) {
                b(BYTES);
                bytes((byte[]) v);
            } else if (v instanceof Handle) {
                if (!((Handle) v).travels()) {
                    throw new ParError(Values.aType(v) + " cannot be sent to another process (use it where it was made)");
                }
                ((Handle) v).sending();
                b(HANDLE);
                b(((Handle) v).kind());
                i64(((Handle) v).id());
                i64(((Handle) v).meta());
            } else if (v instanceof Function) {
                if (functionsMet != null) {
                    functionsMet.add((Function) v);
                }
                AstForm.writeFunction(this, (Function) v, depth);
            } else if (v instanceof Builtin) {
                b(BUILTIN);
                str(((Builtin) v).name());
            } else if (v == null) {
                b(UNBOUND);
            } else {
                throw new ParError(Values.aType(v) + " cannot be sent to another process");
            }
        }

        private static boolean allInts(Object[] items) {
            for (Object item : items) {
                if (!(item instanceof Long)) {
                    return false;
                }
            }
            return true;
        }

        private void list(Object[] items, int depth) {
            b(LIST);
            i32(items.length);
            for (Object item : items) {
                value(item, depth + 1);
            }
        }

        /**
         * A list of ints, the commonest payload of a pool (a chunk of a range, its results),
         * packed as one tight loop: it is fast even before the JIT has compiled anything.
         */
        private void longs(Object[] values) {
            b(LONGS);
            i32(values.length);
            room(8L * values.length);
            // written out by hand: this loop often runs before the JIT has compiled it, where
            // every bytecode counts
            byte[] out = buf;
            int at = len;
            for (Object value : values) {
                long v = (Long) value;
                int hi = (int) (v >>> 32);
                int lo = (int) v;
                out[at] = (byte) (hi >>> 24);
                out[at + 1] = (byte) (hi >>> 16);
                out[at + 2] = (byte) (hi >>> 8);
                out[at + 3] = (byte) hi;
                out[at + 4] = (byte) (lo >>> 24);
                out[at + 5] = (byte) (lo >>> 16);
                out[at + 6] = (byte) (lo >>> 8);
                out[at + 7] = (byte) lo;
                at += 8;
            }
            len = at;
        }
    }

    // ================================================================= reading

    public static Object decode(byte[] data, Receiver receiver) {
        CodecReader r = new CodecReader(data, receiver);
        Object v = r.value(0);
        r.end();
        return v;
    }

    /** The value if it is an int that fits a long or a float (the shared memory holds those), else null. */
    public static Object number(byte[] data) {
        if (data.length == 0 || (data[0] != INT && data[0] != FLOAT)) {
            return null;
        }
        return decode(data, null);
    }

    /** Decodes the given number of values written by {@link #encodeAll}. */
    public static Object[] decodeAll(byte[] data, int count, Receiver receiver) {
        CodecReader r = new CodecReader(data, receiver);
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            out[i] = r.value(0);
        }
        r.end();
        return out;
    }

}
