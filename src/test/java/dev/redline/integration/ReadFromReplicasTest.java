package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.client.ReplicationInfo;
import dev.redline.testing.Await;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestCluster;
import dev.redline.testing.TestRedis;
import dev.redline.testing.TestRedisServer;
import dev.redline.testing.TestSentinels;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * read_from against real servers: a primary with two replicas, and a cluster of three primaries
 * with a replica each. Every GET must land on a replica (their own INFO commandstats say so), every
 * write on the primary, and the report's per-node cross-check must hold.
 */
@EndToEnd
class ReadFromReplicasTest {
  private static TestRedisServer primary;
  private static final List<TestRedisServer> replicas = new ArrayList<>();

  @BeforeAll
  static void startPrimaryAndReplicas() {
    primary = TestRedisServer.start();
    for (int i = 0; i < 2; i++) {
      replicas.add(TestRedisServer.start("--replicaof", "127.0.0.1", "" + primary.port()));
    }
    awaitReplicasOnline(primary, 2);
  }

  private static void awaitReplicasOnline(TestRedisServer primary, int replicas) {
    Await.until(
        replicas + " replicas online",
        Duration.ofSeconds(20),
        () -> {
          try (Jedis jedis = TestRedis.connect(primary)) {
            return ReplicationInfo.parse(jedis.info("replication")).onlineReplicas().size()
                == replicas;
          }
        });
  }

  @AfterAll
  static void stopServers() {
    replicas.forEach(TestRedisServer::close);
    if (primary != null) {
      primary.close();
    }
  }

  /**
   * Writes, single reads, a pipeline of reads only, and a transaction (which stays on the primary).
   */
  private static ScenarioBuilder mixed(String name) {
    return scenario(name)
        .repeat(50)
        .on(
            exec(
                cmd.set("rf:#{userId}", "v").check(reply().is("OK")),
                cmd.get("rf:#{userId}"),
                cmd.incr("rf:n:#{userId}"),
                pipeline(cmd.get("rf:#{userId}"), cmd.get("rf:n:#{userId}")),
                // reads beside a write stay on the primary, and count there: STRLEN, not GET
                pipeline(cmd.command("STRLEN", "rf:#{userId}"), cmd.incr("rf:p:#{userId}")),
                transaction(cmd.incr("rf:t:#{userId}"), cmd.command("STRLEN", "rf:#{userId}"))));
  }

  private static Map<Integer, Map<String, Long>> counts(List<TestRedisServer> servers) {
    Map<Integer, Map<String, Long>> counts = new LinkedHashMap<>();
    for (TestRedisServer server : servers) {
      try (Jedis jedis = TestRedis.connect(server)) {
        counts.put(server.port(), TestRedis.commandCalls(jedis));
      }
    }
    return counts;
  }

  private static List<TestRedisServer> all() {
    List<TestRedisServer> all = new ArrayList<>(List.of(primary));
    all.addAll(replicas);
    return all;
  }

  private static long delta(
      Map<Integer, Map<String, Long>> before,
      Map<Integer, Map<String, Long>> after,
      TestRedisServer server,
      String command) {
    return after.get(server.port()).getOrDefault(command, 0L)
        - before.get(server.port()).getOrDefault(command, 0L);
  }

