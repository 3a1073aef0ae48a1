package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.report.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Every command family, run through Redline against a real server, does what it says. */
class CommandFamiliesTest extends RedisServerTest {

  @Test
  void everyCommandFamilyDoesWhatItSaysOnTheServer() throws Exception {
    ScenarioBuilder scn = scenario("families").exec(
        // strings and keys
        set("s:k", "v").check(isEqualTo("OK")),
        set("s:nx", "1", nx()),
        set("s:nx", "2", nx()).named("SET NX again").check(isNull()),
        set("s:xx", "1", xx()).named("SET XX missing").check(isNull()),
        set("s:ex", "v", ex(100)),
        set("s:px", "v", px(100_000)),
        ttl("s:ex").check(satisfies("a TTL in 1..100", r -> (Long) r > 0 && (Long) r <= 100)),
        get("s:k").check(isEqualTo("v")),
        exists("s:k").check(isEqualTo("1")),
        expire("s:k", 500).check(isEqualTo("1")),
        incr("s:n").check(isEqualTo("1")),
        incrBy("s:n", 10).check(isEqualTo("11")),
        decr("s:n").check(isEqualTo("10")),
        decrBy("s:n", 4).check(isEqualTo("6")),
        append("s:k", "w").check(isEqualTo("2")),
        strlen("s:k").check(isEqualTo("2")),
        mset("s:a", "1", "s:b", "2").check(isEqualTo("OK")),
        mget("s:a", "s:b", "s:none").check(satisfies("[1, 2, nil]", r -> r.equals(java.util.Arrays.asList("1", "2", null)))),
        del("s:a", "s:b").check(isEqualTo("2")),
        // lists
        rpush("l", "a", "b", "c").check(isEqualTo("3")),
        lpush("l", "z").check(isEqualTo("4")),
        lrange("l", 0, -1).check(isEqualTo("[z, a, b, c]")),
        llen("l").check(isEqualTo("4")),
        lpop("l").check(isEqualTo("z")),
        rpop("l").check(isEqualTo("c")),
        ltrim("l", 0, 0).check(isEqualTo("OK")),
        // hashes
        hset("h", "f", "v").check(isEqualTo("1")),
        hset("h", "g", "w"),
        hget("h", "f").check(isEqualTo("v")),
        hgetAll("h").check(satisfies("f, v, g, w", r -> ((List<?>) r).containsAll(List.of("f", "v", "g", "w")))),
        hdel("h", "g").check(isEqualTo("1")),
        hlen("h").check(isEqualTo("1")),
        // sets
        sadd("set", "a", "b", "c").check(isEqualTo("3")),
        srem("set", "c").check(isEqualTo("1")),
        scard("set").check(isEqualTo("2")),
        smembers("set").check(satisfies("a and b", r -> Set.copyOf((List<?>) r).equals(Set.of("a", "b")))),
        // sorted sets
        zadd("z", 1.5, "m").check(isEqualTo("1")),
        zadd("z", 0.5, "n"),
        zscore("z", "m").check(isEqualTo("1.5")),
        zrange("z", 0, -1).check(isEqualTo("[n, m]")),
        zrem("z", "n").check(isEqualTo("1")),
        zcard("z").check(isEqualTo("1")),
        // pub/sub, any command
        publish("news", "hello").check(isEqualTo("0")),
        command("PING").check(isEqualTo("PONG")),
        command("HINCRBY", "h", "count", "5").check(isEqualTo("5")),
        // session functions, saveAs, EL
        set(s -> "fn:" + s.userId(), s -> "from-fn"),
        get("fn:#{userId}").check(isEqualTo(s -> "from-fn")),
        incr("saved").check(reply().saveAs("n")),
        set("copy", "#{n}"),
        // batches
        transaction(incr("t:n"), incr("t:n"), get("t:n").check(isEqualTo("2"))),
        pipeline(set("p:a", "1"), incr("p:a"), get("p:a").check(isEqualTo("2")))
    );

    GatlingRun.Result run = GatlingRun.run(protocol(), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

    assertEquals(0, run.exitCode());
    for (RequestSeries series : run.recorder().series()) {
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + series.name());
      assertTrue(series.okHistogram().getTotalCount() > 0, series.name());
    }
    try (Jedis jedis = jedis()) {
      assertEquals("vw", jedis.get("s:k"));
      assertTrue(jedis.ttl("s:k") > 400, "EXPIRE applied");
      assertTrue(jedis.pttl("s:px") > 90_000, "PX applied");
      assertEquals("1", jedis.get("s:nx"), "NX kept the first value");
      assertFalse(jedis.exists("s:xx"), "XX did not create a key");
      assertEquals("6", jedis.get("s:n"));
      assertFalse(jedis.exists("s:a"));
      assertEquals(List.of("a"), jedis.lrange("l", 0, -1));
      assertEquals(Map.of("f", "v", "count", "5"), jedis.hgetAll("h"));
      assertEquals(Set.of("a", "b"), jedis.smembers("set"));
      assertEquals(List.of("m"), jedis.zrange("z", 0, -1));
      assertEquals("from-fn", jedis.get("fn:1"));
      assertEquals("1", jedis.get("copy"), "saveAs put INCR's reply into the session");
      assertEquals("2", jedis.get("t:n"));
      assertEquals("2", jedis.get("p:a"));
    }
  }
}
