package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.measure.RequestSeries;
import dev.redline.testing.EndToEnd;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.RunsAlone;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Coordinated omission: when users arrive faster than one worker serves them, the time they wait
 * for it is part of their response time. Above capacity the response times climb while the service
 * times stay flat; below capacity the two agree.
 */
@EndToEnd
@RunsAlone
class QueueingLatencyTest extends RedisServerTest {

  private static RequestSeries openArrivals(int usersPerSecond, int seconds) throws Exception {
    GatlingRun.Result run =
        GatlingRun.run(
            protocol(),
            Duration.ofSeconds(120),
            scenario("arrivals")
                .exec(cmd.get("k"))
                .injectOpen(
                    constantUsersPerSec(usersPerSecond).during(Duration.ofSeconds(seconds))));
    assertEquals(0, run.exitCode());
    RequestSeries get = run.recorder().series("GET");
    assertEquals(
        (long) usersPerSecond * seconds,
        get.okHistogram().getTotalCount(),
        "every arrival was served");
    return get;
  }

  @Test
  void aboveCapacityTheWaitIsCountedAndServiceTimeStaysFlat() throws Exception {
    // one worker serves some 20-25K GET/s here: 60K arrivals a second build a backlog of seconds
    RequestSeries get = openArrivals(60_000, 2);
    Histogram service = get.okHistogram();
    Histogram response = get.okResponseHistogram();
    Histogram wait = get.waitHistogram();
    long serviceP99 = service.getValueAtPercentile(99);
    long responseP99 = response.getValueAtPercentile(99);
    assertTrue(
        serviceP99 < 20_000_000, "service p99 stays below 20 ms: " + serviceP99 / 1000 + " µs");
    assertTrue(
        responseP99 > 200_000_000,
        "response p99 shows the backlog (> 200 ms): " + responseP99 / 1000 + " µs");
    assertTrue(
        responseP99 > 20 * serviceP99,
        "response p99 " + responseP99 / 1000 + " µs vs service p99 " + serviceP99 / 1000 + " µs");
    assertTrue(
        response.getValueAtPercentile(50) > 10 * service.getValueAtPercentile(50),
        "the median waits too");
    assertEquals(
        response.getTotalCount(), wait.getTotalCount(), "every request's wait is recorded");
    assertTrue(wait.getMaxValue() <= response.getMaxValue());
  }

  @Test
  void belowCapacityResponseAndServiceTimeAgree() throws Exception {
    RequestSeries get = openArrivals(200, 2);
    Histogram service = get.okHistogram();
    Histogram response = get.okResponseHistogram();
    long gapP50 = response.getValueAtPercentile(50) - service.getValueAtPercentile(50);
    assertTrue(gapP50 >= 0 && gapP50 < 500_000, "p50 response - service: " + gapP50 / 1000 + " µs");
    // a backlog is hundreds of ms (above); a hand-over is a thread wake-up, which a busy CI host
    // can stretch to a few ms
    assertTrue(
        get.waitHistogram().getValueAtPercentile(90) < 10_000_000,
        "a hand-over to the worker is not a backlog: wait p90 "
            + get.waitHistogram().getValueAtPercentile(90) / 1000
            + " µs");
  }
}
