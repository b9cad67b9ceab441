package par.proc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import par.interp.Function;
import par.interp.Globals;
import par.interp.ParError;
import par.interp.ParList;
import par.wire.Codec;
import par.wire.Wire;

/**
 * The fork-copy a child starts from: the function to call, its arguments, and the parent's
 * globals that the call can reach, as they are at the moment of the spawn (functions travel as
 * AST). Reaching follows the globals each function reads (its resolver noted them), through
 * the functions among those globals and the functions inside their values, so a global no
 * code of the call reads is not copied however large it is. A global that cannot travel (a
 * bound method, say) is left out, and the child says so if it is used.
 */
public final class Image {
    /** The most an image may hold: a frame, less room for what travels beside it. */
    static final int MAX = Wire.MAX_FRAME - (1 << 16);

    private Image() {
    }

    /** A spawn's image: the globals the call reaches, the function, its arguments. */
    public static byte[] build(Globals globals, Object function, Object[] args) {
        Reach reach = new Reach(globals, Set.of());
        Codec.Writer call = reach.writer();
        call.value(function, 0);
        call.value(new ParList(java.util.Arrays.asList(args)), 0);
        return reach.withGlobals(call, "the function and its arguments", "this spawn");
    }

    /**
     * What a pool's workers start from (bytes: every function among the globals, every global
     * some function reads, and what those reach), the globals that were functions (the workers
     * know them by name), and the names looked at (sent, or missing then), which no task needs
     * to carry.
     */
    record PoolImage(byte[] bytes, Map<String, Object> functions, Set<String> names) {
    }

