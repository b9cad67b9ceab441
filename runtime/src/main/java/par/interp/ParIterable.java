package par.interp;

/** A value of its own type that a {@code for} loop can walk, such as a pool's imap_unordered results. */
public interface ParIterable extends ParObject {
    Iterable<Object> iterable();
}
