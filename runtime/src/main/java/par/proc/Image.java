package par.proc;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import par.interp.Function;
import par.interp.Globals;
import par.interp.ParError;
import par.interp.ParList;

/**
 * The fork-copy a child starts from: the parent's globals as they are at the moment of the
 * spawn (functions travel as AST), the function to call, and its arguments. A global that
 * cannot travel (a bound method, say) is left out, and the child says so if it is used.
 */
final class Image {
    private Image() {
    }

    static byte[] build(Globals globals, Object function, Object[] args) {
        ParList copied = new ParList();
        for (Map.Entry<String, Object> g : globals.snapshot().entrySet()) {
            try {
                copied.add(ParList.of(g.getKey(), encode(g.getValue())));
            } catch (ParError unsendable) {
                // the child will not see this name; using it there says so
            }
        }
        return Codec.encodeAll(copied, function, new ParList(java.util.List.of(args)));
    }

    /**
     * The encoded functions that capture nothing, which no later change can alter: every spawn
     * sends all of a program's functions, and encoding the 40 of one program took 6 ms each
     * time. Weak keys, compared by identity (functions do not override equals), so a function
     * redefined in the REPL does not stay here.
     */
    private static final Map<Function, byte[]> ENCODED = Collections.synchronizedMap(new WeakHashMap<>());

    private static byte[] encode(Object value) {
        if (!(value instanceof Function) || ((Function) value).captured().length > 0) {
            return Codec.encode(value);
        }
        byte[] known = ENCODED.get(value);
        if (known == null) {
            known = Codec.encode(value);
            ENCODED.put((Function) value, known);
        }
        return known;
    }

    /** What a child finds in its image: the call to make, with the globals already installed. */
    record Call(Object function, Object[] args) {
    }

    static Call install(byte[] image, Globals globals, Codec.Receiver receiver) {
        Object[] parts = Codec.decodeAll(image, 3, receiver);
        for (Object entry : ((ParList) parts[0]).items) {
            ParList pair = (ParList) entry;
            globals.cell((String) pair.get(0));
        }
        // cells first, values second: functions resolved while decoding find every global's cell
        for (Object entry : ((ParList) parts[0]).items) {
            ParList pair = (ParList) entry;
            byte[] value = (byte[]) pair.get(1);
            globals.set((String) pair.get(0), Codec.isFunction(value)
                    ? Function.later(new Decoding(value, receiver)) : Codec.decode(value, receiver));
        }
        return new Call(parts[1], ((ParList) parts[2]).items.toArray());
    }

    /** A function of the image, decoded and resolved when it is first used. */
    private static final class Decoding implements Function.Source {
        private final byte[] encoded;
        private final Codec.Receiver receiver;

        Decoding(byte[] encoded, Codec.Receiver receiver) {
            this.encoded = encoded;
            this.receiver = receiver;
        }

        @Override
        public Function make() {
            return (Function) Codec.decode(encoded, receiver);
        }
    }
}