    /**
     * A worker must be able to run any function of the image given later by name, and a
     * function shipped whole with a task (one defined after the pool, say) reads globals too:
     * in a script every function is resolved before it runs, so the globals functions read
     * cover it; what a function typed later at the REPL reads travels with its tasks.
     */
    static PoolImage forPool(Globals globals) {
        Reach reach = new Reach(globals, Set.of());
        Map<String, Object> functions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> g : globals.snapshot().entrySet()) {
            if (g.getValue() instanceof Function) {
                functions.put(g.getKey(), g.getValue());
                reach.name(g.getKey());
            }
        }
        for (String name : globals.readByFunctions()) {
            reach.name(name);
        }
        Codec.Writer call = reach.writer();
        call.value(par.interp.Nil.NIL, 0);
        call.value(new ParList(), 0);
        byte[] bytes = reach.withGlobals(call, "the call", "this pool");
        return new PoolImage(bytes, functions, reach.considered());
    }

    /**
     * The encoded functions that capture nothing, which no later change can alter: a function
     * may be sent by many spawns, and encoding the 40 of one program took 6 ms each time. Weak
     * keys, compared by identity (functions do not override equals), so a function redefined in
     * the REPL does not stay here.
     */
    private static final Map<Function, byte[]> ENCODED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The globals some values reach, found while those values are encoded and each encoded
     * once. Values are written through {@link #writer()}, which notes the functions it meets;
     * names may also be added by hand.
     */
    static final class Reach {
        private final Globals globals;
        /** Names the receiver has already, which are not sent again. */
        private final Set<String> alreadyThere;
        /** Names looked at here (sent, absent, or unable to travel). */
        private final Set<String> considered = new HashSet<>();
        private final ArrayDeque<String> pending = new ArrayDeque<>();
        private final List<Function> met = new ArrayList<>();
        private final ParList entries = new ParList();
        private long size;
        private String largest;
        private long largestSize = -1;

        /** alreadyThere: names the receiver has, which are not to be sent again. */
        Reach(Globals globals, Set<String> alreadyThere) {
            this.globals = globals;
            this.alreadyThere = alreadyThere;
        }

        /** A writer whose values count: the globals their functions read are reached. */
        Codec.Writer writer() {
            return new Codec.Writer(met);
        }

        void name(String name) {
            if (!alreadyThere.contains(name) && considered.add(name)) {
                pending.add(name);
            }
        }

        /** The names looked at: after {@link #globals}, every global the values reach. */
        Set<String> considered() {
            return considered;
        }

        /**
         * Encodes every global reached so far and puts them before what call holds, as
         * {@link #install} reads them. The sizes are checked together, so the error names the
         * largest part: callWhat names the call's part, what the whole.
         */
        byte[] withGlobals(Codec.Writer call, String callWhat, String what) {
            ParList found = globals();
            long callSize = call.length();
            long total = size + callSize;
            if (total > MAX) {
                String culprit = largestSize >= callSize ? "global '" + largest + "'" : callWhat;
                throw new ParError(culprit + " " + (largestSize >= callSize ? "is" : "are")
                        + " too large to send to another process (" + mib(Math.max(largestSize, callSize)) + " of the "
                        + mib(total) + " " + what + " would send; the limit is " + (Wire.MAX_FRAME >> 20) + " MiB)");
            }
            Codec.Writer image = new Codec.Writer();
            image.value(found, 0);
            image.raw(call.toBytes());
            return image.toBytes();
        }

        /**
         * The globals reached, each a list of its name and its encoding, or of its name alone
         * for one the program assigns but had not yet.
         */
        ParList globals() {
            follow();
            while (!pending.isEmpty()) {
                add(pending.poll());
                follow();
            }
            return entries;
        }

        private void add(String name) {
            Object value = globals.get(name);
            if (value == null) {
                if (globals.assignedSomewhere(name)) {
                    entries.add(ParList.of(name)); // the child says it did not exist yet, if it uses it
                }
                return;
            }
            int metBefore = met.size();
            byte[] encoded;
            try {
                encoded = encode(value);
            } catch (Codec.TooLarge e) {
                throw new ParError("global '" + name + "' is too large to send to another process (over "
                        + (Wire.MAX_FRAME >> 20) + " MiB)");
            } catch (ParError cannotTravel) {
                met.subList(metBefore, met.size()).clear();
                return; // the child will not see this name; using it there says so
            }
            entries.add(ParList.of(name, encoded));
            size += encoded.length + name.length() + 16;
            if (encoded.length > largestSize) {
                largest = name;
                largestSize = encoded.length;
            }
        }

        private byte[] encode(Object value) {
            if (!(value instanceof Function) || ((Function) value).captured().length > 0) {
                Codec.Writer w = writer();
                w.value(value, 0);
                return w.toBytes();
            }
            met.add((Function) value);
            byte[] known = ENCODED.get(value);
            if (known == null) {
                known = Codec.encode(value);
                ENCODED.put((Function) value, known);
            }
            return known;
        }

        /** The globals read by the functions met so far are reached too. */
        private void follow() {
            for (Function f : met) {
                for (String name : f.code().globalsRead) {
                    name(name);
                }
            }
            met.clear();
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (double) (1 << 20));
    }

    /** What a child finds in its image: the call to make, with the globals already installed. */
    public record Call(Object function, Object[] args) {
    }

    public static Call install(byte[] image, Globals globals, Codec.Receiver receiver) {
        Object[] parts = Codec.decodeAll(image, 3, receiver);
        installGlobals((ParList) parts[0], globals, receiver, false);
        return new Call(parts[1], ((ParList) parts[2]).items.toArray());
    }

    /**
     * Installs globals sent as {@link Reach#globals} gives them. onlyMissing: a pool worker
     * keeps its own copy of a global a task brings again (it may have changed it).
     */
    public static void installGlobals(ParList sent, Globals globals, Codec.Receiver receiver, boolean onlyMissing) {
        for (Object entry : sent.items) {
            ParList pair = (ParList) entry;
            globals.cell((String) pair.get(0));
        }
        // cells first, values second: functions resolved while decoding find every global's cell
        for (Object entry : sent.items) {
            ParList pair = (ParList) entry;
            String name = (String) pair.get(0);
            if (pair.size() == 1) { // the program assigns it, but had not yet
                globals.noteAssigned(name);
                continue;
            }
            if (onlyMissing && globals.get(name) != null) {
                continue;
            }
            byte[] value = (byte[]) pair.get(1);
            globals.set(name, Codec.isFunction(value)
                    ? Function.later(new Decoding(value, receiver)) : Codec.decode(value, receiver));
        }
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
