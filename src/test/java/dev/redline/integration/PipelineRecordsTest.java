package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.GatlingReport;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.RedisServerTest;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pipeline of N records N per-op entries and one BATCH entry, in Gatling and in the µs recorder.
 */
class PipelineRecordsTest extends RedisServerTest {
  private static final int BATCHES = 50;

  private static ScenarioBuilder batches() {
    return scenario("pipelines")
        .repeat(BATCHES)
        .on(
            exec(
                pipeline(
                    cmd.set("a:#{userId}", "1"),
                    cmd.set("b:#{userId}", "2"),
                    cmd.get("a:#{userId}"),
                    cmd.incr("n:#{userId}"))));
  }

  @Test
  void perOpAndBatchEntriesInBothReports() throws Exception {
    GatlingRun.Result run =
        GatlingRun.run(
            protocol().threadsPerClient(2),
            Duration.ofSeconds(60),
            true,
            batches().injectOpen(atOnceUsers(2)));

    assertEquals(0, run.exitCode());
    long batches = 2L * BATCHES;
    assertEquals(batches, run.recorder().series("BATCH").okHistogram().getTotalCount());
    assertEquals(2 * batches, run.recorder().series("SET").okHistogram().getTotalCount());
    assertEquals(batches, run.recorder().series("GET").okHistogram().getTotalCount());
    assertEquals(batches, run.recorder().series("INCR").okHistogram().getTotalCount());

    Map<String, long[]> gatling = GatlingReport.counts(run.reportFolder());
    assertEquals(batches, gatling.get("BATCH")[0]);
    assertEquals(2 * batches, gatling.get("SET")[0]);
    assertEquals(batches, gatling.get("GET")[0]);
    assertEquals(batches, gatling.get("INCR")[0]);
    assertEquals(5 * batches, gatling.get("All Requests")[0]);
    assertEquals(
        5 * batches, run.redline().gatlingRecords(), "Redline counts the records it gave Gatling");
  }

  @Test
  void batchOnlySwitchKeepsPerOpEntriesOutOfGatlingButNotOutOfTheMicrosecondRecorder()
      throws Exception {
    GatlingRun.Result run =
        GatlingRun.run(
            protocol().threadsPerClient(2).batchOnlyGatlingRecords(),
            Duration.ofSeconds(60),
            true,
            batches().injectOpen(atOnceUsers(2)));

    assertEquals(0, run.exitCode());
    long batches = 2L * BATCHES;
    assertEquals(2 * batches, run.recorder().series("SET").okHistogram().getTotalCount());
    Map<String, long[]> gatling = GatlingReport.counts(run.reportFolder());
    assertEquals(batches, gatling.get("BATCH")[0]);
    assertFalse(gatling.containsKey("SET"), "no per-op rows in Gatling: " + gatling.keySet());
    assertEquals(batches, gatling.get("All Requests")[0]);
    assertEquals(batches, run.redline().gatlingRecords());
  }

  /**
   * With Gatling given only the BATCH record, a pipeline whose command failed is KO there (the user
   * goes on as failed, as after an HTTP request with a failed check); Redline's report keeps the
   * round trip OK and the command KO.
   */
  @Test
  void batchOnlyRecordsABatchWithAFailedCommandAsKoInGatling() throws Exception {
    int rounds = 5;
    ScenarioBuilder failing =
        scenario("failing pipelines")
            .repeat(rounds)
            .on(
                exec(
                    pipeline(
                        cmd.set("text:#{userId}", "not a number"), cmd.incr("text:#{userId}"))));
    GatlingRun.Result run =
        GatlingRun.run(
            protocol().batchOnlyGatlingRecords(),
            Duration.ofSeconds(60),
            true,
            failing.injectOpen(atOnceUsers(1)));

    Map<String, long[]> gatling = GatlingReport.counts(run.reportFolder());
    assertArrayEquals(new long[] {rounds, 0, rounds}, gatling.get("BATCH"), "total, OK, KO");
    assertEquals(rounds, run.recorder().series("BATCH").okHistogram().getTotalCount());
    assertEquals(rounds, run.recorder().series("INCR").koHistogram().getTotalCount());
  }
}
