package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.cmd;
import static dev.redline.javaapi.RedisDsl.redis;
import static dev.redline.javaapi.RedisDsl.reply;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.redline.javaapi.RedisDsl;
import dev.redline.testing.GatlingReport;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ProtocolBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A Gatling user tests an API and its cache in one scenario: Gatling's own HTTP requests between
 * Redis requests, against a real HTTP server, with no switch on the Redis protocol.
 */
class HttpBesideRedisTest extends RedisServerTest {
  private HttpServer web;
  private final AtomicLong pagesServed = new AtomicLong();

  @BeforeEach
  void startWebServer() throws Exception {
    System.setProperty(
        "sun.net.httpserver.nodelay", "true"); // no 40 ms delayed-ACK stall per response
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    web.createContext(
        "/page",
        exchange -> {
          byte[] body = "cached page".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          pagesServed.incrementAndGet();
        });
    web.start();
  }

  @AfterEach
  void stopWebServer() {
    web.stop(0);
  }

  /** Sets a page in Redis, fetches it over HTTP, reads it back and counts it in Redis. */
  public static class ApiAndCacheSimulation extends Simulation {
    {
      Duration duration = Duration.ofSeconds(3);
      ScenarioBuilder scn =
          scenario("api and cache")
              .during(duration)
              .on(
                  exec(cmd.set("page:#{userId}", "cached page"))
                      .exec(http("page").get("/page").check(status().is(200)))
                      .exec(cmd.get("page:#{userId}"))
                      .exec(cmd.incr("pages")));
      setUp(scn.injectClosed(constantConcurrentUsers(8).during(duration)))
          .protocols(
              RedisDsl.redis()
                  .url(System.getProperty("test.redis.url"))
                  .clientInstances(2)
                  .threadsPerClient(2),
              http.baseUrl(System.getProperty("test.web.url")).shareConnections());
    }
  }

  @Test
  void httpRequestsBetweenRedisRequestsAreAllOk() throws Exception {
    GatlingRun.Result run =
        GatlingRun.runSimulation(
            ApiAndCacheSimulation.class.getName(),
            Map.of(
                "test.redis.url",
                server.url(),
                "test.web.url",
                "http://127.0.0.1:" + web.getAddress().getPort()));

    assertEquals(0, run.exitCode());
    Map<String, long[]> gatling = GatlingReport.counts(run.reportFolder());
    long[] pages = gatling.get("page");
    assertTrue(
        pages != null && pages[0] > 100,
        "HTTP requests ran: " + (pages == null ? "none" : pages[0]));
    assertEquals(0, pages[2], "HTTP requests KO");
    assertEquals(0, gatling.get("All Requests")[2], "no request of any kind is KO");
    assertEquals(pages[1], pagesServed.get(), "every OK page was served by the web server");
    long incrs = gatling.get("INCR")[1];
    assertTrue(incrs > 100, "Redis requests ran: " + incrs);
    try (Jedis jedis = jedis()) {
      assertEquals(
          Long.toString(incrs), jedis.get("pages"), "every INCR Gatling counted reached Redis");
    }
  }

  /**
   * Redis and HTTP requests alternate inside one {@code during} loop and one {@code tryMax}, with a
   * pause, for users that share their Redis workers. A user lives on its Redis worker from its
   * first Redis request: every later step (an HTTP response, a pause's end, a session function)
   * runs on that one thread. Gatling's block rules treat a Redis KO inside HTTP requests as they
   * treat an HTTP KO inside Redis requests.
   */
  @Test
  void redisAndHttpAlternateInOneLoopAndOneTryMaxOnTheUsersWorker() throws Exception {
    int users = 4;
    Map<Long, Set<String>> threadsByUser = new ConcurrentHashMap<>();
    java.util.function.Supplier<List<PopulationBuilder>> populations =
        () ->
            List.of(
                scenario("alternating")
                    .exec(redis("first").set("n:#{userId}", "0"))
                    .during(Duration.ofSeconds(2), "i", false)
                    .on(
                        exec(s -> s)
                            .tryMax(2)
                            .on(
                                exec(http("page 1").get("/page").check(status().is(200)))
                                    .exec(redis("redis 1").incr("n:#{userId}"))
                                    .exec(http("page 2").get("/page").check(status().is(200)))
                                    .exec(redis("redis 2").get("n:#{userId}"))
                                    .pause(Duration.ofMillis(5))
                                    .exec(
                                        s -> {
                                          threadsByUser
                                              .computeIfAbsent(
                                                  s.userId(), u -> ConcurrentHashMap.newKeySet())
                                              .add(Thread.currentThread().getName());
                                          return s;
                                        })))
                    // a Redis KO between HTTP requests, and its twin: an HTTP KO between Redis
                    .tryMax(3)
                    .on(
                        exec(http("http before redis KO").get("/page"))
                            .exec(redis("redis KO").get("absent").check(reply().is("x")))
                            .exec(http("http after redis KO").get("/page")))
                    .tryMax(3)
                    .on(
                        exec(redis("redis before http KO").incr("retries:#{userId}"))
                            .exec(http("http KO").get("/missing").check(status().is(200)))
                            .exec(redis("redis after http KO").incr("never:#{userId}")))
                    .injectOpen(atOnceUsers(users)));
    java.util.function.Supplier<List<ProtocolBuilder>> protocols =
        () ->
            List.of(
                redis().url(server.url()).clientInstances(1).threadsPerClient(2),
                http.baseUrl("http://127.0.0.1:" + web.getAddress().getPort()).shareConnections());

    GatlingRun.Result run = GatlingRun.run(protocols, Duration.ofSeconds(30), true, 0, populations);

    Map<String, long[]> counts = GatlingReport.counts(run.reportFolder());
    long loops = counts.get("page 1")[0];
    assertTrue(loops > users * 10L, "loop iterations ran: " + loops);
    for (String name : List.of("page 1", "redis 1", "page 2", "redis 2")) {
      assertEquals(loops, counts.get(name)[0], name + " ran once per iteration");
      assertEquals(0, counts.get(name)[2], name + " KO");
    }
    assertEquals(3L * users, counts.get("http before redis KO")[0]);
    assertEquals(3L * users, counts.get("redis KO")[2]);
    assertEquals(null, counts.get("http after redis KO"));
    assertEquals(3L * users, counts.get("redis before http KO")[0]);
    assertEquals(3L * users, counts.get("http KO")[2]);
    assertEquals(null, counts.get("redis after http KO"));
    assertEquals(
        pagesServed.get(),
        counts.get("page 1")[1] + counts.get("page 2")[1] + 3L * users,
        "every OK page was served");
    assertEquals(users, threadsByUser.size());
    threadsByUser.forEach(
        (user, threads) -> {
          assertEquals(1, threads.size(), "user " + user + " ran on " + threads);
          assertTrue(
              threads.iterator().next().startsWith("redline-client-0-worker-"),
              "user " + user + " lives on its Redis worker: " + threads);
        });
  }
}
