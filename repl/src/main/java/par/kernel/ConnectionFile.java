package par.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What a Jupyter client tells a kernel it starts (the file after {@code -f}): where each of the
 * five sockets listens and the key that signs every message.
 */
record ConnectionFile(String transport, String ip, int shell, int control, int stdin, int iopub, int heartbeat,
                      String key, String scheme) {

    static ConnectionFile read(Path file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        String scheme = o.has("signature_scheme") ? o.get("signature_scheme").getAsString() : "hmac-sha256";
        if (!scheme.equals("hmac-sha256")) {
            throw new IOException("signature scheme " + scheme + " is not supported (only hmac-sha256)");
        }
        return new ConnectionFile(o.get("transport").getAsString(), o.get("ip").getAsString(),
                o.get("shell_port").getAsInt(), o.get("control_port").getAsInt(), o.get("stdin_port").getAsInt(),
                o.get("iopub_port").getAsInt(), o.get("hb_port").getAsInt(),
                o.has("key") ? o.get("key").getAsString() : "", scheme);
    }

    /** The address a socket binds: {@code tcp://127.0.0.1:PORT}. */
    String address(int port) {
        return transport + "://" + ip + (transport.equals("ipc") ? "-" : ":") + port;
    }
}
