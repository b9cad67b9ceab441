package par.child;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import par.wire.ChildMessage;

/**
 * When a child's channel counts as settled, which decides whether a release or a write may take
 * the fast path (one the hub does not see) or must go through the hub behind what was sent.
 */
class ChildChannelTest {
    private final ChildChannel channel = new ChildChannel(OutputStream.nullOutputStream(), false);

    /** READY changes nothing anybody sees: a child's first release went through the hub for it. */
    @Test
    void readyLeavesTheChannelSettled() {
        channel.send(new ChildMessage.Ready());
        assertTrue(channel.settled());
    }

    /** A printed line must reach the hub before a release lets the next holder print. */
    @Test
    void aLineUnsettlesItUntilTheHubAnswers() {
        channel.send(new ChildMessage.Ready());
        channel.send(new ChildMessage.Output("a line", true));
        assertFalse(channel.settled());
        channel.send(new ChildMessage.Ready()); // a reused child's next READY keeps the line pending
        assertFalse(channel.settled());
        channel.answered();
        assertTrue(channel.settled());
    }
}
