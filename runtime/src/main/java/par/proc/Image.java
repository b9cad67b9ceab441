package par.proc;

import java.util.Map;

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
                copied.add(ParList.of(g.getKey(), Codec.encode(g.getValue())));
            } catch (ParError unsendable) {
                // the child will not see this name; using it there says so
            }
        }
        return Codec.encodeAll(copied, function, new ParList(java.util.List.of(args)));
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
            globals.set((String) pair.get(0), Codec.decode((byte[]) pair.get(1), receiver));
        }
        return new Call(parts[1], ((ParList) parts[2]).items.toArray());
    }
}
