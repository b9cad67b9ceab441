package par.wire;

/** A frame or value on the wire that breaks the rules: too large, truncated, or unknown. */
public final class WireException extends RuntimeException {
    public WireException(String message) {
        super(message, null, false, false);
    }
}
