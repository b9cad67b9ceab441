package par.repl;

import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * The REPL's bar: JLine's status line at the bottom of the terminal, which lines printed
 * meanwhile scroll above; emptied when the map ends.
 */
final class StatusLineProgressBar extends ProgressBar {
    private final Terminal terminal;
    private Status status;

    StatusLineProgressBar(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    protected boolean watched() {
        status = Status.getStatus(terminal);
        return status != null;
    }

    @Override
    protected void draw(String text) {
        status.update(List.of(new AttributedString(text)));
    }

    @Override
    protected void ended() {
        status.update(List.of());
    }
}
