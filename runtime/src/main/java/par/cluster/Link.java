package par.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;

import par.interp.ParError;

/**
 * A root's connection to one cluster: a Hazelcast client (it holds no data and runs no tasks),
 * made when the program's first pool there is, and shared by its later pools. It tells the
 * pools when members come and go, and when the cluster is lost altogether (the client does
 * not reconnect: a program whose members are all gone fails rather than waits).
 */
final class Link {
    private static final Map<String, Link> LINKS = new ConcurrentHashMap<>();

    final String cluster;
    final String address;
    final HazelcastInstance client;
    final IExecutorService executor;
    private final List<ClusterPool> pools = new CopyOnWriteArrayList<>();
    private volatile boolean lost;

    private Link(String cluster, String address, HazelcastInstance client) {
        this.cluster = cluster;
        this.address = address;
        this.client = client;
        this.executor = client.getExecutorService(Setup.EXECUTOR);
    }

    /** The link to the cluster written as {@code [NAME@]HOST:PORT[,HOST:PORT...]}, made on first use. */
    static synchronized Link to(String spec) {
        Link link = LINKS.get(spec);
        if (link == null || link.lost) {
            link = open(spec);
            LINKS.put(spec, link);
        }
        return link;
    }

    private static Link open(String spec) {
        int at = spec.indexOf('@');
        String cluster = at < 0 ? Setup.DEFAULT_NAME : spec.substring(0, at);
        String address = spec.substring(at + 1);
        List<String> addresses = new ArrayList<>();
        for (String a : address.split(",")) {
            if (!a.isBlank()) {
                addresses.add(a.trim());
            }
        }
        if (cluster.isBlank() || addresses.isEmpty()) {
            throw new ParError("a cluster is written HOST:PORT, or NAME@HOST:PORT,HOST:PORT..., not '" + spec + "'");
        }
        ClientConfig c = new ClientConfig();
        c.setClusterName(cluster);
        Setup.quiet(c::setProperty);
        c.setProperty("hazelcast.client.heartbeat.interval", "1000");
        c.setProperty("hazelcast.client.heartbeat.timeout", "5000");
        c.getNetworkConfig().setAddresses(addresses).setSmartRouting(true);
        c.getConnectionStrategyConfig().setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.OFF)
                .getConnectionRetryConfig().setClusterConnectTimeoutMillis(5000);
        Setup.serialization(c.getSerializationConfig());
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(c);
        } catch (RuntimeException e) {
            throw new ParError("cannot reach cluster '" + cluster + "' at " + address
                    + ": no member answered in 5 s (are the members started, with this --cluster name, and is the port open?)");
        }
        Link link = new Link(cluster, address, client);
        client.getCluster().addMembershipListener(link.new Members());
        client.getLifecycleService().addLifecycleListener(link.new Lifecycle());
        return link;
    }

    /** Lets every link go: a program's links end with its JVM, a test's here. */
    static synchronized void closeAll() {
        for (Link link : LINKS.values()) {
            link.client.shutdown();
        }
        LINKS.clear();
    }

    void attach(ClusterPool pool) {
        pools.add(pool);
    }

    void detach(ClusterPool pool) {
        pools.remove(pool);
    }

    java.util.Set<Member> members() {
        return lost ? java.util.Set.of() : client.getCluster().getMembers();
    }

    /** The client's own id: the members close its pools when it goes away. */
    String clientId() {
        return client.getLocalEndpoint().getUuid().toString();
    }

    private final class Members implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent e) {
            for (ClusterPool p : pools) {
                p.memberAdded(e.getMember());
            }
        }

        @Override
        public void memberRemoved(MembershipEvent e) {
            for (ClusterPool p : pools) {
                p.memberGone(e.getMember(), "left the cluster");
            }
        }
    }

    private final class Lifecycle implements LifecycleListener {
        @Override
        public void stateChanged(LifecycleEvent e) {
            if (e.getState() == LifecycleEvent.LifecycleState.CLIENT_DISCONNECTED
                    || e.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
                lost = true;
                for (ClusterPool p : pools) {
                    p.clusterLost();
                }
            }
        }
    }
}
