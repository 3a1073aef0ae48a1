package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.cmd;
import static dev.redline.javaapi.RedisDsl.redis;
import static dev.redline.javaapi.RedisDsl.reply;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.redline.testing.GatlingReport;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gatling's block rules hold for every kind of Redis request exactly as for HTTP: each scenario
 * shape (tryMax, exitBlockOnFail, exitHereIfFailed, an exit-ASAP loop, a group, a request that
 * cannot be built) runs once with Redis requests of each kind and once with Gatling HTTP requests
 * against a local HTTP server, in the same run, and the number of requests at every position is the
 * same.
 */
class BlockRulesBesideHttpTest extends RedisServerTest {
  private static final int USERS = 3;

  private HttpServer web;

  /** A KO, an OK and a request that cannot be built, of one kind of request. */
  private record Requests(
      String kind,
      Function<String, ActionBuilder> failing,
      Function<String, ActionBuilder> passing,
      Function<String, ActionBuilder> crashing) {}

  /** A scenario shape: its positions are named {@code <kind> <shape> <n>}. */
  private record Shape(String name, Function<Requests, ChainBuilder> chain) {}

  /** The shapes (made inside the simulation: Gatling's session functions exist only there). */
  private static List<Shape> shapes() {
    return List.of(
        new Shape(
            "tryMax",
            r ->
                exec(s -> s)
                    .tryMax(3)
                    .on(
                        exec(r.failing().apply(r.kind() + " tryMax 1"))
                            .exec(r.passing().apply(r.kind() + " tryMax 2")))
                    .exitHereIfFailed()
                    .exec(r.passing().apply(r.kind() + " tryMax 3"))),
        new Shape(
            "exitBlockOnFail",
            r ->
                exec(s -> s)
                    .exitBlockOnFail()
                    .on(
                        exec(r.failing().apply(r.kind() + " exitBlockOnFail 1"))
                            .exec(r.passing().apply(r.kind() + " exitBlockOnFail 2")))
                    .exec(r.passing().apply(r.kind() + " exitBlockOnFail 3"))),
        new Shape(
            "exitHereIfFailed",
            r ->
                exec(r.failing().apply(r.kind() + " exitHereIfFailed 1"))
                    .exitHereIfFailed()
                    .exec(r.passing().apply(r.kind() + " exitHereIfFailed 2"))),
        new Shape(
            "exitAsap",
            r ->
                exec(s -> s.set("n", 0))
                    .asLongAs(s -> s.getInt("n") < 2, "i", true)
                    .on(
                        exec(r.passing().apply(r.kind() + " exitAsap 1"))
                            .exec(s -> s.set("n", s.getInt("n") + 1))
                            .exec(r.passing().apply(r.kind() + " exitAsap 2")))
                    .exec(r.passing().apply(r.kind() + " exitAsap 3"))),
        new Shape(
            "group",
            r ->
                exec(s -> s)
                    .group(r.kind() + " group")
                    .on(
                        exec(r.passing().apply(r.kind() + " group 1"))
                            .exec(r.failing().apply(r.kind() + " group 2")))
                    .exec(r.passing().apply(r.kind() + " group 3"))),
        new Shape(
            "crash",
            r ->
                exec(s -> s)
                    .exitBlockOnFail()
                    .on(
                        exec(r.crashing().apply(r.kind() + " crash 1"))
                            .exec(r.passing().apply(r.kind() + " crash 2")))
                    .exec(r.passing().apply(r.kind() + " crash 3"))));
  }

  /** How many requests each position runs, per user, as Gatling documents the shapes. */
  private static final Map<String, Integer> EXPECTED_PER_USER =
      Map.ofEntries(
          Map.entry("tryMax 1", 3),
          Map.entry("tryMax 2", 0),
          Map.entry("tryMax 3", 0),
          Map.entry("exitBlockOnFail 1", 1),
          Map.entry("exitBlockOnFail 2", 0),
          Map.entry("exitBlockOnFail 3", 1),
          Map.entry("exitHereIfFailed 1", 1),
          Map.entry("exitHereIfFailed 2", 0),
          Map.entry("exitAsap 1", 2),
          Map.entry("exitAsap 2", 1),
          Map.entry("exitAsap 3", 1),
          Map.entry("group 1", 1),
          Map.entry("group 2", 1),
          Map.entry("group 3", 1),
          Map.entry("crash 1", 0),
          Map.entry("crash 2", 0),
          Map.entry("crash 3", 1));

  /** The positions of the failing request in each shape. */
  private static final java.util.Set<String> FAILING_POSITIONS =
      java.util.Set.of("tryMax 1", "exitBlockOnFail 1", "exitHereIfFailed 1", "group 2");

