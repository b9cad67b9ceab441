package par.proc;

import java.lang.reflect.InvocationTargetException;
import par.interp.Nil;
import par.interp.ParError;
import par.interp.Values;

/**
 * The way to a pool across machines, kept shut until a program asks for one: par.cluster (and
 * with it Hazelcast) is reached by name, so a program that never asks loads none of it.
 */
final class ClusterDoor {
    /** The environment variable that sends every pool() of a program to a cluster. */
    static final String ENV = "PAR_CLUSTER";

    private ClusterDoor() {
    }

    /** The cluster a pool() is asked for: its cluster= argument (nil: none), else PAR_CLUSTER; null for none. */
    static String address(Object given) {
        if (given instanceof String s) {
            return s;
        }
        if (given != Nil.NIL) {
            throw new ParError("cluster= needs a string such as \"lab1:5701\", not " + Values.aType(given));
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? null : env.trim();
    }

    /** Joins the cluster at address as a client and makes a pool there with this image. */
    static PoolTasks open(String address, byte[] image) {
        try {
            return (PoolTasks) Class.forName("par.cluster.ClusterPool")
                    .getMethod("open", String.class, byte[].class).invoke(null, address, image);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // a ParError saying why, made where the reason is known
            }
            throw new ParError("cannot open a pool on the cluster at " + address + ": " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ParError("this build of Par has no cluster support (" + e + ")");
        }
    }
}
