package par.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import par.interp.Output;

/**
 * Bytes written to a session's stderr (error reports, the hub's warnings), handed on line by
 * line to an {@link Output}: the REPL's lines above the prompt, a notebook's stderr stream.
 */
public final class LineSplitter extends OutputStream {
    private final Output output;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineSplitter(Output output) {
        this.output = output;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            output.line(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }
}
