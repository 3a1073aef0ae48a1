package dev.redline.report;

import java.util.Locale;
import java.util.Optional;

/**
 * What to tell a user whose run gave Gatling so many records that Gatling's report step, which
 * starts when the run ends and reads every record twice, will keep them waiting a good while. Said
 * before Gatling starts it, with the wait estimated from that step's cost: a fixed cost per record,
 * whatever Redline does, plus up to a second to write the pages.
 */
public final class GatlingReportHint {
  /** Gatling's report step per record, in µs (measured: docs/performance.md). */
  static final double MICROS_PER_RECORD = 1.5;

  /** Below this estimate nobody waits long enough to wonder. */
  static final double NOTABLE_SECONDS = 5;

  /** From this share of the run's measured time on, the wait is worth a line. */
  static final double NOTABLE_SHARE_OF_RUN = 0.2;

  private GatlingReportHint() {}

  /**
   * @param gatlingRecords the records the run gave Gatling
   * @param measuredSeconds how long the run measured (after any warm-up), which is what those
   *     records cover
   * @param perOpBatchRecords whether pipelines or transactions gave Gatling a record per command
   */
  public static Optional<String> forRun(
      long gatlingRecords, double measuredSeconds, boolean perOpBatchRecords) {
    double estimate = estimatedSeconds(gatlingRecords);
    if (estimate < NOTABLE_SECONDS || estimate < NOTABLE_SHARE_OF_RUN * measuredSeconds) {
      return Optional.empty();
    }
    String cure =
        perOpBatchRecords
            ? "pipelines and transactions gave Gatling a record per command: batchOnlyGatlingRecords() (gatling_records: batch_only) "
                + "gives it one per round trip, and Redline's report still has every command; or "
            : "";
    return Optional.of(
        String.format(
            Locale.ROOT,
            "Redline: this run gave Gatling %,d records in %.0f s; Gatling's report step reads each of them after the run, "
                + "about %.0f s more on 2 cores (about %.0f µs a record, README Performance). Redline's report is already written. "
                + "For runs at this rate: %s-Dgatling.noReports=true skips Gatling's report.",
            gatlingRecords,
            measuredSeconds,
            estimate,
            MICROS_PER_RECORD,
            cure));
  }

  /** Gatling's report step for this many records: its per-record cost plus writing the pages. */
  static double estimatedSeconds(long gatlingRecords) {
    return 1 + gatlingRecords * MICROS_PER_RECORD / 1e6;
  }
}
