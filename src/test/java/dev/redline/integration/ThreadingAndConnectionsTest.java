package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Jedis runs on Redline's worker threads only, and the pools never open more than their share. */
class ThreadingAndConnectionsTest extends RedisServerTest {

  @Test
  void jedisCallsRunOnRedlineWorkersNeverOnGatlingThreads() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Duration duration = Duration.ofSeconds(2);
    // a check runs on the thread that made the Jedis call, right after it
    ScenarioBuilder scn =
        scenario("threads")
            .during(duration)
            .on(
                exec(cmd.set("k:#{userId}", "v")
                        .check(
                            reply()
                                .transform(
                                    r -> threads.add(Thread.currentThread().getName()) || true)
                                .is(true)))
                    .exec(
                        pipeline(
                            cmd.get("k:#{userId}")
                                .check(
                                    reply()
                                        .transform(
                                            r ->
                                                threads.add(Thread.currentThread().getName())
                                                    || true)
                                        .is(true))))
                    .pause(Duration.ofMillis(1)));

    GatlingRun.Result run =
        GatlingRun.run(
            protocol().clientInstances(2).threadsPerClient(3),
            Duration.ofSeconds(30),
            scn.injectClosed(constantConcurrentUsers(6).during(duration)));

    assertEquals(0, run.exitCode());
    assertFalse(threads.isEmpty());
    for (String name : threads) {
      assertTrue(name.matches("redline-client-[01]-worker-[012]"), "Jedis ran on " + name);
    }
    assertEquals(6, threads.size(), "6 users spread over all 2 x 3 workers: " + threads);
  }

  @Test
  void aLongChainOfRequestsRunsInlineOnTheWorkerWithoutGrowingTheStack() throws Exception {
    // 5,000 requests chained one after the other (no Gatling loop between them to unwind the
    // stack):
    // a worker runs at most a few nested inline, then queues the next; the stack stays small
    int chained = 5_000;
    AtomicInteger deepestStack = new AtomicInteger();
    var step =
        cmd.incr(
            session -> {
              deepestStack.accumulateAndGet(
                  Thread.currentThread().getStackTrace().length, Math::max);
              return "chain";
            });
    ScenarioBuilder scn =
        scenario("long chain").exec(java.util.Collections.nCopies(chained, exec(step)));

    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(60), scn.injectOpen(atOnceUsers(1)));

    assertEquals(0, run.exitCode());
    assertEquals(chained, run.recorder().series("INCR").okHistogram().getTotalCount());
    try (Jedis jedis = jedis()) {
      assertEquals(Integer.toString(chained), jedis.get("chain"));
    }
    assertTrue(
        deepestStack.get() < 1_000, "stack depth stays bounded: " + deepestStack.get() + " frames");
  }

  @Test
  void feedersAndRendezVousWorkForUsersLivingOnTheirWorkers() throws Exception {
    int users = 6;
    java.util.List<java.util.Map<String, Object>> records = new java.util.ArrayList<>();
    for (int i = 0; i < users; i++) {
      records.add(java.util.Map.of("item", "item-" + i));
    }
    // each user takes a record, writes it, waits for every user at the rendezvous (Gatling's own
    // action, which lets the users go from its own thread), then reads what all the others wrote
    ScenarioBuilder scn =
        scenario("feeder and rendezvous")
            .feed(listFeeder(records).queue())
            .exec(cmd.sadd("items", "#{item}"))
            .rendezVous(users)
            .exec(cmd.scard("items").check(reply().ofLong().is((long) users)))
            .feed(listFeeder(records).circular())
            .exec(cmd.command("SISMEMBER", "items", "#{item}").check(reply().is(1L)));

    GatlingRun.Result run =
        GatlingRun.run(
            protocol().threadsPerClient(2),
            Duration.ofSeconds(30),
            scn.injectOpen(atOnceUsers(users)));

    assertEquals(0, run.exitCode());
    assertEquals(users, run.recorder().series("SCARD").okHistogram().getTotalCount());
    assertEquals(users, run.recorder().series("SISMEMBER").okHistogram().getTotalCount());
    assertEquals(0, run.recorder().series("SCARD").koHistogram().getTotalCount());
  }

  @Test
  void aThrottledScenarioGoesThroughGatlingsThrottler() throws Exception {
    Duration duration = Duration.ofSeconds(4);
    ScenarioBuilder scn = scenario("throttled").during(duration).on(exec(cmd.incr("throttled")));
    GatlingRun.Result run =
        GatlingRun.runThrottled(
            protocol().threadsPerClient(2), duration, 200, scn.injectOpen(atOnceUsers(2)));
    long requests = run.recorder().series("INCR").okHistogram().getTotalCount();
    // 200 requests/s for about 4 s (the throttle ramps for 1 s): far below the thousands per second
    // unthrottled
    assertTrue(requests > 400 && requests < 1000, "throttled to about 200/s: " + requests);
    String verdict = run.summary().path("limit").path("reasons").toString();
    assertTrue(verdict.contains("Gatling's throttle paced the load"), verdict);
  }

  @Test
  void clientListNeverShowsMoreThanClientInstancesTimesConnectionsPerClient() throws Exception {
    Duration duration = Duration.ofSeconds(3);
    ScenarioBuilder scn =
        scenario("pool bound")
            .during(duration)
            .on(
                exec(cmd.set("k:#{userId}", "v"))
                    .exec(cmd.get("k:#{userId}"))
                    .exec(pipeline(cmd.incr("n"), cmd.incr("n"))));
    AtomicInteger most = new AtomicInteger();
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    Jedis observer = jedis();
    watcher.scheduleAtFixedRate(
        () -> {
          // the pools' connections (redline-<client>), not the cross-check's INFO reads
          // (redline-cross-check)
          long redline =
              observer
                  .clientList()
                  .lines()
                  .filter(line -> line.matches(".* name=redline-\\d+ .*"))
                  .count();
          most.accumulateAndGet((int) redline, Math::max);
        },
        0,
        50,
        TimeUnit.MILLISECONDS);
    GatlingRun.Result run;
    try {
      // 12 users on 2 clients x 4 threads, but only 2 connections per client
      run =
          GatlingRun.run(
              protocol().clientInstances(2).threadsPerClient(4).connectionsPerClient(2),
              Duration.ofSeconds(30),
              scn.injectClosed(constantConcurrentUsers(12).during(duration)));
    } finally {
      watcher.shutdown();
      watcher.awaitTermination(5, TimeUnit.SECONDS);
      observer.close();
    }

    assertEquals(0, run.exitCode());
    assertTrue(run.recorder().series("SET").okHistogram().getTotalCount() > 100);
    assertTrue(most.get() > 0, "the watcher saw Redline's connections");
    assertTrue(most.get() <= 4, "at most 2 x 2 connections, saw " + most.get());
  }
}
