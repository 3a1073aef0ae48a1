package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.measure.RequestSeries;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestCluster;
import dev.redline.testing.TestRedis;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Redline against a real three-primary Redis Cluster made by the test. */
class ClusterModeTest {
  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = new TestCluster(3);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void emptyCluster() {
    cluster.reset();
  }

  private static long ok(GatlingRun.Result run, String name) {
    RequestSeries series = run.recorder().series(name);
    assertNotNull(series, name + " was run");
    assertEquals(Map.of(), series.errorsByKind(), name + " had KOs");
    return series.okHistogram().getTotalCount();
  }

  @Test
  void everyCommandFamilyAndPipelinesRunInClusterModeAndTheServersCountWhatRedlineSent()
      throws Exception {
    ScenarioBuilder scn =
        scenario("cluster families")
            .exec(
                cmd.set("s:#{userId}", "v").check(reply().is("OK")),
                cmd.get("s:#{userId}").check(reply().is("v")),
                cmd.incr("n:#{userId}").check(reply().is(1L)),
                cmd.expire("s:#{userId}", 500).check(reply().is(1L)),
                cmd.mset("{m#{userId}}:a", "1", "{m#{userId}}:b", "2").check(reply().is("OK")),
                cmd.mget("{m#{userId}}:a", "{m#{userId}}:b")
                    .check(reply().is(java.util.List.of("1", "2"))),
                cmd.del("{m#{userId}}:a", "{m#{userId}}:b").check(reply().is(2L)),
                cmd.rpush("l:#{userId}", "a", "b").check(reply().is(2L)),
                cmd.lpop("l:#{userId}").check(reply().is("a")),
                cmd.hset("h:#{userId}", "f", "v").check(reply().is(1L)),
                cmd.hget("h:#{userId}", "f").check(reply().is("v")),
                cmd.sadd("set:#{userId}", "a", "b").check(reply().is(2L)),
                cmd.scard("set:#{userId}").check(reply().is(2L)),
                cmd.zadd("z:#{userId}", 1.5, "m").check(reply().is(1L)),
                cmd.zscore("z:#{userId}", "m").check(reply().is("1.5")),
                cmd.publish("news", "hello"),
                cmd.command("EVAL", "return KEYS[1] .. ARGV[1]", "1", "e:#{userId}", "!")
                    .check(reply().is(s -> "e:" + s.userId() + "!")),
                transaction(
                    cmd.incr("{t#{userId}}:n"),
                    cmd.incr("{t#{userId}}:n"),
                    cmd.get("{t#{userId}}:n").check(reply().is("2"))),
                // keys on different slots (and nodes): Jedis splits the pipeline by node
                pipeline(
                    cmd.set("p:#{userId}:a", "1"),
                    cmd.set("p:#{userId}:b", "2"),
                    cmd.set("p:#{userId}:c", "3"),
                    cmd.get("p:#{userId}:a").check(reply().is("1"))))
            .repeat(50, "i")
            .on(exec(cmd.set("spread:#{userId}:#{i}", "v")));

    Map<String, Long> before = cluster.commandCallsSummed();
    GatlingRun.Result run =
        GatlingRun.run(
            redis().cluster(cluster.seeds()).clientInstances(2).threadsPerClient(2),
            Duration.ofSeconds(60),
            true,
            scn.injectOpen(atOnceUsers(4)));
    Map<String, Long> delta = new TreeMap<>(TestRedis.delta(before, cluster.commandCallsSummed()));

    assertEquals(0, run.exitCode());
    for (RequestSeries series : run.recorder().series()) {
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + series.name());
    }
    for (int i = 0; i < cluster.size(); i++) {
      try (Jedis node = cluster.connect(i)) {
        assertTrue(node.dbSize() > 0, "node " + i + " holds keys: the load reached every primary");
      }
    }
    // what Redline sent equals what the primaries counted, summed; the client's own bookkeeping
    // aside
    // (and the one COMMAND that reads the key positions when the clients are made)
    Map<String, Long> sent = run.recorder().sentCommands();
    delta
        .keySet()
        .removeIf(
            c ->
                Set.of(
                        "info",
                        "client",
                        "client|setname",
                        "cluster",
                        "cluster|slots",
                        "cluster|nodes",
                        "ping",
                        "command")
                    .contains(c));
    // Redline's own reads of each primary: maxclients at the start (CONFIG GET, before its first
    // commandstats), and LATENCY HISTOGRAM at the start (which it counts as sent) and at the end
    // (after its last commandstats); its INFO reads are left out on both sides
    Map<String, Long> sentButInfo = new java.util.TreeMap<>(sent);
    sentButInfo.remove("info");
    delta.remove("config");
    assertEquals(2 * sent.get("latency"), delta.get("latency"));
    delta.put("latency", sent.get("latency"));
    assertEquals(
        sentButInfo, delta, "Redline's sent commands vs the summed commandstats of all primaries");
    assertEquals(4 * 50 + 4 * 4, sent.get("set"));

