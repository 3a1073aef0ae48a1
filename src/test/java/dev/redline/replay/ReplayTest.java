package dev.redline.replay;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.javaapi.RedisDslError;
import dev.redline.measure.RequestSeries;
import dev.redline.mirror.CommandMix;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestRedisServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * A capture of Redline's own run, replayed on a fresh redis-server, sends each command exactly as
 * often as the capture holds it (the server's INFO commandstats) with byte-identical arguments (the
 * values it leaves behind); transactions replay as transactions, another database is selected as
 * recorded, dangerous commands are left out unless allowed, keys can take a prefix, the recorded
 * pace is kept or dropped, and the capture streams.
 */
@EndToEnd
class ReplayTest {
  private static final String VALUE = "é \"quoted\" \\ new\nline ✓";
  private static final byte[] EVERY_BYTE = new byte[256];

  static {
    for (int i = 0; i < 256; i++) {
      EVERY_BYTE[i] = (byte) i;
    }
  }

  /** Captures what {@code source} runs while {@code load} runs, into a MONITOR file. */
  private static Path capture(TestRedisServer source, ThrowingRunnable load) throws Exception {
    Path file = Files.createTempFile("capture", ".txt");
    Jedis monitor = new Jedis("127.0.0.1", source.port());
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1);
    Set<String> markers = ConcurrentHashMap.newKeySet();
    Thread reader =
        new Thread(
            () -> {
              try {
                monitor.monitor(
                    new JedisMonitor() {
                      @Override
                      public void onCommand(String line) {
                        try {
                          out.write(line);
                          out.write('\n');
                        } catch (IOException e) {
                          throw new IllegalStateException(e);
                        }
                        if (line.contains("redline-capture-")) {
                          markers.add(line.substring(line.indexOf("redline-capture-")));
                        }
                      }
                    });
              } catch (RuntimeException closed) {
                // the monitor's connection was closed: the capture is over
              }
            });
    reader.start();
    mark(source, markers, "start"); // MONITOR is on before the load starts
    load.run();
    mark(source, markers, "end"); // and everything before this line is in the file
    monitor.disconnect();
    reader.join(5_000);
    out.close();
    return file;
  }

  /** Sends ECHO redline-capture-<what> until the capture has seen it. */
  private static void mark(TestRedisServer source, Set<String> seen, String what)
      throws InterruptedException {
    try (Jedis jedis = new Jedis("127.0.0.1", source.port())) {
      for (int i = 0;
          i < 100 && seen.stream().noneMatch(m -> m.startsWith("redline-capture-" + what));
          i++) {
        jedis.echo("redline-capture-" + what);
        Thread.sleep(50);
      }
    }
    assertTrue(
        seen.stream().anyMatch(m -> m.startsWith("redline-capture-" + what)),
        "MONITOR saw the " + what + " marker");
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aCaptureOfRedlinesOwnRunReplaysExactlyAndByteForByte() throws Exception {
    Path file;
    Map<String, byte[]> written = new HashMap<>();
    Map<String, Long> sourceCalls = new HashMap<>();
    try (TestRedisServer source = TestRedisServer.start()) {
      file =
          capture(
              source,
              () -> {
                GatlingRun.Result run =
                    GatlingRun.run(
                        redis().url(source.url()).threadsPerClient(2),
                        Duration.ofSeconds(30),
                        scenario("captured")
                            .repeat(200, "i")
                            .on(
                                exec(
                                    cmd.set("k:#{userId}:#{i}", VALUE),
                                    cmd.get("k:#{userId}:#{i}"),
                                    cmd.incr("counter"),
                                    cmd.lpush("list", "#{i}"),
                                    transaction(cmd.incr("tx"), cmd.set("tx:last", "#{i}")),
                                    pipeline(cmd.set("p:#{userId}:#{i}", "v"), cmd.get("p:1:0"))))
                            .injectOpen(atOnceUsers(2)));
                assertEquals(0, run.exitCode());
                try (Jedis jedis = new Jedis("127.0.0.1", source.port())) {
                  jedis.set("binary".getBytes(StandardCharsets.US_ASCII), EVERY_BYTE);
                  jedis.select(3);
                  jedis.set("in-db-3", "three");
                  jedis.flushDB(); // left out of the replay: it would erase the target's db 3
                  jedis.set("in-db-3 again", "three again");
                }
              });
      try (Jedis jedis = new Jedis("127.0.0.1", source.port())) {
        CommandMix.parse(jedis.info("commandstats"))
            .calls()
            .forEach((name, calls) -> sourceCalls.put(name.toLowerCase(), calls));
        for (String key : jedis.keys("*")) {
          if (jedis.type(key).equals("string")) {
            written.put(key, jedis.get(key.getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
    assertEquals(400L, sourceCalls.get("lpush"), "the source ran the load: " + sourceCalls);
    Map<String, Long> expected = sourceCalls;

    try (TestRedisServer target = TestRedisServer.start()) {
      GatlingRun.Result replay =
          GatlingRun.run(
              redis().url(target.url()).threadsPerClient(4),
              Duration.ofSeconds(60),
              scenario("replay")
                  .exec(replay(file.toString()).speed(0).untilEnd())
                  .injectOpen(atOnceUsers(4)));
      assertEquals(0, replay.exitCode());
      try (Jedis jedis = new Jedis("127.0.0.1", target.port())) {
        Map<String, Long> calls = CommandMix.parse(jedis.info("commandstats")).calls();
        List<String> off = new ArrayList<>();
        for (String command : List.of("set", "get", "incr", "lpush", "multi", "exec")) {
          long sent = calls.getOrDefault(command.toUpperCase(), 0L);
          if (sent != expected.getOrDefault(command, 0L)) {
            off.add(command + ": source " + expected.get(command) + ", replayed " + sent);
          }
        }
        assertEquals(List.of(), off, "each command exactly as often as the source server ran it");
        assertEquals(0L, calls.getOrDefault("FLUSHDB", 0L), "FLUSHDB is left out");
        assertEquals(400L, Long.parseLong(jedis.get("counter")));
        assertEquals(400L, jedis.llen("list"));
        for (Map.Entry<String, byte[]> key : written.entrySet()) {
          if (!key.getKey().equals("counter") && !key.getKey().equals("tx:last")) {
            assertArrayEquals(
                key.getValue(),
                jedis.get(key.getKey().getBytes(StandardCharsets.UTF_8)),
                "byte for byte: " + key.getKey());
          }
        }
        assertArrayEquals(EVERY_BYTE, jedis.get("binary".getBytes(StandardCharsets.US_ASCII)));
        jedis.select(3);
        assertEquals("three", jedis.get("in-db-3"), "db 3, as recorded; FLUSHDB left out");
        assertEquals("three again", jedis.get("in-db-3 again"));
      }
      assertEquals(
          expected.get("set"), // in a transaction too, and in db 3 between two SELECTs
          replay.recorder().series("SET").okHistogram().getTotalCount(),
          "each command is reported under its name");
      assertEquals(400, replay.recorder().series("MULTI/EXEC").okHistogram().getTotalCount());
    }
  }

  private static Path synthetic(String... commands) throws IOException {
    Path file = Files.createTempFile("synthetic", ".txt");
    Files.writeString(file, "OK\n" + String.join("\n", commands) + "\n");
    return file;
  }

  @Test
  void theRecordedPaceIsKeptOrDropped() throws Exception {
    Path file =
        synthetic(
            "1000.000000 [0 1.2.3.4:5] \"SET\" \"a\" \"1\"",
            "1000.500000 [0 1.2.3.4:5] \"SET\" \"b\" \"2\"",
            "1001.000000 [0 1.2.3.4:5] \"SET\" \"c\" \"3\"");
    try (TestRedisServer target = TestRedisServer.start()) {
      for (double speed : new double[] {1, 0}) {
        GatlingRun.Result run =
            GatlingRun.run(
                redis().url(target.url()),
                Duration.ofSeconds(30),
                scenario("paced " + speed)
                    .exec(replay(file.toString()).speed(speed).untilEnd())
                    .injectOpen(atOnceUsers(1)));
        long[] span = run.recorder().span().orElseThrow();
        long millis = span[1] - span[0];
        if (speed == 1) {
          assertTrue(millis >= 950 && millis < 3_000, "1 s as recorded: " + millis + " ms");
        } else {
          assertTrue(millis < 800, "as fast as possible: " + millis + " ms");
        }
      }
    }
  }

  @Test
  void dangerousCommandsRunOnlyWhenAllowedAndKeysTakeAPrefix() throws Exception {
    Path file =
        synthetic(
            "1.0 [0 1.2.3.4:5] \"SET\" \"k\" \"v\"",
            "1.1 [0 1.2.3.4:5] \"FLUSHALL\"",
            "1.2 [0 1.2.3.4:5] \"BLPOP\" \"q\" \"0\"",
            "1.3 [0 1.2.3.4:5] \"MSET\" \"a\" \"1\" \"b\" \"2\"",
            "1.4 [0 1.2.3.4:5] \"MULTI\"",
            "1.5 [0 1.2.3.4:6] \"GET\" \"a\"",
            "1.6 [0 1.2.3.4:5] \"DISCARD\"",
            "1.7 [0 1.2.3.4:5] \"EVAL\" \"return redis.call('incr', KEYS[1])\" \"1\" \"e\"",
            "1.7 [0 lua] \"incr\" \"e\"");
    try (CaptureFile capture = new CaptureFile(file, Set.of())) {
      while (capture.hasNext()) {
        capture.next();
      }
      assertEquals(Map.of("FLUSHALL", 1L, "BLPOP", 1L), capture.skipped());
      assertTrue(capture.summary().contains("redline.replay.allow"), capture.summary());
    }
    try (TestRedisServer target = TestRedisServer.start();
        Jedis jedis = new Jedis("127.0.0.1", target.port())) {
      jedis.set("kept", "yes");
      GatlingRun.run(
          redis().url(target.url()),
          Duration.ofSeconds(30),
          scenario("prefixed")
              .exec(replay(file.toString()).speed(0).keyPrefix("replay:").untilEnd())
              .injectOpen(atOnceUsers(1)));
      assertEquals("yes", jedis.get("kept"), "FLUSHALL was left out");
      assertEquals("v", jedis.get("replay:k"));
      assertEquals("2", jedis.get("replay:b"), "every key of MSET takes the prefix");
      assertEquals("1", jedis.get("replay:e"), "the script's INCR ran once, by its EVAL");
      assertNull(jedis.get("k"));
      GatlingRun.run(
          redis().url(target.url()),
          Duration.ofSeconds(30),
          scenario("allowed")
              .exec(replay(file.toString()).speed(0).allow("FLUSHALL").untilEnd())
              .injectOpen(atOnceUsers(1)));
      assertNull(jedis.get("kept"), "FLUSHALL ran when allowed");
    }
  }

  @Test
  void aFileThatIsNotMonitorOutputIsOneLine() throws Exception {
    Path file = Files.createTempFile("not-a-capture", ".txt");
    Files.writeString(file, "cmdstat_get:calls=70,usec=1\n");
    RedisDslError e = assertThrows(RedisDslError.class, () -> replay(file.toString()).feeder());
    assertTrue(e.getMessage().contains("is not MONITOR output"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aBlockingCommandWaitsItsTimeAndAKeyThePrefixCannotReachIsNotSent() throws Exception {
    Path file =
        synthetic(
            "1.0 [0 1.2.3.4:5] \"BLPOP\" \"empty\" \"2.5\"",
            "1.1 [0 1.2.3.4:5] \"SADD\" \"s\" \"a\"",
            "1.2 [0 1.2.3.4:5] \"SORT\" \"s\" \"ALPHA\" \"STORE\" \"sorted\"");
    try (TestRedisServer target = TestRedisServer.start();
        Jedis jedis = new Jedis("127.0.0.1", target.port())) {
      GatlingRun.Result run =
          GatlingRun.run(
              redis().url(target.url()).socketTimeout(Duration.ofSeconds(1)),
              Duration.ofSeconds(30),
              scenario("blocking")
                  .exec(replay(file.toString()).speed(0).keyPrefix("replay:").untilEnd())
                  .injectOpen(atOnceUsers(1)));
      RequestSeries blpop = run.recorder().series("BLPOP");
      assertEquals(
          1, blpop.okHistogram().getTotalCount(), "waited 2.5 s, past the 1 s socket timeout");
      assertTrue(blpop.okHistogram().getMaxValue() > 2_400_000_000L);
      assertEquals(1, jedis.scard("replay:s"));
      assertEquals(Map.of("UNPREFIXED", 1L), run.recorder().series("SORT").errorsByKind());
      assertFalse(jedis.exists("sorted"), "no unprefixed key is touched");
      assertFalse(jedis.exists("replay:sorted"));
    }
  }

  @Test
  void aCaptureStreamsWithAFlatHeap() throws Exception {
    Path file = Files.createTempFile("big-capture", ".txt");
    String value = "x".repeat(100);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      for (int i = 0; i < 400_000; i++) {
        out.write(
            "1733582400."
                + String.format("%06d", i % 1_000_000)
                + " [0 127.0.0.1:53422] \"SET\" \"key:"
                + i
                + "\" \""
                + value
                + "\"\n");
      }
    }
    long[] used = new long[3];
    long items = 0;
    try (CaptureFile capture = new CaptureFile(file, Set.of())) {
      while (capture.hasNext()) {
        capture.next();
        items++;
        if (items == 100_000 || items == 200_000 || items == 400_000) {
          System.gc();
          Runtime rt = Runtime.getRuntime();
          used[(int) (items / 200_000)] = rt.totalMemory() - rt.freeMemory();
        }
      }
    }
    assertEquals(400_000, items);
    long growth = used[2] - used[0];
    assertTrue(
        growth < 8 * 1024 * 1024,
        Files.size(file) / 1_000_000 + " MB read; heap after GC grew " + growth / 1024 + " KB");
    Files.delete(file);
  }

  @Test
  void theReadySimulationReplaysWhatTheSettingsName() throws Exception {
    Path file =
        synthetic(
            "1.0 [0 1.2.3.4:5] \"SET\" \"a\" \"1\"",
            "1.1 [0 1.2.3.4:5] \"INCR\" \"n\"",
            "1.2 [0 1.2.3.4:5] \"INCR\" \"n\"");
    try (TestRedisServer target = TestRedisServer.start();
        Jedis jedis = new Jedis("127.0.0.1", target.port())) {
      GatlingRun.Result run =
          GatlingRun.runSimulation(
              "dev.redline.simulations.ReplaySimulation",
              Map.of(
                  "redline.replay.file", file.toString(),
                  "redline.replay.speed", "0",
                  "redline.replay.key_prefix", "r:",
                  "redline.redis.url", target.url(),
                  "gatling.noReports", "true"));
      assertEquals(0, run.exitCode());
      assertEquals("1", jedis.get("r:a"));
      assertEquals("2", jedis.get("r:n"));
      assertEquals(2, run.recorder().series("INCR").okHistogram().getTotalCount());
    }
  }
}
