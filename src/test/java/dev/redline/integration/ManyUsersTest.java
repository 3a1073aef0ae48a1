package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.config.ConfigError;
import dev.redline.config.RedlineConfig;
import dev.redline.config.WorkerBudget;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What Redline promises on any machine: 10,000 virtual users run on at most 32 worker threads per
 * core and end on time (duration + socket timeout + 5 s); what they wait for their worker is
 * measured; past the promise the run is refused at start, naming the limit.
 */
class ManyUsersTest extends RedisServerTest {

  @Test
  void fiveThousandUsersShareTheWorkerBudgetAndEndOnTime() throws Exception {
    Set<String> workers = ConcurrentHashMap.newKeySet();
    Duration duration = Duration.ofSeconds(3);
    GatlingRun.Result run =
        GatlingRun.run(
            protocol().clientInstances(2).threadsPerClient(2500),
            Duration.ofSeconds(60),
            scenario("many")
                .during(duration)
                .on(
                    // a reply's checks run on the worker that made the request
                    exec(
                        cmd.get("k")
                            .check(
                                reply()
                                    .transform(r -> workers.add(Thread.currentThread().getName()))
                                    .optional())))
                .injectOpen(atOnceUsers(5000)));

    assertEquals(0, run.exitCode());
    long loadMillis =
        run.redline().endEpochMillis() - run.redline().recorder().window().openedEpochMillis();
    assertTrue(
        loadMillis < duration.toMillis() + 2_000 + 5_000,
        "the load ended " + loadMillis + " ms after it began");
    assertTrue(
        workers.size() <= WorkerBudget.maxWorkers(),
        workers.size() + " worker threads made requests");
    assertTrue(
        workers.stream().allMatch(name -> name.startsWith("redline-client-")),
        "every request ran on a Redline worker, never a Gatling event loop: " + workers);
    RequestSeries get = run.recorder().series("GET");
    assertTrue(get.okHistogram().getTotalCount() >= 5000, "every user made its requests");
    assertTrue(
        get.waitHistogram().getMaxValue() > 100_000_000L,
        "users queued behind others on a shared worker wait, and it shows: max wait "
            + get.waitHistogram().getMaxValue() / 1000
            + " µs");
  }

  @Test
  void pastThePromiseTheConfigurationIsRefusedNamingTheLimit() {
    Properties properties = new Properties();
    properties.setProperty("redline.test.client_instances", "2");
    properties.setProperty("redline.test.threads_per_client", "6000");
    ConfigError error =
        assertThrows(ConfigError.class, () -> RedlineConfig.load(properties, Map.of()));
    assertTrue(
        error.getMessage().contains("12,000 virtual users")
            && error.getMessage().contains("10,000"),
        error.getMessage());
  }
}
