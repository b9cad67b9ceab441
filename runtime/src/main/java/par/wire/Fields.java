package par.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * How the fields that many requests share are written and read: a name that may be absent, a
 * time-out that may be absent. Shared by {@link Request} and the request families kept in files
 * of their own ({@link ProcessRequests}...).
 */
final class Fields {
    private Fields() {
    }

    static void writeOptional(Codec.Writer w, String s) {
        w.b(s == null ? 0 : 1);
        if (s != null) {
            w.str(s);
        }
    }

    static String readOptional(Codec.Reader r) {
        return r.b() == 0 ? null : r.str();
    }

    static void writeTimeout(Codec.Writer w, Request.Timeout t) {
        w.b(t == null ? 0 : 1);
        if (t != null) {
            w.i64(Double.doubleToRawLongBits(t.seconds()));
            w.str(t.shown());
        }
    }

    static Request.Timeout readTimeout(Codec.Reader r) {
        return r.b() == 0 ? null : new Request.Timeout(Double.longBitsToDouble(r.i64()), r.str());
    }

    /** The tags of every family, one list: a family's tags follow those before it. */
    @SafeVarargs
    static List<String> join(List<String>... families) {
        List<String> all = new ArrayList<>();
        for (List<String> f : families) {
            all.addAll(f);
        }
        return List.copyOf(all);
    }
}
