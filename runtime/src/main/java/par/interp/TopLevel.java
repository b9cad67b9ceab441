package par.interp;

/** A resolved program (or REPL input): its top-level statements and the slots they need. */
public record TopLevel(String file, StmtNode body, int frameSize) {
}
