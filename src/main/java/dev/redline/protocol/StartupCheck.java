package dev.redline.protocol;

import dev.redline.client.ClientInstance;
import dev.redline.client.ClientSettings;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.Deployment;
import dev.redline.client.JedisConfigs;
import dev.redline.client.LoopTransport;
import dev.redline.client.ProtocolClients;
import dev.redline.client.RedisLink;
import dev.redline.command.RedisFailure;
import dev.redline.measure.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/** Before any load starts: can every client reach and log in to Redis? */
final class StartupCheck {
  private StartupCheck() {}

  /**
   * Makes the client pool. A cluster client reads the slot map and a sentinel pool asks for the
   * primary right here, so an unreachable cluster or sentinel set stops the run at once.
   *
   * @param loginOrigin where the login came from, said if the server refuses it; null if unknown
   * @throws RedlineStartupException naming the deployment, the cause, and what to check
   */
  static ProtocolClients connect(
      ClientSettings settings,
      LoopTransport transport,
      boolean startDuringOutage,
      String loginOrigin) {
    String mismatch = modeMismatch(settings);
    if (mismatch != null) {
      throw new RedlineStartupException(mismatch);
    }
    try {
      return new ProtocolClients(settings, transport);
    } catch (IllegalArgumentException e) {
      throw new RedlineStartupException(
          e.getMessage()); // a setting that cannot work, e.g. an unreadable TLS key
    } catch (RuntimeException e) {
      RedisFailure failure = RedisFailure.of(e);
      throw new RedlineStartupException(
          "cannot use Redis "
              + settings.describe()
              + ": "
              + said(failure)
              + hint(failure, settings, loginOrigin)
              + sentinelsSay(settings)
              + (startDuringOutage
                  ? " (startDuringOutage cannot help here: the client needs the cluster's slot map, the"
                      + " sentinels' primary, or with read_from the primary's replicas, to start)"
                  : ""));
    }
  }

  /**
   * Sends one PING through each client (a cluster client has already read the slot map, logged in,
   * when it was made: a PING there would go to every primary).
   *
   * @throws RedlineStartupException naming the endpoint and the cause
   */
  static void verify(
      ProtocolClients pool,
      LatencyRecorder recorder,
      boolean startDuringOutage,
      String loginOrigin) {
    ClientSettings settings = pool.settings();
    if (settings.deployment() instanceof Deployment.Cluster) {
      return; // making the cluster clients read the slot map from the nodes, logged in: that was
      // the check
    }
    for (ClientInstance client : pool.clients()) {
      RedisLink link = null;
      try {
        link = client.acquireOnce();
        recorder.sent("ping");
        link.send(Protocol.Command.PING, new String[0]);
      } catch (RuntimeException e) {
        RedisFailure failure = RedisFailure.of(e);
        String problem =
            "cannot use Redis "
                + settings.describe()
                + ": "
                + said(failure)
                + hint(failure, settings, loginOrigin);
        if (startDuringOutage && ConnectionHealth.isConnectionFailure(failure.kind())) {
          System.out.println("Redline: " + problem + " - starting anyway (startDuringOutage)");
          client.health().failed(failure.kind());
          continue;
        }
        throw new RedlineStartupException(problem);
      } finally {
        if (link != null) {
          client.release(link);
        }
      }
    }
  }

  /**
   * Asks the named nodes what they are before Jedis does (Jedis says only "Could not initialize
   * cluster slots cache", or logs a stack trace per sentinel): a cluster seed that is a standalone
   * server, a sentinel that is a plain Redis. Null when nothing is wrong or nothing answered.
   */
  private static String modeMismatch(ClientSettings settings) {
    if (settings.deployment() instanceof Deployment.Cluster cluster) {
      if (settings.endpoint().database() != 0) {
        // Jedis would send SELECT, which a cluster refuses, and say only "Could not initialize
        // cluster slots cache"
        return "redis.db is "
            + settings.endpoint().database()
            + ", but a cluster has only database 0 (it refuses SELECT): drop /"
            + settings.endpoint().database()
            + " from the URL, or redis.db (REDIS_DB), or database(...) in the simulation";
      }
      for (HostAndPort seed : cluster.seeds()) {
        String info = info(seed, JedisConfigs.dataNodes(settings, 0), "cluster");
        if (info != null && info.contains("cluster_enabled:0")) {
          return "redis.mode is cluster, but "
              + seed
              + " is not a cluster node (cluster_enabled:0): name the cluster's nodes,"
              + " or use standalone mode (redis.mode standalone, or no cluster(...) in the simulation)";
        }
      }
    }
    if (settings.deployment() instanceof Deployment.Sentinel sentinel) {
      for (HostAndPort address : sentinel.sentinels()) {
        String info = info(address, JedisConfigs.sentinels(settings, sentinel), "server");
        if (info != null && info.contains("redis_mode:") && !info.contains("redis_mode:sentinel")) {
          String mode =
              info.substring(info.indexOf("redis_mode:") + 11)
                  .lines()
                  .findFirst()
                  .orElse("")
                  .strip();
          return "redis.mode is sentinel, but "
              + address
              + " is not a sentinel (redis_mode:"
              + mode
              + "): name the sentinels"
              + " (redis-sentinel, usually port 26379), or use standalone mode for a plain server";
        }
      }
    }
    return null;
  }

