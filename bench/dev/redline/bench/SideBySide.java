package dev.redline.bench;

import dev.redline.client.RedisServerProcess;
import dev.redline.testing.GatlingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The side-by-side benchmark: on one redis-server of its own, alternating, redis-benchmark, a bare
 * Jedis loop and Redline through Gatling, at the same settings; then how long Gatling's report
 * generation takes after a run at the highest rate, with per-op records and batch-only.
 *
 * <p>Run it with {@code bench/run} (see the README's performance section). Options: {@code
 * --seconds N} per measurement (default 5), {@code --rounds N} alternations (default 2), {@code
 * --report-seconds N} for the report-generation runs (default 60, 0 to skip), {@code --only "SET P1
 * c6"} to run one setting, {@code --warmup N} seconds of unmeasured JIT warm-up first (default 5),
 * {@code --runner-seconds N} for the ready runner against the hand-written DSL loop (default 10, 0
 * to skip).
 */
public final class SideBySide {
  private static final int VALUE_SIZE = 100;
  private static final int KEYSPACE = 100_000;

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "5"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
    int reportSeconds = Integer.parseInt(options.getOrDefault("report-seconds", "60"));
    String only = options.get("only");
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    int runnerSeconds = Integer.parseInt(options.getOrDefault("runner-seconds", "10"));

    List<Setting> settings = new ArrayList<>();
    for (String command : List.of("SET", "GET")) {
      for (int pipeline : List.of(1, 10)) {
        for (int connections : List.of(6, 50)) {
          Setting s = new Setting(command, pipeline, connections, VALUE_SIZE, KEYSPACE);
          if (only == null || only.equals(s.toString())) {
            settings.add(s);
          }
        }
      }
    }
    // a thousand connections: Redline's users share its bounded workers, bare Jedis runs a thread
    // per connection, redis-benchmark multiplexes them on one thread
    Setting thousand = new Setting("SET", 1, 1000, VALUE_SIZE, KEYSPACE);
    if (only == null || only.equals(thousand.toString())) {
      settings.add(thousand);
    }
    StringBuilder out = new StringBuilder();
    try (RedisServerProcess server = RedisServerProcess.start()) {
      String version;
      try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
        version = dev.redline.client.ServerStats.version(jedis);
        populate(jedis);
      }
      out.append(
          String.format(
              Locale.ROOT,
              "# Redline side-by-side benchmark, %s%n%n",
              LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
      out.append(
          String.format(
              Locale.ROOT,
              "redis-server %s (%s), %d cores shared by client and server, %d-byte values, %d keys, "
                  + "%d s per measurement, best of %d alternating rounds.%n%n",
              version,
              server.binary(),
              Runtime.getRuntime().availableProcessors(),
              VALUE_SIZE,
              KEYSPACE,
              seconds,
              rounds));
      out.append(
          "| setting | redis-benchmark ops/s | bare Jedis ops/s | Redline ops/s | Redline / Jedis | Redline / redis-benchmark | Jedis / redis-benchmark "
              + "| BATCH-only Redline ops/s | BATCH-only / Jedis | BATCH-only / redis-benchmark "
              + "| p50 µs (rb / Jedis / Redline) | p99 µs (rb / Jedis / Redline) | client CPU µs per command (Jedis / Redline / BATCH-only) "
              + "| voluntary context switches per command (Jedis / Redline) |\n"
              + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      // JIT warm-up, not measured: the JVM compiles Jedis, Gatling and Redline before the first row
      if (warmup > 0 && !settings.isEmpty()) {
        Setting first = settings.get(0);
        BareJedisLoad.run(server.port(), first, warmup * 1000L);
        RedlineLoad.run(server.port(), first, warmup * 1000L, false);
      }
      System.out.print(out);
      for (Setting s : settings) {
        Measurement rb = null;
        Measurement jedis = null;
        Measurement redline = null;
        Measurement batchOnly = null;
        for (int round = 0; round < rounds; round++) {
          long requests =
              rb == null ? 200_000L * s.pipeline() : (long) (rb.opsPerSecond() * seconds);
          rb = best(rb, RedisBenchmarkLoad.run(server.port(), s, requests));
          jedis = best(jedis, BareJedisLoad.run(server.port(), s, seconds * 1000L));
          redline = best(redline, RedlineLoad.run(server.port(), s, seconds * 1000L, false));
          if (s.pipeline() > 1) {
            batchOnly = best(batchOnly, RedlineLoad.run(server.port(), s, seconds * 1000L, true));
          }
        }
        String batchOnlyCells =
            batchOnly == null
                ? "— | — | —"
                : String.format(
                    Locale.ROOT,
                    "%,.0f | %.2f | %.2f",
                    batchOnly.opsPerSecond(),
                    batchOnly.opsPerSecond() / jedis.opsPerSecond(),
                    batchOnly.opsPerSecond() / rb.opsPerSecond());
        String row =
            String.format(
                Locale.ROOT,
                "| %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %s | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.2f / %.2f / %s | %.2f / %.2f |%n",
                s,
                rb.opsPerSecond(),
                jedis.opsPerSecond(),
                redline.opsPerSecond(),
                redline.opsPerSecond() / jedis.opsPerSecond(),
                redline.opsPerSecond() / rb.opsPerSecond(),
                jedis.opsPerSecond() / rb.opsPerSecond(),
                batchOnlyCells,
                rb.p50Micros(),
                jedis.p50Micros(),
                redline.p50Micros(),
                rb.p99Micros(),
                jedis.p99Micros(),
                redline.p99Micros(),
                jedis.cpuMicrosPerCommand(),
                redline.cpuMicrosPerCommand(),
                batchOnly == null
                    ? "—"
                    : String.format(Locale.ROOT, "%.2f", batchOnly.cpuMicrosPerCommand()),
                jedis.switchesPerCommand(),
                redline.switchesPerCommand());
        out.append(row);
        System.out.print(row);
      }
      if (runnerSeconds > 0) {
        String runner = RunnerVsLoop.measure(server.port(), runnerSeconds, rounds);
        out.append('\n').append(runner);
        System.out.print("\n" + runner);
      }
      if (reportSeconds > 0) {
        String timing =
            ReportGenerationTiming.measure(
                server.port(), new Setting("SET", 10, 6, VALUE_SIZE, KEYSPACE), reportSeconds);
        out.append('\n').append(timing);
        System.out.print("\n" + timing);
      }
    }
    Path results = Files.createDirectories(Path.of("bench", "results"));
    Path file = results.resolve("side-by-side-" + System.currentTimeMillis() + ".md");
    Files.writeString(file, out);
    System.out.println("\nwritten to " + file);
  }

  private static Measurement best(Measurement a, Measurement b) {
    return a == null || b.opsPerSecond() > a.opsPerSecond() ? b : a;
  }

  /** Every key exists, so GETs hit for every tool. */
  private static void populate(Jedis jedis) {
    String value = "x".repeat(VALUE_SIZE);
    Pipeline p = jedis.pipelined();
    for (int i = 0; i < KEYSPACE; i++) {
      p.set(Setting.key(i), value);
    }
    p.sync();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are --name value; got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /**
   * How long Gatling's report step takes after a run, per-op records and batch-only: as in {@code
   * mvn gatling:test}, in the JVM that ran the load, from Redline's report written (the run's last
   * act) until Gatling returns with its HTML report written.
   */
  static final class ReportGenerationTiming {
    private ReportGenerationTiming() {}

    static String measure(int port, Setting s, int seconds) throws Exception {
      StringBuilder out =
          new StringBuilder(
              "| Gatling records | run s | commands | Gatling records written | report step s | report step / run | µs per record | Redline's server reads, ms (start and end, off the request path) |\n|---|---|---|---|---|---|---|---|\n");
      for (boolean batchOnly : new boolean[] {false, true}) {
        RedlineLoad.run(port, s, seconds * 1000L, batchOnly, true);
        GatlingRun.Result run = RedlineLoad.lastRun;
        if (run.exitCode() != 0) {
          throw new IOException(
              "the run or its report failed: Gatling exit "
                  + run.exitCode()
                  + " in "
                  + run.resultsFolder());
        }
        Path runFolder = run.reportFolder();
        if (!Files.exists(runFolder.resolve("index.html"))) {
          throw new IOException("Gatling wrote no report in " + runFolder);
        }
        long runEnded =
            Files.getLastModifiedTime(runFolder.resolve("redline").resolve("index.html"))
                .toMillis();
        double step = (RedlineLoad.lastRunReturnedEpochMillis - runEnded) / 1000.0;
        long records = run.redline().gatlingRecords();
        long commands = RedlineLoad.commandsSent(run.redline());
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %,d | %,d | %.1f | %.0f %% | %.2f | %.1f |%n",
                batchOnly ? "BATCH only" : "per op + BATCH",
                seconds,
                commands,
                records,
                step,
                100 * step / seconds,
                step * 1e6 / records,
                run.redline().serverReadMillis()));
      }
      return out.toString();
    }
  }

  private SideBySide() {}
}
