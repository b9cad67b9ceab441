package par.kernel;

import com.google.gson.JsonObject;

import par.interp.Output;

/**
 * Printed lines as IOPub {@code stream} messages, each sent as it is printed, so a cell's
 * output (and every child's, which the hub hands to the same output) shows while the cell
 * runs. Lines belong to the cell running, or after it ends to the cell that ran last: a child
 * a cell started and left running goes on printing into that cell.
 */
final class CellOutput implements Output {
    private final Channel iopub;
    private final String name;
    private final java.util.function.Supplier<Message> cell;

    /** name: {@code stdout} or {@code stderr}; cell: the request of the cell the lines belong to now. */
    CellOutput(Channel iopub, String name, java.util.function.Supplier<Message> cell) {
        this.iopub = iopub;
        this.name = name;
        this.cell = cell;
    }

    @Override
    public void line(String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text + "\n");
        iopub.publish("stream", cell.get(), content);
    }

    @Override
    public void flush() {
        // each line is sent as it comes
    }
}
