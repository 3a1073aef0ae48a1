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
    ScenarioBuilder scn =
        scenario("families")
            .exec(
                // strings and keys
                set("s:k", "v").check(reply().is("OK")),
                set("s:nx", "1", nx()),
                set("s:nx", "2", nx()).named("SET NX again").check(reply().notExists()),
                set("s:xx", "1", xx()).named("SET XX missing").check(reply().notExists()),
                set("s:ex", "v", ex(100)),
                set("s:px", "v", px(100_000)),
                ttl("s:ex").check(reply().gt(0), reply().lte(100)),
                get("s:k").check(reply().is("v")),
                exists("s:k").check(reply().is(1L)),
                expire("s:k", 500).check(reply().is(1L)),
                incr("s:n").check(reply().is(1L)),
                incrBy("s:n", 10).check(reply().is(11L)),
                decr("s:n").check(reply().is(10L)),
                decrBy("s:n", 4).check(reply().is(6L)),
                append("s:k", "w").check(reply().is(2L)),
                strlen("s:k").check(reply().is(2L)),
                mset("s:a", "1", "s:b", "2").check(reply().is("OK")),
                mget("s:a", "s:b", "s:none")
                    .check(reply().is(java.util.Arrays.asList("1", "2", null))),
                del("s:a", "s:b").check(reply().is(2L)),
                // lists
                rpush("l", "a", "b", "c").check(reply().is(3L)),
                lpush("l", "z").check(reply().is(4L)),
                lrange("l", 0, -1).check(reply().is(List.of("z", "a", "b", "c"))),
                llen("l").check(reply().is(4L)),
                lpop("l").check(reply().is("z")),
                rpop("l").check(reply().is("c")),
                ltrim("l", 0, 0).check(reply().is("OK")),
                // hashes
                hset("h", "f", "v").check(reply().is(1L)),
                hset("h", "g", "w"),
                hget("h", "f").check(reply().is("v")),
                hgetAll("h").check(reply().ofMap().is(Map.of("f", "v", "g", "w"))),
                hdel("h", "g").check(reply().is(1L)),
                hlen("h").check(reply().is(1L)),
                // sets
                sadd("set", "a", "b", "c").check(reply().is(3L)),
                srem("set", "c").check(reply().is(1L)),
                scard("set").check(reply().is(2L)),
                smembers("set")
                    .check(
                        reply()
                            .transform(r -> Set.copyOf((List<?>) r).equals(Set.of("a", "b")))
                            .is(true)),
                // sorted sets
                zadd("z", 1.5, "m").check(reply().is(1L)),
                zadd("z", 0.5, "n"),
                zscore("z", "m").check(reply().is("1.5")),
                zrange("z", 0, -1).check(reply().is(List.of("n", "m"))),
                zrem("z", "n").check(reply().is(1L)),
                zcard("z").check(reply().is(1L)),
                // pub/sub, any command
                publish("news", "hello").check(reply().is(0L)),
                command("PING").check(reply().is("PONG")),
                command("HINCRBY", "h", "count", "5").check(reply().is(5L)),
                // session functions, saveAs, EL
                set(s -> "fn:" + s.userId(), s -> "from-fn"),
                get("fn:#{userId}").check(reply().is(s -> "from-fn")),
                incr("saved").check(reply().saveAs("n")),
                set("copy", "#{n}"),
                // batches
                transaction(incr("t:n"), incr("t:n"), get("t:n").check(reply().is("2"))),
                pipeline(set("p:a", "1"), incr("p:a"), get("p:a").check(reply().is("2"))));

    GatlingRun.Result run =
        GatlingRun.run(protocol(), Duration.ofSeconds(30), scn.injectOpen(atOnceUsers(1)));

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
