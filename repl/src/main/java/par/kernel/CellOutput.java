package par.kernel;

import com.google.gson.JsonObject;

import par.interp.Output;

/**
 * Printed lines as IOPub {@code stream} messages, each sent as it is printed, so a cell's
 * output (and every child's, which the hub hands to the same output) shows while the cell
 * runs. Lines belong to the cell running, or after it ends to the cell that ran last; but a
 * child's lines (and its descendants') belong to the cell that spawned it, even once that cell
 * has ended: a notebook shows them under it, not under whichever cell runs when they come.
 * A pool worker serves every cell, so its lines go to the cell running.
 */
final class CellOutput implements Output {
    private final Channel iopub;
    private final String name;
    private final java.util.function.Supplier<Message> cell;
    private final Spawns spawns;

    /**
     * The cells that spawned the root's children, by process id: one map for stdout and stderr.
     * Told on the cell's thread as each spawn returns; read on the hub's.
     */
    static final class Spawns {
        private final java.util.Map<Long, Message> cells = new java.util.concurrent.ConcurrentHashMap<>();

        void spawned(long process, Message cell) {
            if (cell != null) {
                cells.put(process, cell);
            }
        }

        Message cellOf(long process) {
            return cells.get(process);
        }
    }

    /**
     * name: {@code stdout} or {@code stderr}; cell: the request of the cell the lines belong to
     * now; spawns: which cell each child came from.
     */
    CellOutput(Channel iopub, String name, java.util.function.Supplier<Message> cell) {
        this(iopub, name, cell, new Spawns());
    }

    CellOutput(Channel iopub, String name, java.util.function.Supplier<Message> cell, Spawns spawns) {
        this.iopub = iopub;
        this.name = name;
        this.cell = cell;
        this.spawns = spawns;
    }

    @Override
    public void line(String text) {
        send(text, cell.get());
    }

    @Override
    public void line(String text, long origin) {
        Message from = origin == 0 ? null : spawns.cellOf(origin);
        send(text, from != null ? from : cell.get());
    }

    private void send(String text, Message parent) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text + "\n");
        iopub.publish("stream", parent, content);
    }

    @Override
    public void flush() {
        // each line is sent as it comes
    }
}
