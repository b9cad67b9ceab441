package par.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import par.interp.Builtin;
import par.interp.Builtins;
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
 * Par's own binary form for values that cross between processes, both ways: the {@link Writer}
 * and the {@link Reader} of nil, bools, ints, big ints, floats, strings, lists, maps, ranges,
 * functions (their AST and captured values, written and read by {@link AstForm}), builtins by
 * name, and hub handles by kind and id. Every length is checked against what remains, so a
 * malformed message fails with a {@link WireException}, never an out-of-memory error. Java
 * serialization is never used.
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
        Reader r = new Reader(form, null); // a string needs no receiver
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
        /** Where the functions met while writing are noted, if anywhere (see par.proc.ProcessSupport.Reach). */
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
        Reader r = new Reader(data, receiver);
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
        Reader r = new Reader(data, receiver);
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            out[i] = r.value(0);
        }
        r.end();
        return out;
    }

    /** Reads what {@link Writer} wrote (a function's tree: see {@link AstForm}), checking every length. */
    public static final class Reader {
        private final byte[] buf;
        private int pos;
        final Receiver receiver;
        /** The file every function definition read is said to come from; null: as written. */
        String file;

        public Reader(byte[] buf, Receiver receiver) {
            this.buf = buf;
            this.receiver = receiver;
        }

        /**
         * Reads every function definition as one of the given file: a tree written for one file
         * (a cached parse) serves another file of the same text, whose errors must name it.
         */
        public Reader asFile(String name) {
            this.file = name;
            return this;
        }

        public void end() {
            if (pos != buf.length) {
                throw new WireException("malformed value: " + (buf.length - pos) + " bytes left over");
            }
        }

        private void need(long n) {
            if (n < 0 || pos + n > buf.length) {
                throw new WireException("malformed value: it ends early");
            }
        }

        public int b() {
            need(1);
            return buf[pos++];
        }

        public int i32() {
            need(4);
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        public long i64() {
            return ((long) i32() << 32) | (i32() & 0xffffffffL);
        }

        /** A count of items, each at least one byte: more than remain is a lie. */
        int count() {
            int n = i32();
            need(n);
            return n;
        }

        public byte[] bytes() {
            int n = i32();
            need(n);
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        /** The packed list of ints that {@link Writer#longs} writes, read as tightly. */
        private ParList longs() {
            int n = i32();
            need(8L * n);
            Long[] values = new Long[n];
            byte[] in = buf;
            int at = pos;
            for (int i = 0; i < n; i++) {
                int hi = (in[at] << 24) | ((in[at + 1] & 0xff) << 16) | ((in[at + 2] & 0xff) << 8) | (in[at + 3] & 0xff);
                int lo = (in[at + 4] << 24) | ((in[at + 5] & 0xff) << 16) | ((in[at + 6] & 0xff) << 8)
                        | (in[at + 7] & 0xff);
                values[i] = ((long) hi << 32) | (lo & 0xffffffffL);
                at += 8;
            }
            pos = at;
            return new ParList(java.util.Arrays.asList(values));
        }

        /** Passes over a string without making it; answers "". */
        public String skip() {
            int n = i32();
            long size = n < 0 ? 2L * ~n : n;
            need(size);
            pos += (int) size;
            return "";
        }

        /** Everything not yet read, as one value's encoding. */
        public byte[] rest() {
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, buf.length);
            pos = buf.length;
            return out;
        }

        public String str() {
            int n = i32();
            if (n < 0) {
                return units(~n);
            }
            need(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            if (s.indexOf('\uFFFD') >= 0) {
                checkUtf8(n); // the decoder stood in for bad bytes, or the text held U+FFFD itself
            }
            pos += n;
            return s;
        }

        private void checkUtf8(int n) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(buf, pos, n));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new WireException("malformed value: a string that is not valid UTF-8");
            }
        }

        /** A string sent as its UTF-16 units, two bytes each. */
        private String units(int n) {
            need(2L * n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
                pos += 2;
            }
            return new String(chars);
        }

        public Object value(int depth) {
            if (depth > Codec.MAX_DEPTH) {
                throw new WireException("malformed value: nested too deeply");
            }
            int tag = b();
            switch (tag) {
                case Codec.NIL: return Nil.NIL;
                case Codec.TRUE: return Boolean.TRUE;
                case Codec.FALSE: return Boolean.FALSE;
                case Codec.INT: return i64();
                case Codec.BIG: return new BigInteger(nonEmpty(bytes()));
                case Codec.FLOAT: return Double.longBitsToDouble(i64());
                case Codec.STR: return str();
                case Codec.LONGS:
                    return longs();
                case Codec.LIST: {
                    int n = count();
                    ParList list = new ParList(n);
                    for (int i = 0; i < n; i++) {
                        list.add(value(depth + 1));
                    }
                    return list;
                }
                case Codec.MAP: {
                    int n = count();
                    ParMap map = new ParMap();
                    for (int i = 0; i < n; i++) {
                        Object k = value(depth + 1);
                        map.put(k, value(depth + 1));
                    }
                    return map;
                }
                case Codec.RANGE: return new Range(i64(), i64(), i64());
                case Codec.BYTES: return bytes();
                case Codec.HANDLE: {
                    byte kind = (byte) b();
                    long id = i64();
                    return receiver.handle(kind, id, i64());
                }
                case Codec.FUNCTION: return AstForm.readFunction(this, depth);
                case Codec.BUILTIN: {
                    String name = str();
                    Builtin b = Builtins.get(name);
                    if (b == null) {
                        throw new WireException("malformed value: no builtin " + name);
                    }
                    return b;
                }
                case Codec.UNBOUND: return null;
                default: throw new WireException("malformed value: unknown tag " + tag);
            }
        }

        static byte[] nonEmpty(byte[] b) {
            if (b.length == 0) {
                throw new WireException("malformed value: empty big int");
            }
            return b;
        }
    }
}
