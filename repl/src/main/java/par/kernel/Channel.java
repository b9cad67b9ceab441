package par.kernel;

import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZMQ;

/**
 * One of the kernel's ZeroMQ sockets with the wire around it. A ZeroMQ socket may be used by
 * one thread at a time: the socket's own loop receives, and sends (IOPub's stream messages come
 * from whichever thread printed) take turns under this object's monitor.
 */
final class Channel {
    private final ZMQ.Socket socket;
    private final Wire wire;

    Channel(ZMQ.Socket socket, Wire wire) {
        this.socket = socket;
        this.wire = wire;
    }

    /** The next message, or null when none came within the socket's receive time-out. */
    Message receive() throws Wire.Refused {
        return receive(0);
    }

    /** A message that has come already, or null: no wait. */
    Message receiveNow() throws Wire.Refused {
        return receive(ZMQ.DONTWAIT);
    }

    private Message receive(int flags) throws Wire.Refused {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return wire.read(frames);
    }

    /** Answers request with a message of type (a reply goes back to the request's identities). */
    void reply(Message request, String type, com.google.gson.JsonObject content) {
        send(wire.make(type, request, content, request.identities()));
    }

    /** Broadcasts a message of type on IOPub, as part of answering parent (null: of nothing). */
    void publish(String type, Message parent, com.google.gson.JsonObject content) {
        send(wire.make(type, parent, content, List.of(type.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    private synchronized void send(Message m) {
        List<byte[]> frames = wire.frames(m);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}
