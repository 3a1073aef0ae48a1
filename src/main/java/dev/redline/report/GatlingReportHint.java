package dev.redline.report;

import java.util.Locale;
import java.util.Optional;

/**
 * What to tell a user whose run gave Gatling so many records that Gatling's report step, which
 * starts when the run ends, will take minutes (about 12 µs a record on 2 cores: its t-digest is
 * slow on the repeated whole-millisecond values of Redis requests). Said before Gatling starts.
 */
public final class GatlingReportHint {
  /** From here on (about a minute of Gatling's report step on 2 cores) the hint is shown. */
  public static final long MANY_RECORDS = 5_000_000;

  private GatlingReportHint() {}

  /**
   * @param gatlingRecords the records the run gave Gatling
   * @param perOpBatchRecords whether pipelines or transactions gave Gatling a record per command
   */
  public static Optional<String> forRun(long gatlingRecords, boolean perOpBatchRecords) {
    if (gatlingRecords < MANY_RECORDS) {
      return Optional.empty();
    }
    String cure = perOpBatchRecords
        ? "pipelines and transactions gave Gatling a record per command: batchOnlyGatlingRecords() (gatling_records: batch_only) "
            + "gives it one per round trip, and Redline's report still has every command; or "
        : "";
    return Optional.of(String.format(Locale.ROOT,
        "Redline: this run gave Gatling %,d records; building Gatling's report from them can take longer than "
            + "the run did (README, Performance). Redline's report is already written. For runs at this rate: %s"
            + "-Dgatling.noReports=true skips Gatling's report.", gatlingRecords, cure));
  }
}
