package par.interp;

/** {@code exit(n)}: ends the program with that status. Not an error, so {@code catch} cannot stop it. */
public final class ExitRequest extends RuntimeException {
    public final int status;

    public ExitRequest(int status) {
        super(null, null, false, false);
        this.status = status;
    }
}
