package par.cluster;

import par.wire.Answer;
import par.wire.Codec;

/**
 * What a root and a member say to each other, in Par's codec: a request (run a task of a pool,
 * or close a pool) and its reply (the task's outcome, a call for the pool's image, or a
 * refusal). Both sides write and read them here only.
 */
final class Messages {
    static final int RUN = 1;
    static final int CLOSE = 2;
    static final int OUTCOME = 1;
    /** The member has no pool of that key yet: the root sends the task again with the image. */
    static final int NEED_IMAGE = 2;
    static final int REFUSED = 3;

    private Messages() {
    }

    /** A request as a member reads it: image is null unless the root sent it along. */
    record Request(int op, String pool, byte[] image, byte[] work) {
        static Request read(byte[] payload) {
            Codec.Reader r = new Codec.Reader(payload, null);
            int op = r.b();
            String pool = r.str();
            if (op == CLOSE) {
                return new Request(op, pool, null, null);
            }
            byte[] image = r.b() == 1 ? r.bytes() : null;
            return new Request(op, pool, image, r.rest());
        }
    }

    static byte[] run(String pool, byte[] image, byte[] work) {
        Codec.Writer w = new Codec.Writer();
        w.b(RUN);
        w.str(pool);
        w.b(image == null ? 0 : 1);
        if (image != null) {
            w.bytes(image);
        }
        w.raw(work);
        return w.toBytes();
    }

    static byte[] close(String pool) {
        Codec.Writer w = new Codec.Writer();
        w.b(CLOSE);
        w.str(pool);
        return w.toBytes();
    }

    static byte[] outcome(Answer.Outcome outcome) {
        Codec.Writer w = new Codec.Writer();
        w.b(OUTCOME);
        Answer.write(outcome, w);
        return w.toBytes();
    }

    static byte[] needImage() {
        return new byte[] {NEED_IMAGE};
    }

    static byte[] refused(String why) {
        Codec.Writer w = new Codec.Writer();
        w.b(REFUSED);
        w.str(why);
        return w.toBytes();
    }

    /** A reply as the root reads it: what it is, and the outcome or the refusal's reason. */
    record Reply(int kind, Answer.Outcome outcome, String refusal) {
        static Reply read(byte[] bytes) {
            Codec.Reader r = new Codec.Reader(bytes, null);
            int kind = r.b();
            if (kind == OUTCOME) {
                return new Reply(kind, (Answer.Outcome) Answer.read(r), null);
            }
            return new Reply(kind, null, kind == REFUSED ? r.str() : null);
        }
    }
}
