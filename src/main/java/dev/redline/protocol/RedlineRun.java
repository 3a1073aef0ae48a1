package dev.redline.protocol;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.client.ClientInstance;
import dev.redline.client.LoopTransport;
import dev.redline.client.ProtocolClients;
import dev.redline.config.MicrosAssertion;
import dev.redline.limits.LimitWatch;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.Measurement;
import dev.redline.metrics.LiveMetrics;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.report.RunConsole;
import dev.redline.report.RunReports;
import io.gatling.core.CoreComponents;
import io.gatling.core.config.NettyConfiguration;
import io.gatling.core.stats.StatsEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import scala.runtime.BoxedUnit;

/**
 * One Gatling run as Redline sees it, across every Redis protocol: a coordinator over the run's
 * parts, each with a job of its own — its start ({@link RunStart}: clients, live metrics, the gate,
 * the warm-up), measurement ({@link Measurement}), the servers' own figures ({@link ServerWatch}),
 * what the users brought ({@link RunActivity}), its end ({@link RunEnding}: where the time went,
 * the gate's decision) and what the user reads ({@link RunConsole}, {@link RunReports}). Made when
 * Gatling first asks for Redline's components; finished by the actor system's termination hook (not
 * a user's onExit).
 */
public final class RedlineRun {
  private final String runId = RunIdentity.newRunId();
  private final RunConsole console = new RunConsole();
  private final ServerWatch servers = new ServerWatch();
  private final RunClients clients = new RunClients();
  private final RunActivity activity = new RunActivity();
  private final RunStop stop = new RunStop();
  private final List<RedisComponents> components = new ArrayList<>();
  private final List<RunObserver> observers = new ArrayList<>();
  private final Measurement measurement;
  private final PubSubTracker pubsub;
  private final RunStart start;
  private final RunEnding ending;
  private final StatsEngine statsEngine;
  private volatile long endEpochMillis;
  private volatile Path reportIndex;
  private boolean finished;
  private boolean refused;

  private RedlineRun(StatsEngine statsEngine, LoopTransport transport) {
    this.statsEngine = statsEngine;
    this.measurement =
        new Measurement(
            errors -> console.errorsOfLastSecond(errors, recorder()::exampleMessage),
            this::sampleClients);
    this.pubsub = new PubSubTracker(measurement.recorder());
    LimitWatch limits = new LimitWatch();
    this.start =
        new RunStart(this, runId, transport, console, measurement, servers, clients, limits);
    this.ending = new RunEnding(runId, measurement, servers, limits, clients, activity, pubsub);
  }

  /**
   * The run Gatling is building on the calling thread (when it first asks for Redline's
   * components); it finishes when Gatling's actor system terminates, after the load.
   */
  static RedlineRun start(CoreComponents core) {
    NettyConfiguration netty = core.configuration().netty();
    RedlineRun run =
        new RedlineRun(
            core.statsEngine(), new LoopTransport(netty.useNativeTransport(), netty.useIoUring()));
    core.actorSystem().registerOnTermination(() -> run.finishedBy(BoxedUnit.UNIT));
    return run;
  }

  private BoxedUnit finishedBy(BoxedUnit unit) {
    finish();
    return unit;
  }

  private void sampleClients() {
    start.metrics().ifPresent(LiveMetrics::sampleClients);
  }

  /**
   * The components of one protocol: its client pool, checked against the server. A setting that
   * cannot work or a server that cannot be used refuses the run: the exception's message is the one
   * line that says why (it carries no stack trace), and no report is written.
   */
  synchronized RedisComponents components(RedisProtocol protocol) {
    try {
      ProtocolClients pool = start.connect(protocol);
      RedisComponents made = new RedisComponents(protocol, pool, statsEngine, this);
      components.add(made);
      if (observers.isEmpty()) {
        ServiceLoader.load(RunObserver.class).forEach(observers::add);
        observers.forEach(observer -> observer.started(this));
      }
      return made;
    } catch (RuntimeException e) {
      refused = true;
      stop.abandon();
      start.abandon();
      throw RedlineStartupException.refusing(e);
    }
  }

  /** Ends the run and writes the reports (nothing for a refused run). Idempotent. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    endEpochMillis = System.currentTimeMillis();
    if (refused) {
      return; // nothing ran: no report, no summary that would look like a result
    }
    try {
      RunReports.RunEnd end =
          ending.end(
              start.gate(),
              start.metrics(),
              start.settings(),
              endEpochMillis,
              this::gatlingRecords,
              components.stream().anyMatch(c -> c.results().perOpBatchRecords()));
      reportIndex = RunReports.write(end, console).orElse(null);
    } finally {
      stop.loadEnded(gatlingRecords());
      observers.forEach(observer -> observer.finished(this));
    }
  }

  void expectAssertions(List<MicrosAssertion> assertions) {
    start.gate().expect(assertions);
  }

  /** Decides the run's assertions on everything measured so far; the outcomes of {@code gating}. */
  List<AssertionOutcome> decideAssertions(List<MicrosAssertion> gating) {
    return ending.decide(start.gate(), gating);
  }

  /** Whether the run was asked to stop early (Ctrl+C, a signal, its launching process gone). */
  boolean stopRequested() {
    return stop.requested();
  }

  Measurement measurement() {
    return measurement;
  }

  RunActivity activity() {
    return activity;
  }

  /** When the run finished (epoch ms), 0 while it runs. */
  public long endEpochMillis() {
    return endEpochMillis;
  }

  /** The run's microsecond recorder. */
  public LatencyRecorder recorder() {
    return measurement.recorder();
  }

  /** This run's id (also in the summary). */
  public String runId() {
    return runId;
  }

  /** The companion report's index.html, once the run has finished and written it. */
  public Optional<Path> reportIndex() {
    return Optional.ofNullable(reportIndex);
  }

  /** Milliseconds Redline spent reading the servers' own figures, none on a request's path. */
  public double serverReadMillis() {
    return servers.readMillis();
  }

  /** How many records this run has given Gatling's stats engine, over every protocol. */
  public synchronized long gatlingRecords() {
    return components.stream().mapToLong(c -> c.results().gatlingRecords()).sum();
  }

  /** Every client of every protocol, in order. */
  public List<ClientInstance> clients() {
    return clients.clients();
  }

  /** The run's pub/sub accounting (PUBLISH payloads, deliveries, losses). */
  public PubSubTracker pubsub() {
    return pubsub;
  }
}