  @Test
  void replicaReadsSendEveryGetToTheReplicasAndEveryWriteToThePrimary() throws Exception {
    Map<Integer, Map<String, Long>> before = counts(all());
    GatlingRun.Result run =
        GatlingRun.run(
            redis()
                .url("redis://127.0.0.1:" + primary.port())
                .readFrom("replica")
                .clientInstances(2),
            Duration.ofSeconds(60),
            mixed("replica reads").injectOpen(atOnceUsers(4)));
    assertEquals(0, run.exitCode());
    Map<Integer, Map<String, Long>> after = counts(all());
    long gets = 4 * 50 * 3; // one GET and a pipeline of two per round
    long replicaGets = 0;
    for (TestRedisServer replica : replicas) {
      long got = delta(before, after, replica, "get");
      assertTrue(got > gets / 5, "each replica takes a share of the GETs: " + got + " of " + gets);
      replicaGets += got;
      assertEquals(
          0,
          delta(before, after, replica, "incr") - delta(before, after, primary, "incr"),
          "a replica runs the primary's writes as it replicates them, no more");
    }
    assertEquals(gets, replicaGets, "the replicas counted every GET");
    assertEquals(0, delta(before, after, primary, "get"), "the primary counted no GET");
    assertEquals(4 * 50, delta(before, after, primary, "set"));
    assertEquals(4 * 50 * 3, delta(before, after, primary, "incr"));
    assertEquals(4 * 50 * 2, delta(before, after, primary, "strlen"), "reads beside writes");
    assertEquals(4 * 50, delta(before, after, primary, "exec"));

    JsonNode reads = run.summary().path("reads");
    assertEquals("replica", reads.path("read_from").asText(), reads.toString());
    assertTrue(reads.path("all_match").asBoolean(), "per-node cross-check: " + reads);
    assertEquals(3, reads.path("nodes").size(), reads.toString());
    long sentToReplicas = 0;
    for (JsonNode node : reads.path("nodes")) {
      if (node.path("role").asText().equals("replica")) {
        sentToReplicas += node.path("reads_sent").asLong();
        assertTrue(node.path("max_bytes_behind").asLong() >= 0, "lag was read: " + node);
      } else {
        assertEquals(4 * 50 * 2, node.path("reads_sent").asLong(), "the STRLENs: " + node);
        assertEquals(4 * 50 * 2, node.path("reads_counted").asLong(), node.toString());
      }
    }
    assertEquals(gets, sentToReplicas);
    assertTrue(
        run.summary().path("commandstats_cross_check").path("all_match").asBoolean(true),
        "the whole-run cross-check holds with the replicas' reads: "
            + run.summary().path("commandstats_cross_check"));
  }

