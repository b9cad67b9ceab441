package par.kernel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import par.hub.Trace;
import par.repl.LineSplitter;
import par.repl.Session;

/**
 * {@code par kernel -f CONNECTION}: a Jupyter kernel speaking the messaging protocol (5.3) over
 * ZeroMQ. The shell socket's requests run one at a time on the shell thread; the control
 * socket has a thread of its own, so an interrupt or a shutdown is heard while a cell runs;
 * the heartbeat echoes on a third, and a fourth asks the notebook for input() lines. SIGINT (how a client interrupts a kernel whose spec says
 * "signal") stops the running cell's own wait, as Ctrl-C does in the REPL; children go on.
 */
public final class Kernel {
    static final String VERSION = par.wire.Wire.PAR_VERSION;
    /** How often the socket loops look up from a quiet socket to see whether the kernel is ending. */
    private static final int LOOK_UP_MS = 200;
    /** The stdin loop's: an input() waits at most this long for its ask to be sent. */
    private static final int INPUT_LOOK_UP_MS = 20;

    private final ZContext context = new ZContext();
    private final Wire wire;
    private final ConnectionFile connection;
    private final Channel iopub;
    private final Session session;
    private final Cells cells;
    private final Introspection introspection;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean restart;

    private Kernel(ConnectionFile connection) {
        this.connection = connection;
        this.wire = new Wire(connection.key());
        this.iopub = new Channel(bind(SocketType.PUB, connection.iopub()), wire);
        Trace trace = new Trace(null, false);
        // input() in a cell asks the notebook (NotebookInput), never a stream
        CellOutput.Spawns spawns = new CellOutput.Spawns();
        this.session = new Session(new ByteArrayInputStream(new byte[0]), new CellOutput(iopub, "stdout", this::cell, spawns),
                new PrintStream(new LineSplitter(new CellOutput(iopub, "stderr", this::cell, spawns)), true,
                        StandardCharsets.UTF_8), trace);
        this.cells = new Cells(session, trace, iopub);
        session.processes().onSpawn(id -> spawns.spawned(id, cell()));
        session.interp().setProgress(new CellProgressBar(iopub, this::cell));
        this.introspection = new Introspection(session.interp().globals);
    }

    private Message cell() {
        return cells == null ? null : cells.current();
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(1000); // the last replies (shutdown's) still go out as the kernel closes
        s.setReceiveTimeOut(LOOK_UP_MS);
        s.bind(connection.address(port));
        return s;
    }

    /** Runs the kernel the connection file describes until a shutdown_request; answers the exit status. */
    public static int run(Path connectionFile, PrintStream err) {
        ConnectionFile connection;
        try {
            connection = ConnectionFile.read(connectionFile);
        } catch (IOException | RuntimeException e) {
            err.println("par: error: cannot read the connection file " + connectionFile + ": " + e.getMessage());
            return 2;
        }
        return new Kernel(connection).serve(err);
    }

    private int serve(PrintStream err) {
        Channel shell = new Channel(bind(SocketType.ROUTER, connection.shell()), wire);
        Channel control = new Channel(bind(SocketType.ROUTER, connection.control()), wire);
        ZMQ.Socket stdinSocket = bind(SocketType.ROUTER, connection.stdin());
        stdinSocket.setReceiveTimeOut(INPUT_LOOK_UP_MS);
        NotebookInput input = new NotebookInput(new Channel(stdinSocket, wire), this::cell);
        session.interp().setLineSource(input);
        ZMQ.Socket heartbeat = bind(SocketType.REP, connection.heartbeat());
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> session.interruptRunning());
        Thread[] loops = {loop("par-kernel-shell", shell, err), loop("par-kernel-control", control, err),
                new Thread(() -> echo(heartbeat), "par-kernel-heartbeat"),
                new Thread(() -> input.serve(() -> running, err), "par-kernel-stdin")};
        for (Thread t : loops) {
            t.setDaemon(true);
            t.start();
        }
        iopub.publish("status", null, status("starting"));
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        session.interruptRunning();
        session.stopChildren();
        session.processes().shutdown(false);
        for (Thread t : loops) {
            try {
                t.join(LOOK_UP_MS * 5L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        context.close();
        return 0;
    }

    private Thread loop(String name, Channel channel, PrintStream err) {
        return new Thread(() -> {
            while (running) {
                Message m;
                try {
                    m = channel.receive();
                } catch (Wire.Refused e) {
                    err.println("par kernel: refused a message: " + e.getMessage());
                    continue;
                } catch (org.zeromq.ZMQException e) {
                    return; // the context is closing
                }
                if (m != null) {
                    handle(channel, m);
                }
            }
        }, name);
    }

    /** Answers one request, with status busy before and idle after, as clients expect. */
    private void handle(Channel channel, Message request) {
        iopub.publish("status", request, status("busy"));
        try {
            String type = request.type();
            JsonObject content = request.content();
            switch (type) {
                case "kernel_info_request" -> channel.reply(request, "kernel_info_reply", info());
                case "execute_request" -> channel.reply(request, "execute_reply", cells.execute(request));
                case "complete_request" -> channel.reply(request, "complete_reply", introspection.complete(content));
                case "inspect_request" -> channel.reply(request, "inspect_reply", introspection.inspect(content));
                case "is_complete_request" ->
                        channel.reply(request, "is_complete_reply", introspection.isComplete(content));
                case "history_request" -> channel.reply(request, "history_reply", history());
                case "comm_info_request" -> channel.reply(request, "comm_info_reply", comms());
                case "interrupt_request" -> {
                    session.interruptRunning();
                    channel.reply(request, "interrupt_reply", ok());
                }
                case "shutdown_request" -> shutdown(channel, request);
                default -> {
                    // an unknown request gets no reply, as the protocol allows
                }
            }
        } finally {
            iopub.publish("status", request, status("idle"));
        }
    }

    /** Replies, then lets the main thread stop the children and end the kernel. */
    private void shutdown(Channel channel, Message request) {
        restart = request.content().has("restart") && request.content().get("restart").getAsBoolean();
        JsonObject reply = ok();
        reply.addProperty("restart", restart);
        channel.reply(request, "shutdown_reply", reply);
        ended.countDown();
    }

    private void echo(ZMQ.Socket heartbeat) {
        while (running) {
            try {
                byte[] ping = heartbeat.recv();
                if (ping != null) {
                    heartbeat.send(ping);
                }
            } catch (org.zeromq.ZMQException e) {
                return;
            }
        }
    }

    private static JsonObject info() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "par");
        language.addProperty("version", VERSION);
        language.addProperty("mimetype", "text/x-par");
        language.addProperty("file_extension", ".par");
        // the closest highlighting a notebook has built in: Par reads like Python with braces
        language.addProperty("codemirror_mode", "python");
        language.addProperty("pygments_lexer", "python");
        JsonObject reply = ok();
        reply.addProperty("protocol_version", Wire.PROTOCOL);
        reply.addProperty("implementation", "par");
        reply.addProperty("implementation_version", VERSION);
        reply.add("language_info", language);
        reply.addProperty("banner", "Par " + VERSION + " - processes you can play with");
        reply.add("help_links", new JsonArray());
        return reply;
    }

    private static JsonObject history() {
        JsonObject reply = ok();
        reply.add("history", new JsonArray());
        return reply;
    }

    private static JsonObject comms() {
        JsonObject reply = ok();
        reply.add("comms", new JsonObject());
        return reply;
    }

    private static JsonObject status(String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        return content;
    }

    private static JsonObject ok() {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        return reply;
    }
}