    JsonNode summary =
        new ObjectMapper()
            .readTree(run.reportFolder().resolve("redline").resolve("summary.json").toFile());
    JsonNode crossCheck = summary.get("redline").get("commandstats_cross_check");
    assertTrue(crossCheck.get("all_match").asBoolean(), crossCheck.toPrettyString());
    assertEquals(
        0,
        crossCheck.get("cluster_redirections").get("MOVED").asLong(),
        "a stable cluster: no redirection");
  }

  @Test
  void theWorkloadSimulationRunsInClusterModeFromTheOldRunnersSettings() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.WorkloadSimulation",
            Map.of(
                "redline.redis.cluster", "true",
                "redline.redis.cluster_nodes", String.join(",", cluster.seeds()),
                "redline.test.workload.profile", "high_throughput",
                "redline.test.duration", "2s",
                "redline.test.threads_per_client", "2"));

    assertEquals(0, run.exitCode());
    RequestSeries batches = run.recorder().series("BATCH");
    assertTrue(batches.okHistogram().getTotalCount() > 100, "pipelines ran");
    for (RequestSeries series : run.recorder().series()) {
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + series.name());
    }
    for (int i = 0; i < cluster.size(); i++) {
      try (Jedis node = cluster.connect(i)) {
        assertTrue(node.dbSize() > 0, "node " + i + " holds keys");
      }
    }
  }

  @Test
  void aSlotMovedDuringTheRunIsFollowedAndTheRedirectionCounted() throws Exception {
    String key = "moved:key";
    int slot = redis.clients.jedis.util.JedisClusterCRC16.getSlot(key);
    int[] newOwner = new int[1];
    ScenarioBuilder scn =
        scenario("moved")
            .exec(
                exec(
                    session -> {
                      newOwner[0] =
                          cluster.moveEmptySlot(
                              slot); // Redline's cluster clients still have the old slot map
                      return session;
                    }),
                exec(cmd.set(key, "v").check(reply().is("OK"))),
                exec(cmd.get(key).check(reply().is("v"))));

    GatlingRun.Result run =
        GatlingRun.run(
            redis().cluster(cluster.seeds()),
            Duration.ofSeconds(30),
            true,
            scn.injectOpen(atOnceUsers(1)));

    for (RequestSeries series : run.recorder().series()) {
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + series.name());
    }
    try (Jedis node = cluster.connect(newOwner[0])) {
      assertEquals("v", node.get(key), "the SET ran on the slot's new owner");
    }
    JsonNode crossCheck =
        new ObjectMapper()
            .readTree(run.reportFolder().resolve("redline").resolve("summary.json").toFile())
            .get("redline")
            .get("commandstats_cross_check");
    long moved = crossCheck.get("cluster_redirections").get("MOVED").asLong();
    assertTrue(moved >= 1, crossCheck.toPrettyString());
    // the redirected SET is counted twice by the servers (rejected with MOVED, then run); this
    // test's own
    // CLUSTER SETSLOT / MYID are other traffic, and Redis 6 and 7 name them differently
    long dataDifference = 0;
    for (JsonNode row : crossCheck.get("commands")) {
      if (!row.get("command").asText().startsWith("cluster")) {
        dataDifference += row.get("difference").asLong();
      }
    }
    assertEquals(moved, dataDifference, crossCheck.toPrettyString());
  }

  @Test
  void pubsubReachesSubscribersOnOtherNodes() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.WorkloadSimulation",
            Map.of(
                "redline.redis.mode", "cluster",
                "redline.redis.cluster_nodes", cluster.seeds()[0],
                "redline.test.workload.profile", "pubsub_heavy",
                "redline.test.duration", "2s",
                "redline.test.threads_per_client", "8"));

    assertEquals(0, run.exitCode());
    RequestSeries delivery = run.recorder().series("DELIVERY");
    assertTrue(
        delivery.okHistogram().getTotalCount() > 100,
        "messages published anywhere reach the subscribers");
    assertEquals(Map.of(), delivery.errorsByKind(), "nothing duplicated nor lost");
    // a node's PUBLISH reply counts only its own subscribers; Redline counts what its subscribers
    // owe
    PubSubTracker pubsub = run.redline().pubsub();
    assertTrue(
        pubsub.expected() > ok(run, "PUBLISH"),
        "both subscribers owe most messages: " + pubsub.expected());
    assertEquals(pubsub.expected(), pubsub.delivered());
    JsonNode crossCheck =
        new ObjectMapper()
            .readTree(run.reportFolder().resolve("redline").resolve("summary.json").toFile())
            .get("redline")
            .get("commandstats_cross_check");
    assertTrue(
        crossCheck.get("all_match").asBoolean(),
        "the subscribers' UNSUBSCRIBE at the end is counted too: " + crossCheck);
  }

  @Test
  void messagesASubscriberOnAnotherNodeNeverGotAreCountedLost() throws Exception {
    // every node drops a subscriber whose unsent replies exceed 1 kB: the first 64 kB message is
    // lost
    cluster.configSetAll("client-output-buffer-limit", "pubsub 1024 0 0");
    try {
      ScenarioBuilder subscriber =
          scenario("subscriber").exec(cmd.subscribe("lossy")).pause(Duration.ofSeconds(2));
      ScenarioBuilder publisher =
          scenario("publisher")
              .pause(Duration.ofMillis(500))
              .repeat(10)
              .on(exec(cmd.trackedPublish(s -> "lossy", 64_000)).pause(Duration.ofMillis(20)));

      GatlingRun.Result run =
          GatlingRun.run(
              redis().cluster(cluster.seeds()),
              Duration.ofSeconds(30),
              subscriber.injectOpen(atOnceUsers(1)),
              publisher.injectOpen(atOnceUsers(1)));

      assertEquals(10, ok(run, "PUBLISH"));
      RequestSeries delivery = run.recorder().series("DELIVERY");
      assertNotNull(delivery, "LOST is recorded under DELIVERY");
      long lost = delivery.errorsByKind().getOrDefault("LOST", 0L);
      assertTrue(lost >= 1, "the dropped message is LOST: " + delivery.errorsByKind());
      assertEquals(run.redline().pubsub().expected() - run.redline().pubsub().delivered(), lost);
    } finally {
      cluster.configSetAll("client-output-buffer-limit", "pubsub 33554432 8388608 60");
    }
  }

  @Test
  void keysOfDifferentSlotsAreAClearCrossslotKo() throws Exception {
    ScenarioBuilder scn =
        scenario("crossslot")
            .exec(
                cmd.mset("a", "1", "b", "2"),
                transaction(cmd.incr("x"), cmd.incr("y")),
                transaction(cmd.incr("{same}:x"), cmd.incr("{same}:y")));

    GatlingRun.Result run =
        GatlingRun.run(
            redis().cluster(cluster.seeds()),
            Duration.ofSeconds(30),
            scn.injectOpen(atOnceUsers(1)));

    RequestSeries mset = run.recorder().series("MSET");
    assertEquals(1, mset.koHistogram().getTotalCount());
    assertTrue(
        mset.firstMessageByKind().get("CROSSSLOT").contains("'a' to 15495, 'b' to 3300"),
        mset.firstMessageByKind().toString());
    RequestSeries transactions = run.recorder().series("MULTI/EXEC");
    assertEquals(1, transactions.koHistogram().getTotalCount(), "the transaction over two slots");
    assertEquals(1, transactions.okHistogram().getTotalCount(), "the transaction with a hash tag");
    assertTrue(transactions.firstMessageByKind().get("CROSSSLOT").contains("hash tag"));
    assertFalse(
        cluster.commandCallsSummed().containsKey("mset"),
        "nothing was sent for the CROSSSLOT MSET");
  }
}
