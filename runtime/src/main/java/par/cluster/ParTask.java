package par.cluster;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The one type Par gives Hazelcast: a request from a root to a member's pools, as bytes in
 * Par's own codec ({@link Messages}), run on the member by its executor. Its answer is bytes
 * too (a byte array, which Hazelcast carries as it is). Nothing else of Par's crosses the
 * network, and never by Java serialization.
 */
public final class ParTask implements Callable<byte[]>, IdentifiedDataSerializable {
    static final int FACTORY_ID = 0x50415231; // "PAR1"
    static final int CLASS_ID = 1;

    private byte[] payload;

    /** For Hazelcast's factory, which fills it in with readData. */
    ParTask() {
    }

    ParTask(byte[] payload) {
        this.payload = payload;
    }

    @Override
    public byte[] call() {
        return MemberPools.handle(payload);
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(payload);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        payload = in.readByteArray();
    }
}
