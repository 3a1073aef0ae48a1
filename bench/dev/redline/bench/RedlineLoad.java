package dev.redline.bench;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisCommand;
import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Redline through Gatling, in this JVM: one client with one worker thread and one connection per
 * simulated connection, one virtual user per worker, looping the command (or a pipeline of it).
 * Ops/s are counted in the steady seconds (the first and last second of the run left out).
 */
final class RedlineLoad {
  private RedlineLoad() {}

  /** The Gatling run of the last call (its results folder holds simulation.log). */
  static GatlingRun.Result lastRun;

  /** When Gatling returned from the last call, epoch milliseconds. */
  static long lastRunReturnedEpochMillis;

  static Measurement run(int port, Setting s, long millis, boolean batchOnly) throws Exception {
    return run(port, s, millis, batchOnly, false);
  }

  /**
   * {@code gatlingReport}: Gatling also writes its HTML report after the run, as {@code mvn
   * gatling:test} does.
   */
  static Measurement run(int port, Setting s, long millis, boolean batchOnly, boolean gatlingReport)
      throws Exception {
    String value = "x".repeat(s.valueSize());
    Function<io.gatling.javaapi.core.Session, String> randomKey =
        session -> Setting.key(ThreadLocalRandom.current().nextInt(s.keyspace()));
    RedisCommand one =
        s.command().equals("SET") ? cmd.set(randomKey, session -> value) : cmd.get(randomKey);
    ActionBuilder action =
        s.pipeline() == 1
            ? one
            : pipeline(
                java.util.Collections.nCopies(s.pipeline(), one).toArray(RedisCommand[]::new));
    Duration duration = Duration.ofMillis(millis);
    ScenarioBuilder scn = scenario("bench").during(duration).on(exec(action));
    RedisProtocolBuilder protocol =
        redis()
            .url("redis://127.0.0.1:" + port)
            .clientInstances(1)
            .threadsPerClient(s.connections())
            .connectionsPerClient(s.connections());
    if (batchOnly) {
      protocol = protocol.batchOnlyGatlingRecords();
    }
    GatlingRun.Result run;
    double cpu;
    double switches;
    // the run's live count of commands sent (the recorder of the run that starts below)
    java.util.Optional<dev.redline.protocol.RedlineRun> before =
        dev.redline.testing.ObservedRuns.lastStarted();
    try (CpuPerCommand sampler =
        new CpuPerCommand(
            2000,
            millis,
            () ->
                dev.redline.testing.ObservedRuns
                    .lastStarted() // from 2 s: Gatling takes about a second to start the load
                    .filter(r -> before.isEmpty() || r != before.get())
                    .map(RedlineLoad::commandsSent)
                    .orElse(0L))) {
      run =
          GatlingRun.run(
              protocol,
              duration.plusSeconds(30),
              gatlingReport,
              scn.injectClosed(constantConcurrentUsers(s.connections()).during(duration)));
      lastRunReturnedEpochMillis = System.currentTimeMillis();
      cpu = sampler.microsPerCommand();
      switches = sampler.switchesPerCommand();
    }
    lastRun = run;
    RequestSeries commands = run.recorder().series(s.command());
    RequestSeries roundTrips = s.pipeline() == 1 ? commands : run.recorder().series("BATCH");
    List<RequestSeries.SecondSample> seconds = commands.seconds();
    long steadyOps = 0;
    int steadySeconds = 0;
    for (int i = 1; i < seconds.size() - 1; i++) {
      steadyOps += seconds.get(i).ok();
      steadySeconds++;
    }
    Histogram h = roundTrips.okHistogram();
    return new Measurement(
        "Redline",
        s,
        steadySeconds == 0 ? 0 : (double) steadyOps / steadySeconds,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        cpu,
        switches);
  }

  /** Every command the run has sent so far, over all names. */
  static long commandsSent(dev.redline.protocol.RedlineRun run) {
    return run.recorder().sentCommands().values().stream().mapToLong(Long::longValue).sum();
  }
}
