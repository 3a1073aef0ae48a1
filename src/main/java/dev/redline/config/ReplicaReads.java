package dev.redline.config;

import java.util.List;
import redis.clients.jedis.HostAndPort;

/**
 * Where reads go, and which replicas serve them when the deployment is one primary whose replicas
 * the user names (else they are found: {@code INFO replication} of the primary, the sentinels'
 * {@code SENTINEL REPLICAS}, a cluster's slot map).
 *
 * @param readFrom primary, replica or any
 * @param named replicas named by the user (a standalone primary's only); empty: found at the start
 */
public record ReplicaReads(ReadFrom readFrom, List<HostAndPort> named) {
  /** Every command to the primary. */
  public static final ReplicaReads PRIMARY = new ReplicaReads(ReadFrom.PRIMARY, List.of());

  public ReplicaReads {
    named = List.copyOf(named);
  }

  /** Whether some reads go to replicas. */
  public boolean routesReads() {
    return readFrom != ReadFrom.PRIMARY;
  }

  public ReplicaReads withReadFrom(ReadFrom to) {
    return new ReplicaReads(to, named);
  }

  public ReplicaReads withNamed(List<HostAndPort> to) {
    return new ReplicaReads(readFrom, to);
  }
}
