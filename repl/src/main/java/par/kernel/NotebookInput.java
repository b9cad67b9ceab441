package par.kernel;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.google.gson.JsonObject;

import par.interp.Interpreter;
import par.interp.ParError;

/**
 * input() in a cell: asks the notebook for the line with an {@code input_request} on the stdin
 * socket, addressed to the client that sent the cell's {@code execute_request}, and waits for its
 * {@code input_reply}. A client that said it takes no input ({@code allow_stdin} false, as when a
 * notebook runs unattended) gets an error instead of a wait nobody would end.
 *
 * <p>The socket belongs to a loop of its own ({@link #serve}), which sends the asks and hands on
 * the replies: the cell's thread only waits on a queue, so the interrupt that stops a cell never
 * reaches into ZeroMQ.
 */
final class NotebookInput implements Interpreter.LineSource {
    private record Ask(Message cell, JsonObject content) {
    }

    /** A line the client sent while ask was the one waiting. */
    private record Reply(Ask to, String value) {
    }

    private final Channel stdin;
    private final Supplier<Message> cell;
    private final BlockingQueue<Ask> asks = new LinkedBlockingQueue<>();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

    /** cell: the execute_request running. */
    NotebookInput(Channel stdin, Supplier<Message> cell) {
        this.stdin = stdin;
        this.cell = cell;
    }

    @Override
    public String readLine(String prompt) throws InterruptedException {
        Message request = cell.get();
        if (request == null || !allowsStdin(request)) {
            throw new ParError("input() has nobody to ask: this notebook's client takes no input (allow_stdin is off)");
        }
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", false);
        Ask ask = new Ask(request, content);
        asks.add(ask);
        while (true) {
            Reply r = replies.take();
            if (r.to() == ask) {
                return r.value();
            } // else the answer to an earlier input() that an interrupt ended
        }
    }

    private static boolean allowsStdin(Message request) {
        JsonObject c = request.content();
        return c.has("allow_stdin") && c.get("allow_stdin").getAsBoolean();
    }

    /**
     * The socket's loop, while running says so: sends each ask, and hands on each reply's value.
     * A reply names no request (clients send input_reply without a parent), so what the socket
     * holds when an ask goes out is stale, an answer to an input() that was interrupted, and is
     * dropped, as ipykernel does.
     */
    void serve(BooleanSupplier running, PrintStream err) {
        Ask waiting = null;
        while (running.getAsBoolean()) {
            try {
                for (Ask ask = asks.poll(); ask != null; ask = asks.poll()) {
                    while (stdin.receiveNow() != null) {
                        // stale
                    }
                    stdin.reply(ask.cell(), "input_request", ask.content());
                    waiting = ask;
                }
                Message m = stdin.receive();
                if (m != null && m.type().equals("input_reply") && waiting != null) {
                    JsonObject c = m.content();
                    replies.add(new Reply(waiting,
                            c.has("value") && !c.get("value").isJsonNull() ? c.get("value").getAsString() : ""));
                    waiting = null;
                }
            } catch (Wire.Refused e) {
                err.println("par kernel: refused a message: " + e.getMessage());
            } catch (org.zeromq.ZMQException e) {
                return; // the context is closing
            }
        }
    }
}
