package dev.redline.testing;

import dev.redline.client.RedisServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real redis-server for a test, with the controls only tests need: extra server arguments, a
 * given port, sentinel mode, a crash ({@link #kill()}) and a restart on the same port.
 */
public final class TestRedisServer extends RedisServerProcess {
  private final List<String> sentinelConfig;

  private TestRedisServer(int port, List<String> extraArguments, List<String> sentinelConfig)
      throws IOException {
    super(port, extraArguments);
    this.sentinelConfig = List.copyOf(sentinelConfig);
  }

  /** Starts a plain server on a free port and waits until it answers PING. */
  public static TestRedisServer start() {
    return start(new String[0]);
  }

  /** Starts a server with these extra arguments on a free port and waits until it answers PING. */
  public static TestRedisServer start(String... extraArguments) {
    return startOnFreePort(port -> new TestRedisServer(port, List.of(extraArguments), List.of()));
  }

  /**
   * Starts a server whose password may hold spaces, checked with a plain AUTH (Redis 7 takes the
   * argument as it is; Redis 6 splits its command line again, so it needs the quotes).
   */
  public static TestRedisServer startWithPassword(String password) {
    for (String written : List.of(password, "\"" + password + "\"")) {
      TestRedisServer server = start("--requirepass", written);
      try (redis.clients.jedis.Jedis jedis =
          new redis.clients.jedis.Jedis("127.0.0.1", server.port())) {
        if ("OK".equals(jedis.auth(password))) {
          return server;
        }
      } catch (RuntimeException wrongPass) {
        // the other spelling
      }
      server.close();
    }
    throw new IllegalStateException("no redis-server took the password " + password);
  }

  /**
   * Starts a sentinel (the same binary in sentinel mode) on a free port with these lines in its
   * config file, e.g. {@code sentinel monitor mymaster 127.0.0.1 6379 2}; waits until it answers
   * PING.
   */
  public static TestRedisServer startSentinel(List<String> configLines) {
    return startOnFreePort(port -> new TestRedisServer(port, List.of(), configLines));
  }

  /** Starts a server on a given port (where a client already points). */
  public static TestRedisServer startOn(int port, String... extraArguments) {
    try {
      TestRedisServer server = new TestRedisServer(port, List.of(extraArguments), List.of());
      server.launch();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not start redis-server on port " + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected List<String> leadingArguments() throws IOException {
    if (sentinelConfig.isEmpty()) {
      return List.of();
    }
    Path config = directory().resolve("sentinel.conf");
    if (!Files.exists(config)) { // a restarted sentinel keeps what it learnt
      Files.write(config, sentinelConfig);
    }
    return List.of(config.toString(), "--sentinel");
  }

  /** True while the child process runs. */
  public boolean isRunning() {
    return process() != null && process().isAlive();
  }

  /** The operating-system process id, for signals such as SIGSTOP/SIGCONT. */
  public long pid() {
    return process().pid();
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public void kill() {
    if (process() != null) {
      process().destroyForcibly();
      waitFor(process());
    }
  }

  /** Starts the server again on the same port after {@link #kill()}. */
  public void restart() throws IOException {
    kill();
    launch();
  }
}
