package par.cluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * {@code par member}: a Hazelcast member on this machine, in the named cluster (found by TCP-IP
 * only, no multicast), whose pools run on N worker JVMs of its own. It says one line when it
 * is ready, and stops with its workers on Ctrl-C, SIGTERM or SIGHUP (its terminal's death).
 */
public final class MemberMain {
    private MemberMain() {
    }

    /** What the command line asked for. */
    record Options(String cluster, int port, String host, List<String> join, int workers) {
        static Options parse(String[] args) {
            String cluster = Setup.DEFAULT_NAME;
            int port = Setup.DEFAULT_PORT;
            String host = null;
            List<String> join = new ArrayList<>();
            int workers = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--cluster" -> cluster = need(args[i], value);
                    case "--port" -> port = number(args[i], need(args[i], value), 1, 65535);
                    case "--host" -> host = need(args[i], value);
                    case "--join" -> join.addAll(List.of(need(args[i], value).split(",")));
                    case "--workers" -> workers = number(args[i], need(args[i], value), 1, 1024);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
                i++;
            }
            return new Options(cluster, port, host, join, workers);
        }

        private static String need(String option, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            return value.trim();
        }

        private static int number(String option, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", not " + value);
        }
    }

    static final String USAGE = "usage: par member [--cluster NAME] [--port P] [--host ADDRESS] "
            + "[--join HOST:PORT,...] [--workers N]";

    /** Runs a member until it is stopped; the exit status (2 for a bad command line). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("par member: " + e.getMessage());
            return 2;
        }
        MemberPools pools = new MemberPools(o.workers(), out);
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(config(o));
        } catch (RuntimeException e) {
            pools.stop();
            err.println("par member: cannot start: " + e.getMessage());
            return 1;
        }
        Member self = hz.getCluster().getLocalMember();
        String where = self.getAddress().getHost() + ":" + self.getAddress().getPort();
        pools.locatedAt(where);
        String refusal = Refusals.ofMember(hz, o);
        if (refusal != null) {
            err.println("par member: refused: " + refusal);
            hz.getLifecycleService().terminate();
            pools.stop();
            return 1;
        }
        pools.warm(); // the workers' JVMs boot now, once the member is let in
        hz.getClientService().addClientListener(new ClientListener() {
            @Override
            public void clientConnected(Client client) {
            }

            @Override
            public void clientDisconnected(Client client) {
                pools.clientGone(client.getUuid().toString());
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pools.stop();
            hz.getLifecycleService().terminate();
            stopped.countDown();
        }, "par-member-stop"));
        out.println("par member: ready: cluster '" + o.cluster() + "' at " + where + ", " + o.workers() + " workers, "
                + hz.getCluster().getMembers().size() + " members (Ctrl-C stops it)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static Config config(Options o) {
        Config c = new Config();
        c.setClusterName(o.cluster());
        Setup.quiet(c::setProperty);
        // a member that dies is noticed in seconds, not Hazelcast's default minute
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        // a root that dies has its pools closed at once (Hazelcast waits 10 s by default)
        c.setProperty("hazelcast.client.endpoint.remove.delay.seconds", "0");
        c.setProperty("hazelcast.initial.min.cluster.size", "1");
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(o.port()).setPortAutoIncrement(false);
        if (o.host() != null) {
            net.setPublicAddress(o.host() + ":" + o.port());
            c.setProperty("hazelcast.local.localAddress", o.host());
        }
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(o.join()).setConnectionTimeoutSeconds(2);
        c.getMemberAttributeConfig().setAttribute(Setup.VERSION, Setup.version());
        c.getMemberAttributeConfig().setAttribute(Setup.WORKERS, Integer.toString(o.workers()));
        c.getExecutorConfig(Setup.EXECUTOR).setPoolSize(Math.max(16, 4 * o.workers()));
        Setup.serialization(c.getSerializationConfig());
        c.getJetConfig().setEnabled(false);
        return c;
    }
}
