package org.confdsl.template;

import java.util.Objects;

/**
 * One DNS SRV record, as returned by {@code lookupSRV}. Properties read as {@code srv.target} or,
 * as in confd's Go templates, {@code srv.Target}.
 *
 * @param target the target host name, with its trailing dot as DNS gives it (as Go's net.SRV)
 * @param port the port
 * @param priority the priority (lower is preferred)
 * @param weight the relative weight among records of equal priority
 */
public record Srv(String target, int port, int priority, int weight) {

    public Srv {
        Objects.requireNonNull(target, "target");
    }

    /** The target host name. */
    public String getTarget() {
        return target;
    }

    /** The port. */
    public int getPort() {
        return port;
    }

    /** The priority. */
    public int getPriority() {
        return priority;
    }

    /** The weight. */
    public int getWeight() {
        return weight;
    }
}
