package dev.redline.mirror;

import dev.redline.config.RedisEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Writes a workload YAML with a server's command mix (docs/production-traffic.md):
 *
 * <pre>
 * mvn -q exec:java -Dexec.mainClass=dev.redline.mirror.MirrorWorkload \
 *     -Dexec.args="--from redis://prod-cache:6379 --seconds 60 --out mirrored.yaml"
 * mvn -q exec:java -Dexec.mainClass=dev.redline.mirror.MirrorWorkload \
 *     -Dexec.args="--info saved-info.txt --out mirrored.yaml"
 * mvn gatling:test -Dredline.config=mirrored.yaml
 * </pre>
 *
 * <p>{@code --from} reads {@code INFO commandstats} and {@code INFO keyspace} of a server (the
 * calls since it started, or with {@code --seconds N} those of the next N seconds) and samples up
 * to {@code --sample} keys (default 1,000) for their types and sizes; {@code --info} reads saved
 * INFO text instead (no sample). A mistake is one line and a non-zero exit.
 */
public final class MirrorWorkload {
  private MirrorWorkload() {}

  /** One line saying why the workload could not be mirrored. */
  static final class CannotMirror extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotMirror(String reason) {
      super("Redline: cannot mirror: " + reason, null, false, false);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    String from = null;
    Path info = null;
    Path out = Path.of("mirrored.yaml");
    int sample = 1000;
    int seconds = 0;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new CannotMirror(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--from" -> from = value;
        case "--info" -> info = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--sample" -> sample = number(option, value);
        case "--seconds" -> seconds = number(option, value);
        default ->
            throw new CannotMirror(
                "unknown option "
                    + option
                    + "; --from <redis URL> or --info <file>, --out, --sample,"
                    + " --seconds");
      }
    }
    if ((from == null) == (info == null)) {
      throw new CannotMirror("give one of --from <redis URL> and --info <saved INFO text>");
    }
    MirroredWorkload workload = from != null ? fromServer(from, sample, seconds) : fromFile(info);
    try {
      Files.writeString(out, workload.yaml());
    } catch (IOException e) {
      throw new CannotMirror("cannot write " + out + ": " + e.getMessage());
    }
    System.out.printf(
        "Redline mirrored %s into %s: %d operations%s%n",
        from != null ? RedisEndpoint.redact(from) : info,
        out,
        workload.operations().size(),
        workload.notGenerated().isEmpty()
            ? ""
            : "; not generated: " + String.join(", ", workload.notGenerated().keySet()));
  }

  /** The mirror of saved INFO text. */
  static MirroredWorkload fromFile(Path info) {
    String text;
    try {
      text = Files.readString(info, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new CannotMirror(info + " is not INFO text (not UTF-8)");
    } catch (IOException | UncheckedIOException e) {
      throw new CannotMirror(info + " cannot be read: " + e.getMessage());
    }
    try {
      return new MirroredWorkload(
          info.toString(), CommandMix.parse(text), Keyspace.parse(text), ValueSample.none());
    } catch (IllegalArgumentException e) {
      throw new CannotMirror(info + ": " + e.getMessage());
    }
  }

  /** The mirror of a live server: its calls so far, or over the next {@code seconds}. */
  static MirroredWorkload fromServer(String url, int sample, int seconds)
      throws InterruptedException {
    RedisEndpoint endpoint;
    try {
      endpoint = RedisEndpoint.parse(url);
    } catch (IllegalArgumentException e) {
      throw new CannotMirror(e.getMessage());
    }
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .user(endpoint.username())
            .password(endpoint.password())
            .database(endpoint.database())
            .ssl(endpoint.tls());
    try (Jedis jedis =
        new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), config.build())) {
      CommandMix mix = CommandMix.parse(jedis.info("commandstats"));
      if (seconds > 0) {
        Thread.sleep(seconds * 1000L);
        CommandMix later = CommandMix.parse(jedis.info("commandstats"));
        mix = later.minus(mix);
        if (mix.calls().isEmpty()) {
          throw new CannotMirror(endpoint + " ran no command in " + seconds + " s");
        }
      }
      return new MirroredWorkload(
          endpoint.toString(),
          mix,
          Keyspace.parse(jedis.info("keyspace")).only(endpoint.database()),
          ValueSample.of(jedis, sample));
    } catch (JedisException e) {
      throw new CannotMirror(endpoint + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CannotMirror(endpoint + ": " + e.getMessage());
    }
  }

  private static int number(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CannotMirror(option + " takes a whole number of 0 or more, got " + value);
    }
  }
}
