package par.interp;

/** A resolved program (or REPL input): its top-level statements and the slots they need. */
/** spawns: the code contains a spawn or makes a pool, so child JVMs are worth warming up early. */
public record TopLevel(String file, StmtNode body, int frameSize, boolean spawns) {
}