  @Test
  void theReadyHighThroughputProfileReadsItsBatchesFromTheReplicas() throws Exception {
    Map<Integer, Map<String, Long>> before = counts(all());
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.WorkloadSimulation",
            Map.of(
                "redline.url", "redis://127.0.0.1:" + primary.port(),
                "redline.redis.read_from", "replica",
                "redline.test.workload.profile", "high_throughput",
                "redline.test.workload.operations", "{GET: 1.0}",
                "redline.test.duration", "2s",
                "redline.test.threads_per_client", "2",
                "redline.assertions", ""));
    assertEquals(0, run.exitCode());
    Map<Integer, Map<String, Long>> after = counts(all());
    long onReplicas = 0;
    for (TestRedisServer replica : replicas) {
      onReplicas += delta(before, after, replica, "get");
    }
    assertEquals(0, delta(before, after, primary, "get"), "the primary counted no GET");
    assertTrue(onReplicas > 1000, "the replicas served the batches' GETs: " + onReplicas);
    JsonNode reads = run.summary().path("reads");
    assertTrue(reads.path("all_match").asBoolean(), reads.toString());
  }

  @Test
  void anyReadsSpreadOverThePrimaryAndTheNamedReplica() throws Exception {
    Map<Integer, Map<String, Long>> before = counts(all());
    TestRedisServer named = replicas.get(1);
    GatlingRun.Result run =
        GatlingRun.run(
            redis()
                .url("redis://127.0.0.1:" + primary.port())
                .readFrom("any")
                .replicas("127.0.0.1:" + named.port()),
            Duration.ofSeconds(60),
            mixed("any reads").injectOpen(atOnceUsers(2)));
    assertEquals(0, run.exitCode());
    Map<Integer, Map<String, Long>> after = counts(all());
    long gets = 2 * 50 * 3;
    long onPrimary = delta(before, after, primary, "get");
    long onNamed = delta(before, after, named, "get");
    assertEquals(0, delta(before, after, replicas.get(0), "get"), "the unnamed replica: none");
    assertEquals(gets, onPrimary + onNamed);
    assertTrue(onPrimary > gets / 5 && onNamed > gets / 5, onPrimary + " / " + onNamed);
    assertTrue(
        run.summary().path("reads").path("all_match").asBoolean(),
        run.summary().path("reads").toString());
  }

  @Test
  void replicaReadsInAClusterLandOnTheReplicas() throws Exception {
    try (TestCluster cluster = TestCluster.withReplicas(3)) {
      Map<Integer, Map<String, Long>> before = new LinkedHashMap<>();
      List<Integer> primaries = new ArrayList<>();
      for (int i = 0; i < cluster.size(); i++) {
        try (Jedis jedis = cluster.connect(i)) {
          before.put(i, TestRedis.commandCalls(jedis));
          if (ReplicationInfo.parse(jedis.info("replication")).primary()) {
            primaries.add(i);
          }
        }
      }
      assertEquals(3, primaries.size());
      GatlingRun.Result run =
          GatlingRun.run(
              redis().cluster(cluster.seeds()).readFrom("replica"),
              Duration.ofSeconds(60),
              scenario("cluster replica reads")
                  .repeat(60, "i")
                  .on(
                      exec(
                          cmd.set("rf:#{userId}:#{i}", "v"),
                          cmd.get("rf:#{userId}:#{i}"),
                          // keys of several slots: one pipeline per replica, read in parallel
                          pipeline(
                              cmd.get("rf:#{userId}:#{i}"),
                              cmd.get("rf:a:#{i}"),
                              cmd.get("rf:b:#{i}"),
                              cmd.get("rf:c:#{i}")),
                          // a read in a transaction stays on its slot's primary, counted there
                          transaction(
                              cmd.incr("{rf#{userId}}:t"),
                              cmd.command("STRLEN", "{rf#{userId}}:t"))))
                  .injectOpen(atOnceUsers(3)));
      assertEquals(0, run.exitCode());
      long primaryGets = 0;
      long replicaGets = 0;
      long primarySets = 0;
      for (int i = 0; i < cluster.size(); i++) {
        try (Jedis jedis = cluster.connect(i)) {
          Map<String, Long> d = TestRedis.delta(before.get(i), TestRedis.commandCalls(jedis));
          if (primaries.contains(i)) {
            primaryGets += d.getOrDefault("get", 0L);
            primarySets += d.getOrDefault("set", 0L);
          } else {
            replicaGets += d.getOrDefault("get", 0L);
          }
        }
      }
      assertEquals(3 * 60, primarySets);
      assertEquals(0, primaryGets, "no primary counted a GET");
      assertEquals(3 * 60 * 5, replicaGets, "the replicas counted every GET");
      JsonNode reads = run.summary().path("reads");
      assertTrue(reads.path("all_match").asBoolean(), reads.toString());
      assertEquals(6, reads.path("nodes").size(), reads.toString());
    }
  }

  @Test
  void replicaReadsBehindSentinelsGoToTheReplicaTheSentinelsList() throws Exception {
    try (TestSentinels deployment = new TestSentinels()) {
      HostAndPort primaryNode = deployment.currentPrimary();
      HostAndPort replica = deployment.firstReplica();
      Map<String, Long> primaryBefore;
      Map<String, Long> replicaBefore;
      try (Jedis p = TestSentinels.dataNode(primaryNode);
          Jedis r = TestSentinels.dataNode(replica)) {
        primaryBefore = TestRedis.commandCalls(p);
        replicaBefore = TestRedis.commandCalls(r);
      }
      GatlingRun.Result run =
          GatlingRun.run(
              deployment.protocol().readFrom("replica"),
              Duration.ofSeconds(60),
              mixed("sentinel replica reads").injectOpen(atOnceUsers(2)));
      assertEquals(0, run.exitCode());
      try (Jedis p = TestSentinels.dataNode(primaryNode);
          Jedis r = TestSentinels.dataNode(replica)) {
        Map<String, Long> onPrimary = TestRedis.delta(primaryBefore, TestRedis.commandCalls(p));
        Map<String, Long> onReplica = TestRedis.delta(replicaBefore, TestRedis.commandCalls(r));
        assertEquals(0, onPrimary.getOrDefault("get", 0L), "the primary counted no GET");
        assertEquals(2 * 50 * 3, onReplica.getOrDefault("get", 0L), "the replica counted them");
        assertEquals(2 * 50, onPrimary.getOrDefault("set", 0L));
      }
      assertTrue(
          run.summary().path("reads").path("all_match").asBoolean(),
          run.summary().path("reads").toString());
    }
  }

  @Test
  void aReplicaThatDiesMidRunCostsItsReadsOnlyAndTheReportSaysItCouldNotBeCounted()
      throws Exception {
    try (TestRedisServer ownPrimary = TestRedisServer.start();
        TestRedisServer staying =
            TestRedisServer.start("--replicaof", "127.0.0.1", "" + ownPrimary.port());
        TestRedisServer dying =
            TestRedisServer.start("--replicaof", "127.0.0.1", "" + ownPrimary.port())) {
      awaitReplicasOnline(ownPrimary, 2);
      Thread killer =
          new Thread(
              () -> {
                try {
                  Thread.sleep(1500);
                } catch (InterruptedException e) {
                  return;
                }
                dying.kill();
              });
      GatlingRun.Result run;
      killer.start();
      try {
        run =
            GatlingRun.run(
                redis().url("redis://127.0.0.1:" + ownPrimary.port()).readFrom("replica"),
                Duration.ofSeconds(60),
                scenario("a replica dies")
                    .during(Duration.ofSeconds(3))
                    .on(exec(cmd.set("rf:#{userId}", "v"), cmd.get("rf:#{userId}")))
                    .injectOpen(atOnceUsers(2)));
      } finally {
        killer.join();
      }
      assertEquals(0, run.exitCode(), "the run went on to its end");
      Map<String, Long> getKos = run.recorder().series("GET").errorsByKind();
      assertTrue(getKos.getOrDefault("CONNECTION", 0L) > 0, "reads to the dead replica: " + getKos);
      assertTrue(
          run.recorder().series("GET").okHistogram().getTotalCount() > 100,
          "reads to the other replica went on");
      JsonNode crossCheck = run.summary().path("commandstats_cross_check");
      assertFalse(crossCheck.path("available").asBoolean(true), crossCheck.toString());
      assertTrue(
          crossCheck.toString().contains("the replica 127.0.0.1:" + dying.port()),
          crossCheck.toString());
      JsonNode reads = run.summary().path("reads");
      assertFalse(reads.path("all_match").asBoolean(true), reads.toString());
      boolean unread = false;
      for (JsonNode node : reads.path("nodes")) {
        if (node.path("node").asText().endsWith(":" + dying.port())) {
          unread = node.path("reads_counted").isNull();
        }
      }
      assertTrue(unread, "the dead replica's count is unknown, not 0: " + reads);
    }
  }

  @Test
  void aReplayedReadInAnotherDatabaseStaysOnThePrimaryWithItsSelects() throws Exception {
    StringBuilder capture = new StringBuilder();
    int rounds = 100;
    for (int i = 0; i < rounds; i++) {
      String at = String.format("1733582400.%06d", i);
      capture.append(at).append(" [3 127.0.0.1:5000] \"SET\" \"rf:db3\" \"three\"\n");
      capture.append(at).append(" [3 127.0.0.1:5000] \"GET\" \"rf:db3\"\n");
      capture.append(at).append(" [0 127.0.0.1:5000] \"GET\" \"rf:db0\"\n");
    }
    java.nio.file.Path file = java.nio.file.Files.createTempFile("capture", ".txt");
    java.nio.file.Files.writeString(file, capture);
    Map<Integer, Map<String, Long>> before = counts(all());
    GatlingRun.Result run =
        GatlingRun.run(
            // fewer connections than workers: every request borrows its primary connection
            redis()
                .url("redis://127.0.0.1:" + primary.port())
                .readFrom("replica")
                .threadsPerClient(2)
                .connectionsPerClient(1),
            Duration.ofSeconds(60),
            scenario("replay")
                .exec(replay(file.toString()).speed(0).untilEnd())
                .injectOpen(atOnceUsers(2)));
    assertEquals(0, run.exitCode());
    Map<Integer, Map<String, Long>> after = counts(all());
    assertEquals(rounds, delta(before, after, primary, "get"), "database 3's reads: the primary");
    long onReplicas = 0;
    for (TestRedisServer replica : replicas) {
      onReplicas += delta(before, after, replica, "get");
    }
    assertEquals(rounds, onReplicas, "database 0's reads: the replicas");
    assertEquals(
        0, run.recorder().series("GET").errorsByKind().size(), "no read went to a wrong place");
    try (Jedis jedis = TestRedis.connect(primary)) {
      assertNull(jedis.get("rf:db3"), "nothing written to database 0");
      jedis.select(3);
      assertEquals("three", jedis.get("rf:db3"));
    }
    assertTrue(
        run.summary().path("reads").path("all_match").asBoolean(),
        run.summary().path("reads").toString());
  }

  @Test
  void mistakesAreOneLineEach() {
    String primaryAddress = "127.0.0.1:" + primary.port();
    assertRefused(
        redis().url("redis://" + primaryAddress).readFrom("replica").replicas(primaryAddress),
        "include the primary " + primaryAddress);
    try (TestRedisServer lone = TestRedisServer.start()) {
      assertRefused(
          redis().url("redis://127.0.0.1:" + lone.port()).readFrom("replica"),
          "read_from is replica, but the primary 127.0.0.1:" + lone.port() + " has no replica");
      assertRefused(
          redis()
              .url("redis://" + primaryAddress)
              .readFrom("replica")
              .replicas("127.0.0.1:" + lone.port()),
          "is a primary, not a replica");
      try (Jedis admin = TestRedis.connect(lone)) {
        admin.aclSetUser("nocommand", "on", ">pw", "~*", "+@all", "-command");
      }
      assertRefused(
          redis().url("redis://nocommand:pw@127.0.0.1:" + lone.port()).readFrom("any"),
          "read_from needs COMMAND and INFO on the primary");
    }
    assertRefused(
        redis().url("redis://127.0.0.1:" + replicas.get(0).port()).readFrom("replica"),
        "is a replica");
    RuntimeException wrongValue =
        assertThrows(RuntimeException.class, () -> redis().readFrom("replicas"));
    assertTrue(wrongValue.getMessage().contains("primary, replica, any"), wrongValue.getMessage());
  }

  @Test
  void aClusterWithoutReplicasRefusesReplicaReads() {
    try (TestCluster cluster = new TestCluster(3)) {
      assertRefused(
          redis().cluster(cluster.seeds()).readFrom("replica"),
          "has no replica to read its slots from");
      assertRefused(
          redis().cluster(cluster.seeds()).readFrom("replica").replicas("127.0.0.1:1"),
          "replicas are named, but this is a cluster");
    }
  }

  private static void assertRefused(
      dev.redline.javaapi.RedisProtocolBuilder protocol, String expected) {
    Exception error =
        assertThrows(
            Exception.class,
            () ->
                GatlingRun.run(
                    protocol,
                    Duration.ofSeconds(30),
                    scenario("never").exec(cmd.get("k")).injectOpen(atOnceUsers(1))));
    String message = GatlingRun.messages(error);
    assertTrue(message.contains(expected), message);
  }
}
