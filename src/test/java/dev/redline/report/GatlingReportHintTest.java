package dev.redline.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The end-of-run hint before a long Gatling report step. */
class GatlingReportHintTest {

  @Test
  void saysNothingForAnOrdinaryRun() {
    assertEquals(Optional.empty(), GatlingReportHint.forRun(GatlingReportHint.MANY_RECORDS - 1, true));
  }

  @Test
  void pointsPipelinedRunsAtBatchOnlyRecordsAndEveryRunAtSkippingGatlingsReport() {
    String pipelined = GatlingReportHint.forRun(42_683_340, true).orElseThrow();
    assertTrue(pipelined.contains("42,683,340 records"), pipelined);
    assertTrue(pipelined.contains("gatling_records: batch_only"), pipelined);
    assertTrue(pipelined.contains("-Dgatling.noReports=true"), pipelined);

    String single = GatlingReportHint.forRun(9_000_000, false).orElseThrow();
    assertFalse(single.contains("batch_only"), "no batches to shorten: " + single);
    assertTrue(single.contains("-Dgatling.noReports=true"), single);
  }
}
