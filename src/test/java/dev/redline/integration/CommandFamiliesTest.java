package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
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
                cmd.set("s:k", "v").check(reply().is("OK")),
                cmd.set("s:nx", "1", nx()),
                cmd.set("s:nx", "2", nx()).named("SET NX again").check(reply().notExists()),
                cmd.set("s:xx", "1", xx()).named("SET XX missing").check(reply().notExists()),
                cmd.set("s:ex", "v", ex(100)),
                cmd.set("s:px", "v", px(100_000)),
                cmd.ttl("s:ex").check(reply().gt(0), reply().lte(100)),
                cmd.get("s:k").check(reply().is("v")),
                cmd.exists("s:k").check(reply().is(1L)),
                cmd.expire("s:k", 500).check(reply().is(1L)),
                cmd.incr("s:n").check(reply().is(1L)),
                cmd.incrBy("s:n", 10).check(reply().is(11L)),
                cmd.decr("s:n").check(reply().is(10L)),
                cmd.decrBy("s:n", 4).check(reply().is(6L)),
                cmd.append("s:k", "w").check(reply().is(2L)),
                cmd.strlen("s:k").check(reply().is(2L)),
                cmd.mset("s:a", "1", "s:b", "2").check(reply().is("OK")),
                cmd.mget("s:a", "s:b", "s:none")
                    .check(reply().is(java.util.Arrays.asList("1", "2", null))),
                cmd.del("s:a", "s:b").check(reply().is(2L)),
                // lists
                cmd.rpush("l", "a", "b", "c").check(reply().is(3L)),
                cmd.lpush("l", "z").check(reply().is(4L)),
                cmd.lrange("l", 0, -1).check(reply().is(List.of("z", "a", "b", "c"))),
                cmd.llen("l").check(reply().is(4L)),
                cmd.lpop("l").check(reply().is("z")),
                cmd.rpop("l").check(reply().is("c")),
                cmd.ltrim("l", 0, 0).check(reply().is("OK")),
                // hashes
                cmd.hset("h", "f", "v").check(reply().is(1L)),
                cmd.hset("h", "g", "w"),
                cmd.hget("h", "f").check(reply().is("v")),
                cmd.hgetAll("h").check(reply().ofMap().is(Map.of("f", "v", "g", "w"))),
                cmd.hdel("h", "g").check(reply().is(1L)),
                cmd.hlen("h").check(reply().is(1L)),
                // sets
                cmd.sadd("set", "a", "b", "c").check(reply().is(3L)),
                cmd.srem("set", "c").check(reply().is(1L)),
                cmd.scard("set").check(reply().is(2L)),
                cmd.smembers("set")
                    .check(
                        reply()
                            .transform(r -> Set.copyOf((List<?>) r).equals(Set.of("a", "b")))
                            .is(true)),
                // sorted sets
                cmd.zadd("z", 1.5, "m").check(reply().is(1L)),
                cmd.zadd("z", 0.5, "n"),
                cmd.zscore("z", "m").check(reply().is("1.5")),
                cmd.zrange("z", 0, -1).check(reply().is(List.of("n", "m"))),
                cmd.zrem("z", "n").check(reply().is(1L)),
                cmd.zcard("z").check(reply().is(1L)),
                // pub/sub, any command
                cmd.publish("news", "hello").check(reply().is(0L)),
                cmd.command("PING").check(reply().is("PONG")),
                cmd.command("HINCRBY", "h", "count", "5").check(reply().is(5L)),
                // session functions, saveAs, EL
                cmd.set(s -> "fn:" + s.userId(), s -> "from-fn"),
                cmd.get("fn:#{userId}").check(reply().is(s -> "from-fn")),
                cmd.incr("saved").check(reply().saveAs("n")),
                cmd.set("copy", "#{n}"),
                // batches
                transaction(
                    cmd.incr("t:n"), cmd.incr("t:n"), cmd.get("t:n").check(reply().is("2"))),
                pipeline(
                    cmd.set("p:a", "1"), cmd.incr("p:a"), cmd.get("p:a").check(reply().is("2"))));

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
