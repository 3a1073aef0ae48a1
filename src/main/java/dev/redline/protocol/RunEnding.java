package dev.redline.protocol;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.assertions.RunGate;
import dev.redline.client.ConnectionHealth;
import dev.redline.config.MicrosAssertion;
import dev.redline.limits.LimitVerdict;
import dev.redline.limits.LimitWatch;
import dev.redline.limits.RunConditions;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.Measurement;
import dev.redline.metrics.LiveMetrics;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.report.CommandCrossCheck;
import dev.redline.report.RunFacts;
import dev.redline.report.RunReports;
import dev.redline.report.UnreachableTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The end of a run, in order: pub/sub drains and measurement stops, the servers are read a last
 * time (the cross-check), where the time went is judged (its server reads come after the
 * cross-check's, so they are not among the commands it compares), the clients close, and the gate
 * decides what it has not yet. What it returns is what the reports say.
 */
final class RunEnding {
  private final String runId;
  private final Measurement measurement;
  private final ServerWatch servers;
  private final LimitWatch limits;
  private final RunClients clients;
  private final RunActivity activity;
  private final PubSubTracker pubsub;
  private volatile UnreachableTime finalUnreachable; // null while the load runs

  RunEnding(
      String runId,
      Measurement measurement,
      ServerWatch servers,
      LimitWatch limits,
      RunClients clients,
      RunActivity activity,
      PubSubTracker pubsub) {
    this.runId = runId;
    this.measurement = measurement;
    this.servers = servers;
    this.limits = limits;
    this.clients = clients;
    this.activity = activity;
    this.pubsub = pubsub;
  }

  /**
   * Decides {@code gate}'s assertions on everything measured so far (the time no client could reach
   * Redis counted to now, or to the run's end once it has ended); the outcomes of {@code gating}.
   */
  List<AssertionOutcome> decide(RunGate gate, List<MicrosAssertion> gating) {
    measurement.recorder().sample();
    UnreachableTime unreachable =
        finalUnreachable != null
            ? finalUnreachable
            : UnreachableTime.of(clients.health(), System.nanoTime());
    return gate.decide(
        gating,
        measurement.recorder(),
        measurement.spanSeconds(),
        unreachable.longestSeconds() * 1e6);
  }

  RunReports.RunEnd end(
      RunGate gate,
      Optional<LiveMetrics> metrics,
      List<Map<String, Object>> settings,
      long endEpochMillis,
      LongSupplier gatlingRecords,
      boolean perOpBatches) {
    pubsub.finish(activity.subscribers());
    measurement.stop();
    LatencyRecorder recorder = measurement.recorder();
    double span = measurement.spanSeconds();
    CommandCrossCheck crossCheck = servers.finish(recorder);
    long now = System.nanoTime();
    UnreachableTime unreachable = UnreachableTime.of(clients.health(), now);
    finalUnreachable = unreachable;
    LimitVerdict verdict =
        limits.verdict(
            servers.windows(),
            new RunConditions(
                servers.unread(),
                clients.longestOutageSeconds(now),
                activity.isThrottled(),
                activity.throttleTarget(),
                measurement.machineCoresBusy()),
            clients.workerThreads(),
            recorder,
            span,
            measurement.averageUsers(),
            clients.concurrency(),
            servers.onThisMachine());
    Optional<String> refusedConnections = Optional.ofNullable(servers.refusedConnections());
    metrics.ifPresent(m -> m.ended(verdict));
    servers.close();
    clients.close();
    if (gate.hasAssertions() && !gate.decided()) {
      decide(gate, List.of());
    }
    return new RunReports.RunEnd(
        facts(metrics, settings, endEpochMillis),
        recorder,
        crossCheck,
        refusedConnections,
        unreachable,
        verdict,
        servers.readMillis(),
        gate.comparison(recorder, span),
        gate.hasAssertions() ? Optional.of(gate.outcomes()) : Optional.empty(),
        gate.ungated(),
        span,
        gatlingRecords.getAsLong(), // after the clients closed: their last records flushed
        perOpBatches,
        servers.readSpread());
  }

  private RunFacts facts(
      Optional<LiveMetrics> metrics, List<Map<String, Object>> settings, long endEpochMillis) {
    LatencyRecorder recorder = measurement.recorder();
    List<ConnectionHealth> health = clients.health();
    long reconnections = health.stream().mapToLong(ConnectionHealth::reconnections).sum();
    long downNanos = health.stream().mapToLong(ConnectionHealth::downNanos).sum();
    return new RunFacts(
        RunIdentity.appName(),
        RunIdentity.instanceId(),
        runId,
        RunIdentity.version(),
        activity.scenarioNames(),
        measurement.startEpochMillis(),
        endEpochMillis,
        recorder.window().isOpen() ? recorder.window().openedEpochMillis() : endEpochMillis,
        List.copyOf(settings),
        servers.versions(),
        reconnections,
        reconnections == 0 ? 0 : downNanos / 1_000_000.0 / reconnections,
        pubsub.facts(),
        metrics.map(LiveMetrics::summary).orElse(Map.of()),
        0,
        recorder.span());
  }
}
