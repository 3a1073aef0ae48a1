package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.cmd;
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
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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
}
