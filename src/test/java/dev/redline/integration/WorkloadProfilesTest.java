package dev.redline.integration;

import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.config.RedlineConfig;
import dev.redline.config.WorkloadConfig;
import dev.redline.measure.RequestSeries;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.testing.Await;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingReport;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import dev.redline.workload.RedisWorkloads;
import io.gatling.javaapi.core.ChainBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/** Each profile against a real server: its op mix, and the server state it implies. */
@EndToEnd
class WorkloadProfilesTest extends RedisServerTest {
  private static final Duration RUN = Duration.ofSeconds(2);

  private static WorkloadConfig settings(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty("redline.test.workload." + keyValues[i], keyValues[i + 1]);
    }
    return RedlineConfig.load(p, Map.of()).workload();
  }

  private GatlingRun.Result run(ChainBuilder iteration, int users) throws Exception {
    GatlingRun.Result result =
        GatlingRun.run(
            protocol().threadsPerClient(users),
            RUN.plusSeconds(30),
            scenario("profile").during(RUN).on(iteration).injectOpen(atOnceUsers(users)));
    assertEquals(0, result.exitCode());
    return result;
  }

  private static long ok(GatlingRun.Result run, String name) {
    RequestSeries s = run.recorder().series(name);
    assertNotNull(s, name + " was run");
    assertEquals(Map.of(), s.errorsByKind(), name + " had KOs");
    return s.okHistogram().getTotalCount();
  }

  @Test
  void basicRwMatchesItsWeightsAndItsGetsHit() throws Exception {
    GatlingRun.Result run =
        run(RedisWorkloads.basicRw(settings("profile", "basic_rw", "key_range", "200")), 4);
    double set = ok(run, "SET");
    double get = ok(run, "GET");
    double del = ok(run, "DEL");
    double total = set + get + del;
    assertTrue(total > 5_000, "ran for real: " + total);
    assertEquals(0.4, set / total, 0.03);
    assertEquals(0.5, get / total, 0.03);
    assertEquals(0.1, del / total, 0.03);
    try (Jedis jedis = jedis()) {
      Map<String, Long> stats = stats(jedis);
      double hitRatio =
          stats.get("keyspace_hits")
              / (double) (stats.get("keyspace_hits") + stats.get("keyspace_misses"));
      assertTrue(hitRatio > 0.6, "GETs read what SETs wrote (one keyspace): hit ratio " + hitRatio);
      java.util.Set<String> keys = jedis.keys("*");
      for (String key : keys) {
        assertTrue(
            key.matches("redline:key:(1?[0-9]?[0-9])"),
            "only the profile's string keys, n < 200: " + key);
      }
      // SET 0.4 against DEL 0.1 over 200 keys: about four in five exist once the run settles
      assertTrue(keys.size() > 100 && keys.size() <= 200, "keys written: " + keys.size());
    }
  }

  @Test
  void listOperationsKeepListsBounded() throws Exception {
    GatlingRun.Result run =
        run(
            RedisWorkloads.listOperations(
                settings(
                    "profile",
                    "list_operations",
                    "key_range",
                    "3",
                    "operations",
                    "LPUSH:0.6,RPUSH:0.3,LRANGE:0.1")),
            4);
    long pushes = ok(run, "LPUSH") + ok(run, "RPUSH");
    // Gatling's during() exits as soon as its time is up, between a push and its trim too
    long untrimmed = pushes - ok(run, "LTRIM");
    assertTrue(
        untrimmed >= 0 && untrimmed <= 4, "every push but a user's last is trimmed: " + untrimmed);
    assertTrue(pushes > 3000, "enough pushes to overflow an unbounded list: " + pushes);
    try (Jedis jedis = jedis()) {
      for (int i = 0; i < 3; i++) {
        long length = jedis.llen("redline:list:" + i);
        assertTrue(
            length <= 1004,
            "list " + i + " stays at most 1000 long (+ a user's last push), is " + length);
      }
    }
  }

  @Test
  void highThroughputPipelinesInProportion() throws Exception {
    GatlingRun.Result run =
        run(RedisWorkloads.highThroughput(settings("profile", "high_throughput")), 2);
    long batches = ok(run, "BATCH");
    assertEquals(4 * batches, ok(run, "SET"));
    assertEquals(6 * batches, ok(run, "GET"));
  }

  @Test
  void transactionHeavyRunsMultiExecOnOneHashTag() throws Exception {
    GatlingRun.Result run =
        run(
            RedisWorkloads.transactionHeavy(
                settings("profile", "transaction_heavy", "key_range", "50")),
            2);
    long transactions = ok(run, "MULTI/EXEC");
    assertEquals(2 * transactions, ok(run, "SET"));
    assertEquals(2 * transactions, ok(run, "INCR"));
    assertEquals(transactions, ok(run, "GET"));
    try (Jedis jedis = jedis()) {
      assertTrue(jedis.keys("{redline:tx:*}:counter:*").size() > 0, "hash-tagged keys");
    }
  }

  @Test
  void asyncMixedHasPipelinedAndSingleUsers() throws Exception {
    GatlingRun.Result run = run(RedisWorkloads.asyncMixed(settings("profile", "async_mixed")), 4);
    assertTrue(ok(run, "BATCH") > 0, "even users pipeline");
    long singles = ok(run, "SET") + ok(run, "GET") + ok(run, "LPUSH") + ok(run, "LRANGE");
    assertTrue(singles > 10 * ok(run, "BATCH"), "odd users send single commands too");
  }

  @Test
  void pubsubHeavyMeasuresEveryDeliveryEndToEnd() throws Exception {
    // another client listening on the same channels: PUBLISH's replies count it, Redline must not
    AtomicLong foreignDeliveries = new AtomicLong();
    JedisPubSub foreign =
        new JedisPubSub() {
          @Override
          public void onMessage(String channel, String message) {
            foreignDeliveries.incrementAndGet();
          }
        };
    Thread foreignClient =
        new Thread(
            () -> {
              try (Jedis jedis = jedis()) {
                jedis.subscribe(foreign, "channel1", "channel2", "channel3");
              }
            });
    foreignClient.start();
    Await.until("the foreign subscriber listens", Duration.ofSeconds(5), foreign::isSubscribed);

    java.util.Set<String> subscriberNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    Jedis observer = jedis();
    watcher.scheduleAtFixedRate(
        () ->
            observer
                .clientList()
                .lines()
                .filter(line -> line.matches(".* name=redline-\\d+-subscriber .*"))
                .forEach(line -> subscriberNames.add(line.replaceAll(".* addr=(\\S+) .*", "$1"))),
        0,
        200,
        TimeUnit.MILLISECONDS);
    GatlingRun.Result run;
    try {
      run = run(RedisWorkloads.of(settings("profile", "pubsub_heavy", "value_size", "64")), 8);
    } finally {
      watcher.shutdown();
      watcher.awaitTermination(5, TimeUnit.SECONDS);
      observer.close();
    }
    assertEquals(
        2,
        subscriberNames.size(),
        "the subscribers' connections are named as such in CLIENT LIST: " + subscriberNames);
    foreign.unsubscribe();
    foreignClient.join(5_000);

    long published = ok(run, "PUBLISH");
    assertEquals(2, ok(run, "SUBSCRIBE"), "users 1 and 5 subscribe");
    RequestSeries delivery = run.recorder().series("DELIVERY");
    long delivered = delivery.okHistogram().getTotalCount();
    assertTrue(
        published > 1000 && delivered > published,
        "each message reaches up to 2 subscribers: " + published + " -> " + delivered);
    assertEquals(
        Map.of(), delivery.errorsByKind(), "nothing lost or duplicated on a healthy server");
    assertEquals(published, foreignDeliveries.get(), "the other client got every message too");
    PubSubTracker pubsub = run.redline().pubsub();
    assertTrue(
        pubsub.expected() > published, "both subscribers owe most messages: " + pubsub.expected());
    assertEquals(pubsub.expected(), pubsub.delivered(), "every owed delivery arrived");
    assertTrue(
        delivered >= pubsub.expected(),
        "messages made before a subscription was confirmed may arrive too");
    com.fasterxml.jackson.databind.JsonNode summary =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(run.reportFolder().resolve("redline/summary.json").toFile())
            .get("redline")
            .get("pubsub");
    assertEquals(pubsub.expected(), summary.get("owed_deliveries").asLong(), summary.toString());
    assertEquals(0, summary.get("lost").asLong());
    assertEquals(2, summary.get("subscriptions").asLong());
    assertEquals(delivered, summary.get("all_deliveries").asLong());
    assertTrue(
        delivery.okHistogram().getValueAtPercentile(50) < 50_000_000,
        "end-to-end latency is measured in ns");
  }

  @Test
  void verificationFindsNoMismatchOnAHealthyServerAndFindsACorruptedValue() throws Exception {
    WorkloadConfig verify =
        settings(
            "profile",
            "basic_rw",
            "key_range",
            "20",
            "verify",
            "true",
            "value_size_min",
            "10",
            "value_size_max",
            "300");
    GatlingRun.Result healthy = run(RedisWorkloads.basicRw(verify), 4);
    long gets = ok(healthy, "GET");
    assertTrue(gets > 3000, "verified reads: " + gets);

    ScheduledExecutorService corrupter = Executors.newSingleThreadScheduledExecutor();
    Jedis jedis = jedis();
    corrupter.scheduleAtFixedRate(
        () -> jedis.set("redline:key:" + (int) (Math.random() * 20), "corrupted"),
        300,
        20,
        TimeUnit.MILLISECONDS);
    GatlingRun.Result corrupted;
    try {
      corrupted =
          GatlingRun.run(
              protocol().threadsPerClient(4),
              RUN.plusSeconds(30),
              true,
              scenario("verify")
                  .during(RUN)
                  .on(RedisWorkloads.basicRw(verify))
                  .injectOpen(atOnceUsers(4)));
    } finally {
      corrupter.shutdownNow();
      corrupter.awaitTermination(5, TimeUnit.SECONDS);
      jedis.close();
    }
    Map<String, Long> errors = corrupted.recorder().series("GET").errorsByKind();
    assertTrue(
        errors.getOrDefault("VERIFY", 0L) > 0,
        "a value written by someone else is a VERIFY KO: " + errors);
    assertTrue(
        corrupted
            .recorder()
            .series("GET")
            .firstMessageByKind()
            .get("VERIFY")
            .contains("starting 'corrupted'"));
    String gatlingReport =
        java.nio.file.Files.readString(corrupted.reportFolder().resolve("index.html"));
    long verifyRows =
        java.util.regex.Pattern.compile("VERIFY: ").matcher(gatlingReport).results().count();
    assertEquals(
        1, verifyRows, "Gatling's error table has one row for every mismatch, not one per value");
  }

  @Test
  void workloadSimulationRunsAProfileFromSystemProperties() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.WorkloadSimulation",
            Map.of(
                "redline.url", server.url(),
                "redline.test.workload.profile", "list_operations",
                "redline.test.duration", "2s",
                "redline.test.threads_per_client", "2"));
    assertEquals(0, run.exitCode());
    assertTrue(Files.exists(run.reportFolder().resolve("index.html")), "Gatling's report");
    assertTrue(run.recorder().series("LPUSH").okHistogram().getTotalCount() > 0);
    assertEquals(
        java.util.Set.of("list_operations"),
        java.util.Set.of(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.reportFolder().resolve("redline/summary.json").toFile())
                .get("workload_name")
                .asText()));
  }

  @Test
  void theConfigCanGiveGatlingOnlyTheBatchRecordsOfHighThroughput() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            "dev.redline.simulations.WorkloadSimulation",
            Map.of(
                "redline.url", server.url(),
                "redline.test.workload.profile", "high_throughput",
                "redline.test.gatling_records", "batch_only",
                "redline.test.duration", "2s",
                "redline.test.threads_per_client", "2",
                "redline.assertions", "")); // no gate: Gatling holds the load's records only
    assertEquals(0, run.exitCode());
    long batches = run.recorder().series("BATCH").okHistogram().getTotalCount();
    assertTrue(
        batches > 100 && run.recorder().series("SET").okHistogram().getTotalCount() > batches,
        "every command in Redline's report");
    Map<String, long[]> gatling = GatlingReport.counts(run.reportFolder());
    assertEquals(batches, gatling.get("BATCH")[0]);
    assertEquals(
        batches,
        gatling.get("All Requests")[0],
        "only BATCH records in Gatling's: " + gatling.keySet());
  }

  private static Map<String, Long> stats(Jedis jedis) {
    Map<String, Long> stats = new java.util.HashMap<>();
    for (String line : jedis.info("stats").split("\r?\n")) {
      String[] kv = line.split(":");
      if (kv.length == 2 && kv[1].strip().matches("\\d+")) {
        stats.put(kv[0], Long.parseLong(kv[1].strip()));
      }
    }
    return stats;
  }
}
