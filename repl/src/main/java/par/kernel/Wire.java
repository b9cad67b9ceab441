package par.kernel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Jupyter messages to ZeroMQ frames and back ({@code identities, <IDS|MSG>, signature, header,
 * parent, metadata, content}), signing each with HMAC-SHA256 under the connection's key and
 * refusing any whose signature does not match: whoever can reach the ports could otherwise run
 * code. An empty key means no signing, as the protocol says.
 */
final class Wire {
    static final String PROTOCOL = "5.3";
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /** A message whose signature is wrong, or that is not a Jupyter message at all. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    private final byte[] key;
    private final String session = UUID.randomUUID().toString();

    Wire(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** The frames of a message received, checked. */
    Message read(List<byte[]> frames) throws Refused {
        int d = 0;
        while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (frames.size() < d + 6) {
            throw new Refused("not a Jupyter message (" + frames.size() + " frames)");
        }
        List<byte[]> parts = frames.subList(d + 2, d + 6);
        byte[] given = frames.get(d + 1);
        if (key.length > 0 && !MessageDigest.isEqual(given, sign(parts).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("bad signature");
        }
        return new Message(new ArrayList<>(frames.subList(0, d)), json(parts.get(0)), json(parts.get(1)),
                json(parts.get(2)), json(parts.get(3)));
    }

    /** A new message of type, answering parent (null for none), to go to identities. */
    Message make(String type, Message parent, JsonObject content, List<byte[]> identities) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "par");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", PROTOCOL);
        return new Message(identities, header, parent == null ? new JsonObject() : parent.header(), new JsonObject(),
                content);
    }

    /** The frames of a message to send, signed. */
    List<byte[]> frames(Message m) {
        List<byte[]> parts = List.of(bytes(m.header()), bytes(m.parent()), bytes(m.metadata()), bytes(m.content()));
        List<byte[]> frames = new ArrayList<>(m.identities());
        frames.add(DELIMITER);
        frames.add(sign(parts).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(parts);
        return frames;
    }

    /** The hex HMAC-SHA256 of the four parts, or "" with no key. */
    String sign(List<byte[]> parts) {
        if (key.length == 0) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            parts.forEach(mac::update);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static JsonObject json(byte[] bytes) throws Refused {
        try {
            return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new Refused("a part is not a JSON object");
        }
    }

    private static byte[] bytes(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
