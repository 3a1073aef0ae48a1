package dev.redline.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.HostAndPort;

/**
 * A server's {@code INFO replication}: its role, its primary when it is a replica, and, when it is
 * a primary, its replication offset and each replica it feeds ({@code slave0:ip=...,port=...,
 * state=online,offset=...,lag=...}).
 *
 * @param primary true for {@code role:master}
 * @param primaryOf the primary a replica follows ({@code master_host:master_port}), or null
 * @param offset the primary's {@code master_repl_offset}; a replica's {@code slave_repl_offset}
 * @param lastIoSeconds a replica's {@code master_last_io_seconds_ago} (-1 when not connected)
 * @param replicationId {@code master_replid}: the stream a primary writes, and a synced replica
 *     follows
 * @param replicas the replicas it feeds, in INFO's order
 */
public record ReplicationInfo(
    boolean primary,
    HostAndPort primaryOf,
    long offset,
    long lastIoSeconds,
    String replicationId,
    List<Replica> replicas) {

  /**
   * One replica as its primary sees it.
   *
   * @param node the address the replica announced
   * @param online whether its state is {@code online} (else it is still syncing)
   * @param offset how far it has acknowledged the replication stream
   * @param lagSeconds seconds since its last acknowledgement (replicas acknowledge every second)
   */
  public record Replica(HostAndPort node, boolean online, long offset, long lagSeconds) {}

  /** Parses the text of {@code INFO replication}. */
  public static ReplicationInfo parse(String info) {
    boolean primary = false;
    String host = null;
    int port = -1;
    long offset = 0;
    long replicaOffset = 0;
    long lastIo = -1;
    String replicationId = "";
    List<Replica> replicas = new ArrayList<>();
    for (String raw : info.split("\r?\n")) {
      String line = raw.strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String field = line.substring(0, colon);
      String value = line.substring(colon + 1);
      if (field.equals("role")) {
        primary = value.equals("master");
      } else if (field.equals("master_host")) {
        host = value;
      } else if (field.equals("master_port")) {
        port = Integer.parseInt(value);
      } else if (field.equals("master_repl_offset")) {
        offset = Long.parseLong(value);
      } else if (field.equals("slave_repl_offset")) {
        replicaOffset = Long.parseLong(value);
      } else if (field.equals("master_replid")) {
        replicationId = value;
      } else if (field.equals("master_last_io_seconds_ago")) {
        lastIo = Long.parseLong(value);
      } else if (field.matches("slave\\d+")) {
        replicas.add(replica(value));
      }
    }
    HostAndPort primaryOf =
        !primary && host != null && port > 0 ? new HostAndPort(host, port) : null;
    return new ReplicationInfo(
        primary,
        primaryOf,
        primary ? offset : replicaOffset,
        lastIo,
        replicationId,
        List.copyOf(replicas));
  }

  /**
   * Whether this replica follows {@code primary}: it follows the primary's replication stream, or,
   * while it has not synced yet, names the primary as its own.
   */
  public boolean follows(ReplicationInfo primary, HostAndPort primaryAddress) {
    return (!replicationId.isEmpty() && replicationId.equals(primary.replicationId()))
        || (primaryOf != null && sameServer(primaryOf, primaryAddress));
  }

  /** The replicas that are online (fed the stream now). */
  public List<HostAndPort> onlineReplicas() {
    return replicas.stream().filter(Replica::online).map(Replica::node).toList();
  }

  /**
   * Whether two addresses name one server: the same port, and host names that are equal or resolve
   * to the same address. A name that does not resolve here names no server this machine knows.
   */
  public static boolean sameServer(HostAndPort a, HostAndPort b) {
    if (a.getPort() != b.getPort()) {
      return false;
    }
    if (a.getHost().equalsIgnoreCase(b.getHost())) {
      return true;
    }
    try {
      return InetAddress.getByName(a.getHost()).equals(InetAddress.getByName(b.getHost()));
    } catch (UnknownHostException unresolved) {
      return false;
    }
  }

  private static Replica replica(String value) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new Replica(
        new HostAndPort(fields.getOrDefault("ip", "?"), (int) number(fields.get("port"))),
        "online".equals(fields.get("state")),
        number(fields.get("offset")),
        number(fields.get("lag")));
  }

  private static long number(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
