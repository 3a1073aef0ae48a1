package dev.redline.protocol;

import dev.redline.assertions.AssertionOutcome;
import dev.redline.assertions.RunGate;
import dev.redline.client.ClientInstance;
import dev.redline.client.ClientPool;
import dev.redline.client.ClientSettings;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.LoopTransport;
import dev.redline.config.GateConfig;
import dev.redline.config.MetricsConfig;
import dev.redline.config.MicrosAssertion;
import dev.redline.config.Refusal;
import dev.redline.config.WorkerBudget;
import dev.redline.limits.LimitVerdict;
import dev.redline.limits.LimitWatch;
import dev.redline.limits.RunConditions;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.Measurement;
import dev.redline.metrics.LiveMetrics;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.pubsub.Subscriber;
import dev.redline.report.CommandCrossCheck;
import dev.redline.report.RunConsole;
import dev.redline.report.RunFacts;
import dev.redline.report.RunReports;
import dev.redline.report.UnreachableTime;
import io.gatling.core.CoreComponents;
import io.gatling.core.config.NettyConfiguration;
import io.gatling.core.stats.StatsEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;

/**
 * One Gatling run as Redline sees it, across every Redis protocol: a coordinator over the run's
 * parts, each with a job of its own — measurement ({@link Measurement}), the servers' own figures
 * ({@link ServerWatch}), the gate ({@link RunGate}), where the time went ({@link LimitWatch}), live
 * metrics ({@link LiveMetrics}) and what the user reads ({@link RunConsole}, {@link RunReports}).
 * Made when Gatling first asks for Redline's components; finished by the actor system's termination
 * hook (not a user's onExit), in order: measurement stops, where the time went is judged, the gate
 * decides, the reports are written.
 */
public final class RedlineRun {
  private static final Logger LOG = LoggerFactory.getLogger(RedlineRun.class);

  private final String runId = RunIdentity.newRunId();
  private final RunConsole console = new RunConsole();
  private final Measurement measurement;
  private final EndpointResolver endpoints = new EndpointResolver();
  private final ServerWatch servers = new ServerWatch();
  private final LimitWatch limits = new LimitWatch();
  private final List<ClientPool> pools = new CopyOnWriteArrayList<>(); // read by metrics threads
  private final List<RedisComponents> components = new ArrayList<>();
  private final List<Map<String, Object>> settings = new ArrayList<>();
  private final Set<String> scenarios = ConcurrentHashMap.newKeySet();
  private final PubSubTracker pubsub;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final RunStop stop = new RunStop();
  private final List<RunObserver> observers = new ArrayList<>();
  private final StatsEngine statsEngine;
  private final LoopTransport transport;
  private volatile Optional<LiveMetrics> metrics = Optional.empty();
  private volatile RunGate gate = RunGate.none(); // set with the first protocol's components
  private volatile UnreachableTime finalUnreachable; // null while the load runs
  private volatile long endEpochMillis;
  private volatile boolean throttled;
  private volatile double throttleTarget;
  private volatile Path reportIndex;
  private boolean finished;
  private boolean refused;

