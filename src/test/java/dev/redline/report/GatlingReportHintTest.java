package dev.redline.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The end-of-run hint before a long Gatling report step. */
class GatlingReportHintTest {

  @Test
  void saysNothingWhenTheReportStepIsShortInSeconds() {
    // 2 million records: about 4 s of report step, most of a 10 s run but nothing to wait for
    assertEquals(Optional.empty(), GatlingReportHint.forRun(2_000_000, 10, true));
  }

  @Test
  void saysNothingWhenTheReportStepIsASmallShareOfALongRun() {
    // 20 million records over 10 minutes: about 31 s after 600 s
    assertEquals(Optional.empty(), GatlingReportHint.forRun(20_000_000, 600, true));
  }

  @Test
  void estimatesTheWaitForAFastShortRun() {
    // what a 20 s high_throughput run at 2 x 3 users gave Gatling on 2 cores (2026-12-02)
    String hint = GatlingReportHint.forRun(6_881_820, 20, true).orElseThrow();
    assertTrue(hint.contains("6,881,820 records in 20 s"), hint);
    assertTrue(hint.contains("about 11 s more"), hint);
    assertFalse(hint.contains("longer than the run"), hint);
  }

  @Test
  void pointsPipelinedRunsAtBatchOnlyRecordsAndEveryRunAtSkippingGatlingsReport() {
    String pipelined = GatlingReportHint.forRun(42_683_340, 60, true).orElseThrow();
    assertTrue(pipelined.contains("42,683,340 records"), pipelined);
    assertTrue(pipelined.contains("gatling_records: batch_only"), pipelined);
    assertTrue(pipelined.contains("-Dgatling.noReports=true"), pipelined);

    String single = GatlingReportHint.forRun(9_000_000, 30, false).orElseThrow();
    assertFalse(single.contains("batch_only"), "no batches to shorten: " + single);
    assertTrue(single.contains("-Dgatling.noReports=true"), single);
  }
}
