package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.ConsoleCapture;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server that refuses what Redline sends says so in the user's words: a command it does not know
 * is one error row (not one per key), and the cross-check names the refusal; a server out of
 * connections is named as such.
 */
class RefusingServerTest {

  @Test
  void aServerWithoutGetIsOneErrorRowAndTheCrossCheckSaysItRefusedThem() throws Exception {
    java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
    try (TestRedisServer server = TestRedisServer.start("--rename-command", "GET", "\"\"");
        ConsoleCapture console = new ConsoleCapture()) {
      GatlingRun.Result run =
          GatlingRun.run(
              redis().url(server.url()).clientInstances(1).threadsPerClient(2),
              Duration.ofSeconds(30),
              true,
              scenario("no GET")
                  .during(Duration.ofSeconds(3))
                  .on(
                      // a new key per request, as basic_rw's key range gives
                      exec(cmd.set(s -> "k:" + next.incrementAndGet(), s -> "v"))
                          .exec(cmd.get(s -> "k:" + next.incrementAndGet()))
                          .exec(cmd.command("NOPE", List.of(s -> "k:" + next.incrementAndGet()))))
                  .injectOpen(atOnceUsers(2)));
      RequestSeries get = run.recorder().series("GET");
      long kos = get.koHistogram().getTotalCount();
      assertTrue(kos > 1000, "every GET was refused: " + kos);
      assertEquals(java.util.Map.of("ERR", kos), get.errorsByKind());

      String gatlingReport = Files.readString(run.reportFolder().resolve("index.html"));
      Matcher rows = Pattern.compile("unknown command").matcher(gatlingReport);
      int count = 0;
      while (rows.find()) {
        count++;
      }
      assertTrue(
          count >= 1 && count <= 4,
          "Gatling's error table holds one row per refused command, not one per key: " + count);
      assertFalse(gatlingReport.contains("with args beginning with"));

      String text = console.text();
      assertTrue(
          text.contains("answered") && text.contains("with an error reply"),
          "the cross-check says the server refused them:\n" + text);
      assertFalse(text.contains("lost with a dropped connection"), text);
      assertTrue(
          text.lines().count() < 150, "a refused command floods nothing: " + text.lines().count());
    }
  }

  @Test
  void aReplicaIsNamedAtTheStart() throws Exception {
    try (TestRedisServer primary = TestRedisServer.start();
        TestRedisServer replica =
            TestRedisServer.start("--replicaof", "127.0.0.1", Integer.toString(primary.port()));
        ConsoleCapture console = new ConsoleCapture()) {
      GatlingRun.Result run =
          GatlingRun.run(
              redis().url(replica.url()),
              Duration.ofSeconds(30),
              scenario("writes to a replica").exec(cmd.set("k", "v")).injectOpen(atOnceUsers(1)));
      assertEquals(1, run.recorder().series("SET").errorsByKind().getOrDefault("READONLY", 0L));
      String text = console.text();
      assertTrue(
          text.contains(
              "Redline: 127.0.0.1:"
                  + replica.port()
                  + " is a replica of 127.0.0.1:"
                  + primary.port()
                  + ": every write will fail READONLY"),
          text);
    }
  }

  /**
   * A ready simulation whose requests mostly failed does not pass: its default gate ({@code *
   * failed_pct < 1%}) fails the run; an empty {@code redline.assertions} turns it off.
   */
  @Test
  void aReadySimulationWhoseWritesAllFailDoesNotPassUnlessItsGateIsOff() throws Exception {
    try (TestRedisServer primary = TestRedisServer.start();
        TestRedisServer replica =
            TestRedisServer.start("--replicaof", "127.0.0.1", Integer.toString(primary.port()));
        ConsoleCapture console = new ConsoleCapture()) {
      java.util.Map<String, String> settings =
          java.util.Map.of(
              "redline.redis.url", replica.url(),
              "redline.test.duration", "2s",
              "redline.test.workload.profile", "basic_rw");
      GatlingRun.Result gated =
          GatlingRun.runSimulation("dev.redline.simulations.WorkloadSimulation", settings);
      assertEquals(2, gated.exitCode(), "Gatling's exit code for a failed assertion");
      assertTrue(console.text().contains("* failed_pct < 1%: KO"), console.text());

      java.util.Map<String, String> off = new java.util.HashMap<>(settings);
      off.put("redline.assertions", "");
      GatlingRun.Result ungated =
          GatlingRun.runSimulation("dev.redline.simulations.WorkloadSimulation", off);
      assertEquals(0, ungated.exitCode(), "no gate: the run passes, as the user asked");
    }
  }

  @Test
  void aServerOutOfConnectionsIsNamed() throws Exception {
    try (TestRedisServer server = TestRedisServer.start("--maxclients", "4");
        ConsoleCapture console = new ConsoleCapture()) {
      GatlingRun.Result run =
          GatlingRun.run(
              redis()
                  .url(server.url())
                  .clientInstances(2)
                  .threadsPerClient(3)
                  .connectionsPerClient(3)
                  .socketTimeout(Duration.ofMillis(500)),
              Duration.ofSeconds(30),
              scenario("too many connections")
                  .during(Duration.ofSeconds(3))
                  .on(exec(cmd.set("k:#{userId}", "v")).pause(Duration.ofMillis(1)))
                  .injectOpen(atOnceUsers(6)));
      String text = console.text();
      assertTrue(
          text.contains("maxclients 4"),
          "the start names the server's maxclients against the connections Redline opens:\n"
              + text);
      assertTrue(
          text.contains("max number of clients reached"),
          "the end names the server's reason for the refused connections:\n" + text);
      // Jedis mostly sees the refused connection as closed (broken pipe, reset): the KO says
      // CONNECTION, or MAXCLIENTS when the server's reply was read; the line above names why
      java.util.Map<String, Long> kinds = run.recorder().series("SET").errorsByKind();
      assertTrue(
          !kinds.isEmpty()
              && java.util.Set.of("CONNECTION", "MAXCLIENTS").containsAll(kinds.keySet()),
          kinds.toString());
      Matcher refused =
          Pattern.compile("the server refused ([\\d,]+) new connections during the run")
              .matcher(text);
      assertTrue(refused.find(), text);
    }
  }
}
