package par.interp;

/**
 * {@code exit(n)}, or anything else that ends the program with a status (see
 * {@link OutputFailure}). Not an error, so {@code catch} cannot stop it.
 */
public class ExitRequest extends RuntimeException {
    public final int status;

    public ExitRequest(int status) {
        super(null, null, false, false);
        this.status = status;
    }
}