  private RedlineRun(StatsEngine statsEngine, LoopTransport transport) {
    this.statsEngine = statsEngine;
    this.transport = transport;
    this.measurement =
        new Measurement(
            errors -> console.errorsOfLastSecond(errors, recorder()::exampleMessage),
            () -> metrics.ifPresent(LiveMetrics::sampleClients));
    this.pubsub = new PubSubTracker(measurement.recorder());
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

  /** Whether the run was asked to stop early (Ctrl+C, a signal, its launching process gone). */
  boolean stopRequested() {
    return stop.requested();
  }

  Measurement measurement() {
    return measurement;
  }

  void expectAssertions(List<MicrosAssertion> assertions) {
    gate.expect(assertions);
  }

  /** Decides the run's assertions on everything measured so far; the outcomes of {@code gating}. */
  List<AssertionOutcome> decideAssertions(List<MicrosAssertion> gating) {
    measurement.recorder().sample();
    UnreachableTime unreachable =
        finalUnreachable != null ? finalUnreachable : UnreachableTime.of(clientHealth(), nowNs());
    return gate.decide(
        gating,
        measurement.recorder(),
        measurement.spanSeconds(),
        unreachable.longestSeconds() * 1e6);
  }

  /**
   * The components of one protocol: its client pool, checked against the server. A setting that
   * cannot work or a server that cannot be used refuses the run: the exception's message is the one
   * line that says why (it carries no stack trace), and no report is written.
   */
  synchronized RedisComponents components(RedisProtocol protocol) {
    try {
      RedisComponents made = connect(protocol);
      if (observers.isEmpty()) {
        ServiceLoader.load(RunObserver.class).forEach(observers::add);
        observers.forEach(observer -> observer.started(this));
      }
      return made;
    } catch (RuntimeException e) {
      refused = true;
      stop.abandon();
      metrics.ifPresent(LiveMetrics::close);
      closePoolsAndEndpoints();
      measurement.abandon();
      // a mistake of the user's is one line; anything else keeps its stack trace
      if (e instanceof IllegalArgumentException) {
        throw Refusal.saidOnce(new RedlineStartupException(e.getMessage()));
      }
      throw e instanceof Refusal ? Refusal.saidOnce(e) : e;
    }
  }

  private RedisComponents connect(RedisProtocol protocol) {
    boolean first = components.isEmpty();
    if (first) {
      metrics =
          LiveMetrics.start(
              MetricsConfig.load().with(protocol.metrics()),
              RunIdentity.labels(runId),
              this::clients);
      metrics.ifPresent(m -> measurement.recorder().onEverySecond(m));
      gate = RunGate.of(GateConfig.load(), protocol.baseline(), protocol.baselineThreshold());
    }
    long initStart = nowNs();
    ClientPool pool =
        ProtocolStart.connect(
            protocol, endpoints, transport, servers, measurement.recorder(), console, settings);
    pools.add(pool);
    long initNanos = nowNs() - initStart;
    metrics.ifPresent(m -> m.clientInitialized(initNanos));
    if (first) {
      metrics.ifPresent(m -> console.print(List.of(m.describe())));
    }
    ClientSettings made = pool.settings();
    if (made.workersPerClient() < made.threadsPerClient()) {
      console.sharedWorkers(
          (long) made.clientInstances() * made.threadsPerClient(),
          (long) made.clientInstances() * made.workersPerClient(),
          WorkerBudget.WORKERS_PER_CORE);
    }
    Duration warmup = protocol.warmup();
    if (measurement.warmUp(warmup, () -> warmupOver(warmup))) {
      console.warmingUp(warmup);
    }
    if (measurement.recorder().window().isOpen()) {
      measuringStarted();
    }
    RedisComponents protocolComponents = new RedisComponents(protocol, pool, statsEngine, this);
    components.add(protocolComponents);
    return protocolComponents;
  }

  private void warmupOver(Duration warmup) {
    measuringStarted();
    console.warmupOver(warmup);
  }

  /** The servers' own time and this JVM's CPU, read as measuring starts. */
  private synchronized void measuringStarted() {
    servers.measuringStarted(measurement.recorder());
    limits.measuringStarted(workerThreads());
    measurement.measuringStarted();
  }

  /**
   * Ends the run: measurement stops, where the time went is judged (its server reads come right
   * after the cross-check's), the gate decides, the reports are written. Idempotent.
   */
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
      reportIndex = RunReports.write(end(), console).orElse(null);
    } finally {
      stop.loadEnded(gatlingRecords());
      observers.forEach(observer -> observer.finished(this));
    }
  }

  /** Stops measuring and reading, judges, decides: what the reports say. */
  private RunReports.RunEnd end() {
    pubsub.finish(subscribers);
    measurement.stop();
    LatencyRecorder recorder = measurement.recorder();
    double span = measurement.spanSeconds();
    CommandCrossCheck crossCheck = servers.finish(recorder.sentCommands());
    finalUnreachable = UnreachableTime.of(clientHealth(), nowNs());
    // after the cross-check's own reading: these reads are not among the commands it compares
    LimitVerdict verdict =
        limits.verdict(
            servers.windows(),
            new RunConditions(
                servers.unread(),
                longestOutageSeconds(),
                throttled,
                throttleTarget,
                measurement.machineCoresBusy()),
            workerThreads(),
            recorder,
            span,
            measurement.averageUsers(),
            clients().stream().mapToInt(ClientInstance::concurrency).sum(),
            servers.onThisMachine());
    Optional<String> refusedConnections = Optional.ofNullable(servers.refusedConnections());
    metrics.ifPresent(m -> m.ended(verdict));
    closePoolsAndEndpoints();
    if (gate.hasAssertions() && !gate.decided()) {
      decideAssertions(List.of());
    }
    return new RunReports.RunEnd(
        facts(recorder),
        recorder,
        crossCheck,
        refusedConnections,
        finalUnreachable,
        verdict,
        servers.readMillis(),
        gate.comparison(recorder, span),
        gate.hasAssertions() ? Optional.of(gate.outcomes()) : Optional.empty(),
        gate.ungated(),
        span,
        gatlingRecords(),
        components.stream().anyMatch(c -> c.results().perOpBatchRecords()));
  }

  private RunFacts facts(LatencyRecorder recorder) {
    long reconnections = clientHealth().stream().mapToLong(ConnectionHealth::reconnections).sum();
    long downNanos = clientHealth().stream().mapToLong(ConnectionHealth::downNanos).sum();
    return new RunFacts(
        RunIdentity.appName(),
        RunIdentity.instanceId(),
        runId,
        RunIdentity.version(),
        scenarios.isEmpty() ? "(no scenario)" : String.join("+", new TreeSet<>(scenarios)),
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

  private void closePoolsAndEndpoints() {
    servers.close();
    for (ClientPool pool : pools) {
      try {
        pool.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a Redline client pool failed", e);
      }
    }
    endpoints.close(); // the pools stay listed: their clients' health is read after the run
  }

  private List<Thread> workerThreads() {
    List<Thread> all = new ArrayList<>();
    clients().forEach(client -> all.addAll(client.workerThreads()));
    return all;
  }

  /** The longest single time any client could not reach Redis, in seconds. */
  private double longestOutageSeconds() {
    long now = nowNs();
    return clientHealth().stream().mapToLong(h -> h.longestOutageNanos(now)).max().orElse(0) / 1e9;
  }

  private static long nowNs() {
    return System.nanoTime();
  }

  /**
   * Gatling's throttle paces requests of the run, toward {@code target} per second (0: unknown).
   */
  void throttled(double target) {
    throttled = true;
    throttleTarget = Math.max(throttleTarget, target);
  }

  /** Keeps a subscriber to close when the run ends. */
  void subscribed(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  /** A scenario of the run's users started (its name goes in the summary; the gate's does not). */
  void scenarioStarted(String scenario) {
    if (!RunGate.SCENARIO.equals(scenario)) {
      scenarios.add(scenario);
    }
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
    List<ClientInstance> all = new ArrayList<>();
    pools.forEach(pool -> all.addAll(pool.clients()));
    return all;
  }

  /** The connection health of every client of every protocol, in order. */
  public List<ConnectionHealth> clientHealth() {
    return clients().stream().map(ClientInstance::health).toList();
  }

  /** The run's pub/sub accounting (PUBLISH payloads, deliveries, losses). */
  public PubSubTracker pubsub() {
    return pubsub;
  }
}
