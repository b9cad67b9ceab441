package par.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import par.interp.Builtin;
import par.interp.Builtins;
import par.interp.Cell;
import par.interp.Nil;
import par.interp.ParList;
import par.interp.ParMap;
import par.interp.Range;
import par.syntax.Stmt;

/**
 * Reads what {@link Codec.Writer} wrote: values, and the trees of functions inside them. Every
 * length is checked against what remains, so a malformed message fails with a
 * {@link WireException}, never an out-of-memory error.
 */
public final class CodecReader {
    private final byte[] buf;
    private int pos;
    private final Codec.Receiver receiver;
    /** The file every function definition read is said to come from; null: as written. */
    private String file;

    public CodecReader(byte[] buf, Codec.Receiver receiver) {
        this.buf = buf;
        this.receiver = receiver;
    }

    /**
     * Reads every function definition as one of the given file: a tree written for one file
     * (a cached parse) serves another file of the same text, whose errors must name it.
     */
    public CodecReader asFile(String name) {
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
            case Codec.FUNCTION: return function(depth);
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

    private static byte[] nonEmpty(byte[] b) {
        if (b.length == 0) {
            throw new WireException("malformed value: empty big int");
        }
        return b;
    }

    private Object function(int depth) {
        Object def = tree(0);
        if (!(def instanceof Stmt.Def)) {
            throw new WireException("malformed value: a function without a definition");
        }
        int n = count();
        List<String> names = new ArrayList<>(n);
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            String name = str();
            names.add(name);
            cells[i] = new Cell(name, value(depth + 1));
        }
        return receiver.function((Stmt.Def) def, names, cells);
    }

    public Object tree(int depth) {
        if (depth > Codec.MAX_DEPTH * 4) {
            throw new WireException("malformed function: nested too deeply");
        }
        int tag = b();
        switch (tag) {
            case Codec.T_NULL: return null;
            case Codec.T_STR: return str();
            case Codec.T_I32: return i32();
            case Codec.T_LONG: return i64();
            case Codec.T_BIG: return new BigInteger(nonEmpty(bytes()));
            case Codec.T_DOUBLE: return Double.longBitsToDouble(i64());
            case Codec.T_BOOL: return b() != 0;
            case Codec.T_LIST: {
                int n = count();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(tree(depth + 1));
                }
                return List.copyOf(nonNull(items));
            }
            case Codec.T_RECORD: return record(depth);
            default: throw new WireException("malformed function: unknown tag " + tag);
        }
    }

    private static List<Object> nonNull(List<Object> items) {
        for (Object o : items) {
            if (o == null) {
                throw new WireException("malformed function: a missing list item");
            }
        }
        return items;
    }

    private Object record(int depth) {
        int index = b();
        if (index < 0 || index >= AstForm.TYPES.size()) {
            throw new WireException("malformed function: unknown node " + index);
        }
        int count = b();
        if (count < 0) {
            throw new WireException("malformed function: a node of " + count + " parts");
        }
        Object[] parts = new Object[count];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = tree(depth + 1);
        }
        if (file != null && index == AstForm.DEF && count > AstForm.DEF_FILE) {
            parts[AstForm.DEF_FILE] = file;
        }
        Object node;
        try {
            node = AstForm.make(index, parts);
        } catch (ClassCastException | NullPointerException e) {
            node = null;
        }
        if (node == null) {
            throw new WireException("malformed function: cannot rebuild " + AstForm.TYPES.get(index).getSimpleName());
        }
        return node;
    }
}
