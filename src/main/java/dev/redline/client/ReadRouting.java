package dev.redline.client;

import dev.redline.config.ReadFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * How a protocol's clients route reads (read_from): every command to the primary, or reads to
 * replicas (or to any node). Made once per protocol: the replicas are found and checked once, and
 * every client counts its reads per node in the same {@link ReadCounts}.
 */
final class ReadRouting {
  private final ClientSettings settings;
  private final ReadNodes nodes; // one-primary deployments that route reads; else null
  private final ReadCounts counts = new ReadCounts();
  private ReadCommands clusterCommands;
  private boolean clusterChecked;

  private ReadRouting(ClientSettings settings, ReadNodes nodes) {
    this.settings = settings;
    this.nodes = nodes;
  }

  /**
   * The routing of these settings; with read_from replica or any on one primary, its replicas are
   * found and checked now.
   *
   * @throws IllegalArgumentException when a replica cannot be used, or there is none to read from
   */
  static ReadRouting of(ClientSettings settings) {
    boolean onePrimary = !(settings.deployment() instanceof Deployment.Cluster);
    return new ReadRouting(
        settings,
        settings.reads().routesReads() && onePrimary
            ? ReadNodes.find(settings, ReadNodes.primaryNow(settings))
            : null);
  }

  /** Reads sent per node so far (empty when every command goes to the primary). */
  ReadCounts counts() {
    return counts;
  }

  /** The replicas found for a one-primary deployment (empty otherwise). */
  List<HostAndPort> replicas() {
    return nodes == null ? List.of() : nodes.replicas();
  }

  /** A client's links to one primary: as they are, or with its reads routed to the read nodes. */
  LinkSource around(LinkSource primary, Function<HostAndPort, ServerLinks> replicaLinks) {
    if (nodes == null) {
      return primary;
    }
    List<ServerLinks> replicas = new ArrayList<>();
    try {
      for (HostAndPort replica : nodes.replicas()) {
        replicas.add(replicaLinks.apply(replica));
      }
    } catch (RuntimeException e) {
      for (ServerLinks opened : replicas) {
        try {
          opened.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
      }
      try {
        primary.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return new ReplicaReadLinks(
        primary,
        nodes.primary(),
        replicas,
        nodes.replicas(),
        settings.reads().readFrom() == ReadFrom.ANY,
        settings.endpoint().database(),
        nodes.commands(),
        counts);
  }

  /**
   * A cluster client's read routing, or null when its reads go to the primaries.
   *
   * @throws IllegalArgumentException for read_from replica when a primary has no replica
   */
  synchronized ClusterReads forCluster(ReplicaSlots slots) {
    if (!settings.reads().routesReads()) {
      return null;
    }
    if (!clusterChecked) {
      if (settings.reads().readFrom() == ReadFrom.REPLICA) {
        HostAndPort lonely = slots.primaryWithoutReplica();
        if (lonely != null) {
          slots.renewSlotCache(); // a replica that joined a moment ago
          lonely = slots.primaryWithoutReplica();
        }
        if (lonely != null) {
          throw new IllegalArgumentException(
              "read_from is replica, but the cluster's primary "
                  + lonely
                  + " has no replica to read its slots from; add replicas, or set read_from:"
                  + " primary or any");
        }
      }
      try (Connection connection = slots.getConnection()) {
        clusterCommands =
            ReadCommands.fromCommandReply(
                connection.executeCommand(
                    new CommandObject<>(
                        new CommandArguments(Protocol.Command.COMMAND),
                        BuilderFactory.RAW_OBJECT)));
      } catch (JedisDataException denied) {
        if (!ReadNodes.deniedOrRenamed(denied)) {
          throw denied; // a login that fails is said where every run's start says it
        }
        throw new IllegalArgumentException(
            "read_from needs COMMAND on the cluster's nodes, which answered: "
                + denied.getMessage()
                + " (an ACL user needs +command)",
            denied);
      }
      clusterChecked = true;
    }
    return new ClusterReads(
        slots, settings.reads().readFrom() == ReadFrom.ANY, clusterCommands, counts);
  }

  /** Which commands only read, as the servers flag them (null until known). */
  synchronized ReadCommands commands() {
    return nodes != null ? nodes.commands() : clusterCommands;
  }
}
