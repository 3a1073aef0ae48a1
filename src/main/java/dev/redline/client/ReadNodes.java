package dev.redline.client;

import dev.redline.config.ReadFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The replicas a one-primary deployment's reads go to, found once at the start: those the user
 * named, else those the primary's {@code INFO replication} lists online, or, behind sentinels,
 * those {@code SENTINEL REPLICAS} lists up. Each is reached and asked its role before the load
 * starts, so a wrong name is said once, not as a KO per request.
 *
 * @param primary the primary at the start
 * @param replicas the replicas reads go to (empty only for read_from: any)
 * @param commands which commands only read, from the primary's {@code COMMAND}
 */
record ReadNodes(HostAndPort primary, List<HostAndPort> replicas, ReadCommands commands) {

  /**
   * Finds the replicas of a standalone or sentinel deployment's primary.
   *
   * @param primary the primary now (the endpoint, or the one the sentinels name)
   * @throws IllegalArgumentException when a replica cannot be used, or read_from is replica and
   *     there is none
   */
  static ReadNodes find(ClientSettings settings, HostAndPort primary) {
    JedisClientConfig config = JedisConfigs.crossCheck(settings);
    ReadCommands commands;
    List<HostAndPort> replicas;
    ReplicationInfo primaryInfo;
    try (Jedis jedis = new Jedis(primary, config)) {
      commands =
          ReadCommands.fromCommandReply(
              jedis
                  .getConnection()
                  .executeCommand(
                      new CommandObject<>(
                          new CommandArguments(Protocol.Command.COMMAND),
                          BuilderFactory.RAW_OBJECT)));
      ReplicationInfo info = ReplicationInfo.parse(jedis.info("replication"));
      primaryInfo = info;
      if (!info.primary()) {
        throw new IllegalArgumentException(
            primary
                + " is a replica"
                + (info.primaryOf() == null ? "" : " of " + info.primaryOf())
                + ", not a primary: with read_from, point the run at the primary (writes go there)");
      }
      replicas =
          !settings.reads().named().isEmpty()
              ? settings.reads().named()
              : settings.deployment() instanceof Deployment.Sentinel sentinel
                  ? sentinelReplicas(settings, sentinel)
                  : info.onlineReplicas();
    } catch (JedisDataException denied) {
      if (!deniedOrRenamed(denied)) {
        throw denied; // a login that fails is said where every run's start says it
      }
      throw new IllegalArgumentException(
          "read_from needs COMMAND and INFO on the primary "
              + primary
              + ", which answered: "
              + denied.getMessage()
              + " (an ACL user needs +command +info)",
          denied);
    }
    if (replicas.isEmpty() && settings.reads().readFrom() == ReadFrom.REPLICA) {
      throw new IllegalArgumentException(
          "read_from is replica, but the primary "
              + primary
              + " has no replica online ("
              + (settings.deployment() instanceof Deployment.Sentinel
                  ? "SENTINEL REPLICAS lists none up"
                  : "its INFO replication lists none")
              + "); add a replica, or set read_from: primary or any");
    }
    for (HostAndPort replica : replicas) {
      checkReplica(replica, primary, primaryInfo, config, !settings.reads().named().isEmpty());
    }
    return new ReadNodes(primary, List.copyOf(replicas), commands);
  }

  /** Whether an error reply says a command is not allowed (ACL) or not known (renamed). */
  static boolean deniedOrRenamed(JedisDataException reply) {
    String message = String.valueOf(reply.getMessage());
    return message.startsWith("NOPERM") || message.startsWith("ERR unknown command");
  }

  /** Reaches a replica and checks that it is one, of this primary. */
  private static void checkReplica(
      HostAndPort replica,
      HostAndPort primary,
      ReplicationInfo primaryInfo,
      JedisClientConfig config,
      boolean named) {
    String source = named ? "named in redis.replicas" : "listed by the primary " + primary;
    ReplicationInfo info;
    try (Jedis jedis = new Jedis(replica, config)) {
      info = ReplicationInfo.parse(jedis.info("replication"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the replica "
              + replica
              + " ("
              + source
              + ") cannot be reached: "
              + e.getMessage()
              + (named ? "" : "; name the addresses this machine reaches with redis.replicas"),
          e);
    }
    if (info.primary()) {
      throw new IllegalArgumentException(
          "the replica "
              + replica
              + " ("
              + source
              + ") is a primary, not a replica; list only the replicas of "
              + primary);
    }
    if (!info.follows(primaryInfo, primary)) {
      throw new IllegalArgumentException(
          "the replica "
              + replica
              + " ("
              + source
              + ") follows "
              + info.primaryOf()
              + ", not the primary "
              + primary
              + "; list only the replicas of "
              + primary);
    }
  }

  /** The primary a one-primary deployment has now: the endpoint, or the sentinels' primary. */
  static HostAndPort primaryNow(ClientSettings settings) {
    if (settings.deployment() instanceof Deployment.Sentinel sentinel) {
      return askSentinels(
          settings,
          sentinel,
          "the primary",
          jedis -> {
            List<String> address = jedis.sentinelGetMasterAddrByName(sentinel.masterName());
            if (address == null || address.size() < 2) {
              throw new IllegalStateException(
                  "it monitors no master named '" + sentinel.masterName() + "'");
            }
            return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
          });
    }
    return new HostAndPort(settings.endpoint().host(), settings.endpoint().port());
  }

  /** The replicas the sentinels list for the master, but those they see down or disconnected. */
  private static List<HostAndPort> sentinelReplicas(
      ClientSettings settings, Deployment.Sentinel sentinel) {
    return askSentinels(
        settings,
        sentinel,
        "the replicas",
        jedis -> {
          List<HostAndPort> up = new ArrayList<>();
          for (Map<String, String> replica : jedis.sentinelReplicas(sentinel.masterName())) {
            String flags = replica.getOrDefault("flags", "");
            if (!flags.contains("down") && !flags.contains("disconnected")) {
              up.add(new HostAndPort(replica.get("ip"), Integer.parseInt(replica.get("port"))));
            }
          }
          return up;
        });
  }

  /** Asks the sentinels in turn until one answers. */
  private static <T> T askSentinels(
      ClientSettings settings,
      Deployment.Sentinel sentinel,
      String what,
      Function<Jedis, T> question) {
    RuntimeException last = null;
    for (HostAndPort node : sentinel.sentinels()) {
      try (Jedis jedis = new Jedis(node, JedisConfigs.sentinels(settings, sentinel))) {
        return question.apply(jedis);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException(
        "no sentinel of " + sentinel.sentinels() + " told " + what + ": " + last.getMessage(),
        last);
  }
}
