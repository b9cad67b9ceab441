package par.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import par.interp.Builtin;
import par.interp.Builtins;
import par.interp.Nil;
import par.interp.ParList;
import par.interp.ParMap;
import par.interp.Range;

/**
 * Reads what {@link Codec.Writer} wrote (a function's tree: see {@link AstForm}). Every
 * length is checked against what remains, so a malformed message fails with a
 * {@link WireException}, never an out-of-memory error.
 */
public final class CodecReader {
    private final byte[] buf;
    private int pos;
    final Codec.Receiver receiver;
    /** The file every function definition read is said to come from; null: as written. */
    String file;

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
