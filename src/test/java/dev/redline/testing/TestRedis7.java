package dev.redline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server 7 or newer for tests of Redis 7 commands (FCALL): {@code REDLINE_REDIS7_SERVER},
 * else the {@code redis-server} on the PATH when it is 7+. Without one the test is skipped and says
 * why (the embedded binary is 6.2); {@code .ci/run} installs Debian's redis-server 7, so CI runs
 * it.
 */
public final class TestRedis7 {
  private TestRedis7() {}

  /** Starts a redis-server 7+ on a free port, or skips the calling test. */
  public static TestRedisServer start() throws IOException, InterruptedException {
    return start(new String[0]);
  }

  /** The same, with redis-server arguments ({@code "--appendonly", "yes"}). */
  public static TestRedisServer start(String... arguments)
      throws IOException, InterruptedException {
    Path binary = find();
    Requirement.need(
        binary != null,
        "no redis-server 7 or newer (set REDLINE_REDIS7_SERVER or put Debian's redis-server on the PATH)");
    String before = System.getProperty("redline.redis.server");
    System.setProperty("redline.redis.server", binary.toString());
    try {
      return TestRedisServer.start(arguments);
    } finally {
      if (before == null) {
        System.clearProperty("redline.redis.server");
      } else {
        System.setProperty("redline.redis.server", before);
      }
    }
  }

  private static Path find() throws IOException, InterruptedException {
    String configured = System.getenv("REDLINE_REDIS7_SERVER");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate) && majorVersion(candidate) >= 7) {
        return candidate;
      }
    }
    return null;
  }

  private static int majorVersion(Path binary) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);
    var m = java.util.regex.Pattern.compile("v=(\\d+)\\.").matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
