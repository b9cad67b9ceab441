package par.kernel;

import java.util.List;

import com.google.gson.JsonObject;

/**
 * One message of the Jupyter protocol: the routing identities it came with (a reply goes back
 * with them), its header, the header of the message it answers, metadata and content.
 */
record Message(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata,
               JsonObject content) {

    String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }
}
