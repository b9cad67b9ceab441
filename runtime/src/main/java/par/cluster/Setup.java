package par.cluster;

import com.hazelcast.config.GlobalSerializerConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.StreamSerializer;

/**
 * What members and roots configure alike: the cluster's default name, the member attributes
 * that say what a member is, Par's version, and serialization with Java's switched off.
 */
final class Setup {
    /** The cluster name when none is given (--cluster, or NAME@ in an address). */
    static final String DEFAULT_NAME = "par";
    static final int DEFAULT_PORT = 5701;
    /** The executor every member runs Par's tasks on. */
    static final String EXECUTOR = "par";
    /** Member attributes: its Par version, its worker count, and its address as it reports it. */
    static final String VERSION = "par.version";
    static final String WORKERS = "par.workers";

    private Setup() {
    }

    /**
     * This build's version for the cluster; a test sets par.cluster.version to play a member of
     * another version.
     */
    static String version() {
        return System.getProperty("par.cluster.version", par.wire.Wire.PAR_VERSION);
    }

    /**
     * Par's one type (ParTask), and no Java serialization either way: a global serializer
     * takes Java's place and refuses every object it is handed, and the filter would refuse to
     * read any Java-serialized class (only a class that does not exist is on its list).
     */
    static SerializationConfig serialization(SerializationConfig config) {
        config.addDataSerializableFactory(ParTask.FACTORY_ID, classId -> classId == ParTask.CLASS_ID ? new ParTask() : null);
        config.setGlobalSerializerConfig(new GlobalSerializerConfig().setImplementation(new Refuse())
                .setOverrideJavaSerialization(true));
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist().addClasses("par.cluster.NothingIsJavaSerialized");
        config.setJavaSerializationFilterConfig(filter);
        config.setAllowUnsafe(false);
        return config;
    }

    /** Hazelcast's own log is off: Par says what matters in its own words. */
    static void quiet(java.util.function.BiConsumer<String, String> property) {
        // as a system property too: Hazelcast logs a warning about the JDK's modules before it reads its config
        System.setProperty("hazelcast.logging.type", "none");
        property.accept("hazelcast.logging.type", "none");
        property.accept("hazelcast.phone.home.enabled", "false");
        property.accept("hazelcast.shutdownhook.enabled", "false");
    }

    /** Where Java serialization would be: refuses everything. */
    static final class Refuse implements StreamSerializer<Object> {
        @Override
        public int getTypeId() {
            return 1_000_000;
        }

        @Override
        public void write(ObjectDataOutput out, Object object) {
            throw new HazelcastSerializationException("Par sends no Java objects between machines, only its own "
                    + "codec's bytes: refused " + object.getClass().getName());
        }

        @Override
        public Object read(ObjectDataInput in) {
            throw new HazelcastSerializationException("Par reads no Java objects from the network");
        }
    }
}
