package par.interp;

/**
 * A resolved program (or REPL input): its top-level statements and the slots they need.
 * jvms: how many child JVMs the code may start, counted from its spawns and pools (0: none;
 * {@link #MANY} when one stands in a loop or a function, or a pool's size is not written out),
 * so that just as many can be warmed up while it starts. pools: the code makes a pool, whose
 * workers run for long. lines: its source, which errors at its top level show.
 */
public record TopLevel(String file, par.syntax.SourceLines lines, StmtNode body, int frameSize, int jvms,
                       boolean pools) {
    public static final int MANY = Integer.MAX_VALUE;
}
