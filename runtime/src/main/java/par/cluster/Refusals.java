package par.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.TreeSet;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

/**
 * Who may work together, in words a person can act on. Members of one cluster must run the
 * same Par version (they exchange its frames and values); Hazelcast itself keeps out a member
 * of another cluster name, silently, so a member that was told whom to join and finds itself
 * alone says why.
 */
final class Refusals {
    private Refusals() {
    }

    /**
     * Why a member that has just started must leave again, or null if it may stay. The cluster's
     * version is its oldest member's: of two members joining at once, one of another version,
     * only that one leaves.
     */
    static String ofMember(HazelcastInstance hz, MemberMain.Options o) {
        String mine = Setup.version();
        Collection<Member> members = hz.getCluster().getMembers();
        String oldest = members.iterator().next().getAttribute(Setup.VERSION); // Hazelcast lists the oldest first
        if (!mine.equals(oldest)) {
            return "the members of cluster '" + o.cluster() + "' run Par " + oldest
                    + ", and this is Par " + mine + ": every member must run the same version";
        }
        if (members.size() == 1) {
            for (String address : o.join()) {
                if (!isSelf(address, o) && answers(address)) {
                    return address + " answers, but did not let this member into cluster '" + o.cluster()
                            + "': it is a member of another cluster (see its --cluster), or of another Par version";
                }
            }
        }
        return null;
    }

    /** Which of the members a root may use: those of its own version. */
    static boolean usable(Member m) {
        return Setup.version().equals(m.getAttribute(Setup.VERSION));
    }

    /** Why a root cannot use any member of those the cluster has. */
    static String noUsable(Collection<Member> members, String cluster, String address) {
        if (members.isEmpty()) {
            return "no member is left in cluster '" + cluster + "' at " + address;
        }
        TreeSet<String> versions = new TreeSet<>();
        for (Member m : members) {
            versions.add(String.valueOf(m.getAttribute(Setup.VERSION)));
        }
        return "the members of cluster '" + cluster + "' at " + address + " run Par " + String.join(", ", versions)
                + ", and this is Par " + Setup.version() + ": they cannot run its tasks";
    }

    private static boolean isSelf(String address, MemberMain.Options o) {
        String[] hp = address.split(":");
        int port = hp.length > 1 ? Integer.parseInt(hp[1].trim()) : Setup.DEFAULT_PORT;
        return port == o.port() && (hp[0].equals("127.0.0.1") || hp[0].equals("localhost") || hp[0].equals(o.host()));
    }

    private static boolean answers(String address) {
        String[] hp = address.split(":");
        int port = hp.length > 1 ? Integer.parseInt(hp[1].trim()) : Setup.DEFAULT_PORT;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hp[0].trim(), port), 1000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
