package dev.redline.report;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.assertions.AssertionsReport;
import dev.redline.assertions.JUnitXml;
import dev.redline.compare.BaselineComparison;
import dev.redline.compare.ComparisonReport;
import dev.redline.limits.LimitReport;
import dev.redline.limits.LimitVerdict;
import dev.redline.measure.LatencyRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a run as the user reads it: the latency table, the cross-check, outages, the baseline
 * comparison, the assertions and where the time went on the console, then the companion report with
 * the same verdicts in its pages, summary.json and assertions.xml.
 */
public final class RunReports {
  private RunReports() {}

  /**
   * Everything measured and decided by the end of a run.
   *
   * @param refusedConnections what the servers refused (maxclients), if anything
   * @param outcomes the assertions' outcomes, empty when the run had none
   * @param ungated assertions decided outside any gate (Gatling's result does not hold them)
   * @param perOpBatches whether batches gave Gatling a record per command
   * @param reads where the reads went, when read_from sent them to replicas
   */
  public record RunEnd(
      RunFacts facts,
      LatencyRecorder recorder,
      CommandCrossCheck crossCheck,
      Optional<String> refusedConnections,
      UnreachableTime unreachable,
      LimitVerdict limits,
      double serverReadMillis,
      Optional<BaselineComparison> comparison,
      Optional<List<AssertionOutcome>> outcomes,
      List<String> ungated,
      double spanSeconds,
      long gatlingRecords,
      boolean perOpBatches,
      Optional<ReadSpread> reads) {}

  /** Says the run's end and writes the companion report; its index.html, unless it failed. */
  public static Optional<Path> write(RunEnd end, RunConsole console) {
    LatencyRecorder recorder = end.recorder();
    console.print(List.of(LatencyTable.render(recorder)));
    if (!end.crossCheck().allMatch() || end.crossCheck().redirectionCount() > 0) {
      console.say(end.crossCheck().verdict());
    }
    end.refusedConnections().ifPresent(console::say);
    end.unreachable().console().ifPresent(line -> console.print(List.of(line)));
    if (recorder.window().hadWarmup()) {
      console.say(
          "the commandstats cross-check covers the whole run, warm-up included; the reports and the"
              + " summary cover only what came after it");
    }
    CompanionReport.Extras extras = verdicts(end, console);
    RunFacts facts = end.facts();
    try {
      Path index =
          CompanionReport.write(
              ReportFolder.locate(facts.runStartMillis(), facts.runId()),
              facts,
              recorder,
              end.crossCheck(),
              extras);
      console.reportWritten(index);
      GatlingReportHint.forRun(
              end.gatlingRecords(),
              (facts.runEndMillis() - facts.measureStartMillis()) / 1000.0,
              end.perOpBatches())
          .ifPresent(hint -> console.print(List.of(hint)));
      return Optional.of(index);
    } catch (Exception e) {
      console.say("could not write the companion report: " + e);
      return Optional.empty();
    } finally {
      recorder.intervalLog().discard();
    }
  }

  /** The comparison, the assertions and where the time went: said, and kept for the report. */
  private static CompanionReport.Extras verdicts(RunEnd end, RunConsole console) {
    Map<String, Object> summaryFields = new LinkedHashMap<>();
    List<String> sections = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();
    summaryFields.put("limit", LimitReport.summary(end.limits()));
    summaryFields.put("unreachable", end.unreachable().summary());
    summaryFields.put("server_reads_ms", Math.round(end.serverReadMillis() * 10) / 10.0);
    end.comparison()
        .ifPresent(
            c -> {
              console.block(ComparisonReport.console(c));
              summaryFields.put("baseline", ComparisonReport.summary(c));
              sections.add(ComparisonReport.html(c));
            });
    end.outcomes()
        .ifPresent(
            outcomes -> {
              console.block(AssertionsReport.console(outcomes));
              console.ungated(end.ungated());
              summaryFields.put("assertions", AssertionsReport.summary(outcomes));
              sections.add(0, AssertionsReport.html(outcomes));
              files.put("assertions.xml", JUnitXml.of(outcomes, end.spanSeconds()));
            });
    end.reads()
        .ifPresent(
            reads -> {
              console.print(reads.console());
              summaryFields.put("reads", reads.summary());
              sections.add(reads.html());
            });
    console.block(LimitReport.console(end.limits()));
    sections.add(0, LimitReport.html(end.limits()));
    return new CompanionReport.Extras(
        summaryFields, sections, files, LimitReport.perRequest(end.limits(), end.recorder()));
  }
}