  @BeforeEach
  void startWebServer() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    web.createContext(
        "/",
        exchange -> {
          boolean ok = exchange.getRequestURI().getPath().equals("/ok");
          byte[] body = (ok ? "ok" : "missing").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    web.start();
  }

  @AfterEach
  void stopWebServer() {
    web.stop(0);
  }

  private static List<Requests> redisKinds() {
    return List.of(
        new Requests(
            "command",
            n -> redis(n).get("absent:#{userId}").check(reply().is("x")),
            n -> redis(n).set("k:#{userId}", "v"),
            n -> redis(n).get("#{missing}")),
        new Requests(
            "pipeline",
            n -> redis(n).pipeline(cmd.get("absent:#{userId}").check(reply().is("x"))),
            n -> redis(n).pipeline(cmd.set("k:#{userId}", "v"), cmd.incr("n:#{userId}")),
            n -> redis(n).pipeline(cmd.set("k:#{userId}", "v"), cmd.get("#{missing}"))),
        new Requests(
            "transaction",
            n -> redis(n).transaction(cmd.get("absent:#{userId}").check(reply().is("x"))),
            n -> redis(n).transaction(cmd.set("k:#{userId}", "v"), cmd.incr("n:#{userId}")),
            n -> redis(n).transaction(cmd.get("#{missing}"))),
        new Requests(
            "blocking",
            n -> redis(n).blpop(Duration.ofMillis(20), "empty:#{userId}").check(reply().exists()),
            n -> redis(n).blpop(Duration.ofMillis(20), "empty:#{userId}"),
            n -> redis(n).blpop(Duration.ofMillis(20), "#{missing}")),
        new Requests(
            "publish",
            n -> redis(n).trackedPublish("news", 40).check(reply().is(99L)),
            n -> redis(n).trackedPublish("news", 40),
            n -> redis(n).trackedPublish("#{missing}", 40)),
        // a SUBSCRIBE fails only when its server cannot be used: here its failure is one that
        // cannot be built, which marks the user failed as a KO does
        new Requests(
            "subscribe",
            n -> redis(n).subscribe("#{missing}"),
            n -> redis(n).subscribe("news:#{userId}"),
            n -> redis(n).subscribe("#{missing}")));
  }

  private static Requests httpRequests(String kind, boolean failingCrashes) {
    return new Requests(
        kind,
        failingCrashes
            ? n -> http(n).get("/#{missing}")
            : n -> http(n).get("/missing").check(status().is(200)),
        n -> http(n).get("/ok"),
        n -> http(n).get("/#{missing}"));
  }

  @Test
  void everyRedisRequestKindFollowsGatlingsBlockRulesAsHttpDoes() throws Exception {
    Map<Requests, Requests> twins = new LinkedHashMap<>();
    for (Requests redisKind : redisKinds()) {
      twins.put(
          redisKind,
          httpRequests("http for " + redisKind.kind(), redisKind.kind().equals("subscribe")));
    }
    java.util.function.Supplier<List<PopulationBuilder>> populations =
        () -> {
          List<PopulationBuilder> all = new ArrayList<>();
          twins.forEach(
              (redisKind, httpTwin) -> {
                for (Requests requests : List.of(redisKind, httpTwin)) {
                  for (Shape shape : shapes()) {
                    all.add(
                        scenario(requests.kind() + " " + shape.name())
                            .exec(shape.chain().apply(requests))
                            .injectOpen(atOnceUsers(USERS)));
                  }
                }
              });
          return all;
        };
    java.util.function.Supplier<List<ProtocolBuilder>> protocols =
        () ->
            List.of(
                protocol().threadsPerClient(4),
                http.baseUrl("http://127.0.0.1:" + web.getAddress().getPort()).shareConnections());

    GatlingRun.Result run = GatlingRun.run(protocols, Duration.ofSeconds(60), true, 0, populations);

    assertEquals(0, run.exitCode());
    Map<String, long[]> counts = GatlingReport.counts(run.reportFolder());
    List<String> differences = new ArrayList<>();
    twins.forEach(
        (redisKind, httpTwin) -> {
          for (Map.Entry<String, Integer> position : EXPECTED_PER_USER.entrySet()) {
            long redis = total(counts, redisKind.kind() + " " + position.getKey());
            long web = total(counts, httpTwin.kind() + " " + position.getKey());
            boolean failingCrashes = redisKind.kind().equals("subscribe");
            long expected =
                failingCrashes && FAILING_POSITIONS.contains(position.getKey())
                    ? 0 // a request that cannot be built is not a request
                    : (long) position.getValue() * USERS;
            if (redis != web || redis != expected) {
              differences.add(
                  String.format(
                      "%s %s: Redis %d, HTTP %d, Gatling documents %d",
                      redisKind.kind(), position.getKey(), redis, web, expected));
            }
          }
          String redisGroup = redisKind.kind() + " group";
          String webGroup = httpTwin.kind() + " group";
          long[] redisGroupCounts = counts.getOrDefault(redisGroup, new long[3]);
          long[] webGroupCounts = counts.getOrDefault(webGroup, new long[3]);
          if (redisGroupCounts[0] != webGroupCounts[0]
              || redisGroupCounts[2] != webGroupCounts[2]
              || redisGroupCounts[2] != USERS) {
            differences.add(
                String.format(
                    "%s group: Redis %d runs (%d KO), HTTP %d runs (%d KO)",
                    redisKind.kind(),
                    redisGroupCounts[0],
                    redisGroupCounts[2],
                    webGroupCounts[0],
                    webGroupCounts[2]));
          }
        });
    assertTrue(differences.isEmpty(), String.join("\n", differences));
  }

  private static long total(Map<String, long[]> counts, String name) {
    long[] row = counts.get(name);
    return row == null ? 0 : row[0];
  }
}
