package par.kernel;

import java.util.UUID;

import com.google.gson.JsonObject;

import par.repl.ProgressBar;

/**
 * The kernel's bar: a {@code display_data} in the cell running, with a display id of its own,
 * then {@code update_display_data} of that id as the map goes on; its last text (all done)
 * stays in the cell.
 */
final class CellProgressBar extends ProgressBar {
    private final Channel iopub;
    private final java.util.function.Supplier<Message> cell;
    private String id;
    private boolean drawn;

    CellProgressBar(Channel iopub, java.util.function.Supplier<Message> cell) {
        this.iopub = iopub;
        this.cell = cell;
    }

    @Override
    protected boolean watched() {
        id = "progress-" + UUID.randomUUID(); // asked once per bar: a new bar, a new display
        drawn = false;
        return true;
    }

    @Override
    protected void draw(String text) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text);
        JsonObject shown = new JsonObject();
        shown.addProperty("display_id", id);
        JsonObject content = new JsonObject();
        content.add("data", data);
        content.add("metadata", new JsonObject());
        content.add("transient", shown);
        iopub.publish(drawn ? "update_display_data" : "display_data", cell.get(), content);
        drawn = true;
    }

    @Override
    protected void ended() {
        // the last text drawn (done == total) stays
    }
}