  /**
   * One INFO section of a node, or null when it cannot be asked (unreachable, refused login: the
   * normal start says why).
   */
  private static String info(
      HostAndPort node, redis.clients.jedis.JedisClientConfig config, String section) {
    try (Jedis jedis = new Jedis(node, config)) {
      return jedis.info(section);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Jedis reports every sentinel problem as "all sentinels down"; asking each sentinel ourselves
   * tells a refused login, an unknown master name and an unreachable sentinel apart.
   */
  private static String sentinelsSay(ClientSettings settings) {
    if (!(settings.deployment() instanceof Deployment.Sentinel sentinel)) {
      return "";
    }
    List<String> answers = new ArrayList<>();
    for (HostAndPort address : sentinel.sentinels()) {
      try (Jedis jedis = new Jedis(address, JedisConfigs.sentinels(settings, sentinel))) {
        List<String> primary = jedis.sentinelGetMasterAddrByName(sentinel.masterName());
        answers.add(
            address
                + ": "
                + (primary == null || primary.isEmpty()
                    ? "monitors no master named '" + sentinel.masterName() + "'"
                    : "names primary " + String.join(":", primary)));
      } catch (RuntimeException e) {
        RedisFailure failure = RedisFailure.of(e);
        answers.add(address + ": " + said(failure));
      }
    }
    return ". The sentinels say: " + String.join("; ", answers);
  }

  /**
   * The failure's kind and message, the kind said once (a server error's message starts with it:
   * "WRONGPASS invalid username-password pair...") and no closing period, which the hint adds.
   */
  private static String said(RedisFailure failure) {
    String message = failure.message();
    String text =
        message.equals(failure.kind()) || message.startsWith(failure.kind() + " ")
            ? message
            : (failure.kind() + " " + message).strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** What to check, for the failures whose cause is usually a setting. */
  private static String hint(RedisFailure failure, ClientSettings settings, String loginOrigin) {
    if (failure.kind().equals("TLS") && failure.message().contains("certificate_required")) {
      return ". The server requires client certificates (tls-auth-clients yes): give one its tls-ca-cert-file trusts with"
          + " tlsClientCertificate(cert, key)";
    }
    if (failure.kind().equals("TLS") && failure.message().contains("bad_certificate")) {
      return ". The server refused the client certificate: give one its tls-ca-cert-file trusts with tlsClientCertificate(cert, key)";
    }
    if (failure.kind().equals("TLS")) {
      return settings.tls().caFile() == null
          ? ". Check that the server speaks TLS on this port and that its certificate is signed by a CA the JDK trusts (or name its CA: redis.tls_ca_file, REDIS_TLS_CA_FILE, or tlsCaFile(...) in the simulation)"
          : ". Check that the server speaks TLS on this port and that its certificate is signed by the CA in "
              + settings.tls().caFile()
              + (settings.tls().verifyHostname()
                  ? " and names the host connected to (or turn hostname verification off)"
                  : "");
    }
    if (failure.kind().equals("TIMEOUT") && settings.usesTls()) {
      return ". The TLS handshake got no answer: if the server speaks plain TCP on this port, use a redis:// URL without"
          + " TLS options (or the server's tls-port)";
    }
    if (failure.kind().equals("CONNECTION")
        && settings.usesTls()
        && !failure.message().contains("refused")) {
      return ". The server closed the TLS connection: if it requires client certificates (tls-auth-clients yes), give"
          + (settings.tls().certFile() == null
              ? " one with tlsClientCertificate(cert, key)"
              : " one its tls-ca-cert-file trusts")
          + "; if it speaks plain TCP on this port, use a redis:// URL without TLS options";
    }
    if (failure.kind().equals("CONNECTION")
        && !settings.usesTls()
        && (failure.message().contains("end of stream")
            || failure.message().contains("Connection reset"))) {
      return ". The server closed the connection at once: if it speaks TLS on this port, use a"
          + " rediss:// URL or the TLS options";
    }
    if (failure.kind().equals("WRONGPASS") || failure.kind().equals("NOAUTH")) {
      return ". Check the user name and password (redis://user:password@host:port, username()/password(), REDIS_USERNAME/REDIS_PASSWORD)"
          + (loginOrigin == null ? "" : "; " + loginOrigin);
    }
    return "";
  }
}
