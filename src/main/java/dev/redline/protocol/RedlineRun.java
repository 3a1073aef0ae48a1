package dev.redline.protocol;

import dev.redline.client.ClientPool;
import dev.redline.client.ClientSettings;
import dev.redline.client.LoopTransport;
import dev.redline.client.RedisEndpoint;
import dev.redline.pubsub.PubSubTracker;
import dev.redline.pubsub.Subscriber;
import dev.redline.report.CommandCrossCheck;
import dev.redline.report.CompanionReport;
import dev.redline.report.GatlingReportHint;
import dev.redline.report.LatencyRecorder;
import dev.redline.report.LatencyTable;
import dev.redline.report.ReportFolder;
import dev.redline.report.RunFacts;
import io.gatling.core.CoreComponents;
import io.gatling.core.config.NettyConfiguration;
import io.gatling.core.stats.StatsEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;

/**
 * The state one Gatling run shares across every Redis protocol: the microsecond recorder and its
 * once-a-second sampler, the client pools, the servers' start counts, an embedded redis-server if
 * one was started. Made when Gatling first asks for Redline's components; finished by the actor
 * system's termination hook (not a user's onExit): pools closed, companion report written.
 */
public final class RedlineRun {
  private static final Logger LOG = LoggerFactory.getLogger(RedlineRun.class);

  private final String runId = RunIdentity.newRunId();
  private final LatencyRecorder recorder = new LatencyRecorder();
  private final EndpointResolver endpoints = new EndpointResolver();
  private final ServerWatch servers = new ServerWatch();
  private final List<ClientPool> pools =
      new java.util.concurrent.CopyOnWriteArrayList<>(); // read by the metrics' threads
  private final List<RedisComponents> components = new ArrayList<>();
  private final List<Map<String, Object>> settings = new ArrayList<>();
  private final Set<String> scenarios = ConcurrentHashMap.newKeySet();
  private final PubSubTracker pubsub = new PubSubTracker(recorder);
  private final List<Subscriber> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "redline-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private final long startEpochMillis = System.currentTimeMillis();
  private volatile long endEpochMillis;
  private volatile Optional<dev.redline.metrics.LiveMetrics> metrics = Optional.empty();
  private boolean metricsStarted;
  private volatile Path reportIndex;
  private boolean finished;
  private boolean refused;
  private final java.util.concurrent.atomic.AtomicLong activeUsers =
      new java.util.concurrent.atomic.AtomicLong();
  private final List<dev.redline.assertions.MicrosAssertion> expectedAssertions =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private List<dev.redline.assertions.AssertionOutcome> decided; // guarded by this

  /** The assertions a gate handed to Gatling as records (its result includes them). */
  private final java.util.Set<dev.redline.assertions.MicrosAssertion> gated =
      new java.util.HashSet<>(); // guarded by this

  private RunGate gate = RunGate.NONE; // set with the first protocol's components
  private volatile dev.redline.limits.ClientWindow.Reading clientAtStart;
  private volatile long userSeconds; // active users summed once a second while measuring
  private volatile long userSamples;

  private final StatsEngine statsEngine;
  private final RunStop stop = new RunStop();
  private final List<RunObserver> observers = new ArrayList<>();
  private boolean observed;

  private final LoopTransport transport;

  private RedlineRun(StatsEngine statsEngine, LoopTransport transport) {
    this.statsEngine = statsEngine;
    this.transport = transport;
    sampler.scheduleAtFixedRate(this::sampleAndReportErrors, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Once a second: fold the recorder, and log one line per error kind that occurred (an error storm
   * stays readable).
   */
  private void sampleAndReportErrors() {
    try {
      recorder
          .sample()
          .forEach(
              (kind, count) ->
                  System.out.printf(
                      java.util.Locale.ROOT,
                      "Redline: %,d x %s in the last second (e.g. %s)%n",
                      count,
                      kind,
                      recorder.exampleMessage(kind)));
      metrics.ifPresent(dev.redline.metrics.LiveMetrics::sampleClients);
      if (recorder.window().isOpen()) {
        userSeconds += activeUsers.get();
        userSamples++;
      }
    } catch (RuntimeException e) {
      LOG.warn("Redline sampler failed", e);
    }
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
    core.actorSystem()
        .registerOnTermination(
            () -> {
              run.finish();
              return BoxedUnit.UNIT;
            });
    return run;
  }

  /** Whether the run was asked to stop early (Ctrl+C, a signal, its launching process gone). */
  boolean stopRequested() {
    return stop.requested();
  }

  void userStarted() {
    activeUsers.incrementAndGet();
  }

  void userEnded() {
    activeUsers.decrementAndGet();
  }

  /** Virtual users of the run's Redis protocols that have started and not yet exited. */
  long activeUsers() {
    return activeUsers.get();
  }

  /** Runs {@code task} on the run's scheduler thread after {@code delayMillis}. */
  void later(Runnable task, long delayMillis) {
    sampler.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("Redline: a scheduled task failed", e);
          }
        },
        delayMillis,
        TimeUnit.MILLISECONDS);
  }

  /** These assertions will be decided: at the run's gate, else when the run ends. */
  /** The clients' unreachable time when the load ended; null while it runs. */
  private volatile dev.redline.report.UnreachableTime finalUnreachable;

  void expectAssertions(List<dev.redline.assertions.MicrosAssertion> assertions) {
    for (dev.redline.assertions.MicrosAssertion assertion : assertions) {
      if (!expectedAssertions.contains(assertion)) {
        expectedAssertions.add(assertion);
      }
    }
  }

  /**
   * Decides assertions on everything measured so far (the recorder sampled first); the outcomes of
   * every expected assertion are kept for the report.
   */
  synchronized List<dev.redline.assertions.AssertionOutcome> decideAssertions(
      List<dev.redline.assertions.MicrosAssertion> assertions) {
    recorder.sample();
    dev.redline.report.UnreachableTime unreachable =
        finalUnreachable != null
            ? finalUnreachable
            : dev.redline.report.UnreachableTime.of(clientHealth(), System.nanoTime());
    List<dev.redline.assertions.AssertionOutcome> all =
        dev.redline.assertions.AssertionCheck.evaluate(
            expectedAssertions,
            recorder,
            spanSeconds(),
            unreachable.longestSeconds() * 1e6,
            gate.comparison(recorder, spanSeconds()));
    decided = all;
    gated.addAll(assertions);
    return all.stream().filter(o -> assertions.contains(o.assertion())).toList();
  }

  private double spanSeconds() {
    return recorder
        .span()
        .map(span -> Math.max(1, span[1] - span[0]) / 1000.0)
        .orElse(Math.max(1, System.currentTimeMillis() - startEpochMillis) / 1000.0);
  }

  /** When the run finished (epoch ms), 0 while it runs. */
  public long endEpochMillis() {
    return endEpochMillis;
  }

  /** The run's microsecond recorder. */
  public LatencyRecorder recorder() {
    return recorder;
  }

  /** This run's id (also in the summary). */
  public String runId() {
    return runId;
  }

  /** The companion report's index.html, once the run has finished and written it. */
  public Optional<Path> reportIndex() {
    return Optional.ofNullable(reportIndex);
  }

  /**
   * The components of one protocol: its client pool, checked against the server. A setting that
   * cannot work or a server that cannot be used refuses the run: the exception's message is the one
   * line that says why (it carries no stack trace), and no report is written.
   */
  synchronized RedisComponents components(RedisProtocol protocol) {
    try {
      RedisComponents made = connect(protocol);
      if (!observed) {
        observed = true;
        ServiceLoader.load(RunObserver.class).forEach(observers::add);
        observers.forEach(observer -> observer.started(this));
      }
      return made;
    } catch (RuntimeException e) {
      refused = true;
      stop.abandon();
      metrics.ifPresent(dev.redline.metrics.LiveMetrics::close);
      closePoolsAndEndpoints();
      sampler.shutdownNow();
      if (e instanceof IllegalArgumentException) {
        throw new RedlineStartupException(e.getMessage());
      }
      throw e; // a mistake of the user's is one line; anything else keeps its stack trace
    }
  }

  /**
   * Starts the live metrics once per run, with the first protocol's settings on top of the
   * configuration's.
   */
  private void startMetrics(RedisProtocol protocol) {
    if (metricsStarted) {
      return;
    }
    metricsStarted = true;
    dev.redline.config.MetricsConfig config =
        dev.redline.config.MetricsConfig.load().with(protocol.metrics());
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app_name", RunIdentity.appName());
    labels.put("instance_id", RunIdentity.instanceId());
    labels.put("run_id", runId);
    labels.put("version", RunIdentity.version());
    metrics = dev.redline.metrics.LiveMetrics.start(config, labels, this::clients);
    metrics.ifPresent(m -> recorder.onEverySecond(m));
  }

  private RedisComponents connect(RedisProtocol protocol) {
    startMetrics(protocol);
    if (components.isEmpty()) {
      gate = RunGate.of(dev.redline.config.GateConfig.load(), protocol);
      expectedAssertions.addAll(gate.config().assertions());
    }
    long initStart = System.nanoTime();
    RedisEndpoint endpoint =
        endpoints.resolve(protocol.endpoint(), protocol.endpointOrigin(), protocol.deployment());
    ClientSettings clientSettings =
        new ClientSettings(
            endpoint,
            protocol.clientInstances(),
            protocol.effectiveConnectionsPerClient(),
            protocol.threadsPerClient(),
            protocol.connectTimeout(),
            protocol.socketTimeout(),
            protocol.clientName(),
            protocol.deployment(),
            protocol.tls(),
            protocol.respVersion(),
            protocol.backoffMin(),
            protocol.backoffMax());
    settings.add(echo(clientSettings, protocol));
    ClientPool pool =
        StartupCheck.connect(
            clientSettings, transport, protocol.startDuringOutage(), protocol.loginOrigin());
    pools.add(pool);
    servers.start(pool);
    StartupCheck.verify(pool, recorder, protocol.startDuringOutage(), protocol.loginOrigin());
    long initNanos = System.nanoTime() - initStart;
    metrics.ifPresent(m -> m.clientInitialized(initNanos));
    // said once the server answered: a refused start prints its one line and nothing else
    protocol.settingsEcho().forEach(System.out::println);
    endpoints.takeAnnouncements().forEach(System.out::println);
    if (components.isEmpty()) {
      metrics.ifPresent(m -> System.out.println(m.describe()));
    }
    if (clientSettings.workersPerClient() < clientSettings.threadsPerClient()) {
      System.out.printf(
          java.util.Locale.ROOT,
          "Redline: %,d virtual users share %,d worker threads (at most %d per core on this %d-core machine);"
              + " the time a user waits for its worker is its WAIT in Redline's report%n",
          (long) clientSettings.clientInstances() * clientSettings.threadsPerClient(),
          clientSettings.clientInstances() * clientSettings.workersPerClient(),
          dev.redline.client.WorkerBudget.WORKERS_PER_CORE,
          Runtime.getRuntime().availableProcessors());
    }
    startWarmup(protocol.warmup());
    if (recorder.window().isOpen()) {
      measuringStarted();
    }
    RedisComponents made =
        new RedisComponents(
            protocol, pool, recorder, statsEngine, scenarios::add, pubsub, subscribers::add, this);
    components.add(made);
    return made;
  }

  /**
   * Closes the measuring window for the protocol's warm-up, once per run (the first protocol with a
   * warm-up sets it: the load of every protocol starts together), and opens it when it is over.
   */
  private void startWarmup(java.time.Duration warmup) {
    if (warmup.isZero() || recorder.window().hadWarmup()) {
      return;
    }
    recorder.window().warmUp();
    System.out.printf(
        java.util.Locale.ROOT,
        "Redline: warming up for %s; nothing is measured until it is over%n",
        dev.redline.config.Durations.describe(warmup));
    sampler.schedule(
        () -> {
          recorder.window().open();
          measuringStarted();
          System.out.printf(
              java.util.Locale.ROOT,
              "Redline: warm-up over (%s); measuring from now%n",
              dev.redline.config.Durations.describe(warmup));
        },
        warmup.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /** The servers' own time and this JVM's CPU, read as measuring starts. */
  private synchronized void measuringStarted() {
    servers.measuringStarted(recorder);
    clientAtStart = dev.redline.limits.ClientWindow.Reading.now(workerThreads());
    userSeconds = 0;
    userSamples = 0;
  }

  private List<Thread> workerThreads() {
    List<Thread> all = new ArrayList<>();
    clients().forEach(client -> all.addAll(client.workerThreads()));
    return all;
  }

  /**
   * Which side held the run back, from the servers' and this JVM's time over the measured window;
   * read once the load has ended.
   */
  private dev.redline.limits.LimitVerdict limits() {
    dev.redline.limits.ClientWindow client =
        dev.redline.limits.ClientWindow.between(
            clientAtStart == null
                ? dev.redline.limits.ClientWindow.Reading.now(List.of())
                : clientAtStart,
            dev.redline.limits.ClientWindow.Reading.now(workerThreads()));
    return dev.redline.limits.LimitVerdict.decide(
        servers.windows(),
        client,
        recorder,
        spanSeconds(),
        userSamples == 0 ? activeUsers.get() : (double) userSeconds / userSamples,
        clients().stream().mapToInt(dev.redline.client.ClientInstance::concurrency).sum(),
        servers.onThisMachine());
  }

  /** Ends the run: last sample, cross-check, pools closed, report written. Idempotent. */
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
      writeReports();
    } finally {
      stop.loadEnded(gatlingRecords());
      observers.forEach(observer -> observer.finished(this));
    }
  }

  private void writeReports() {
    finishPubSub();
    sampler.shutdownNow();
    recorder.sample();
    CommandCrossCheck crossCheck = servers.finish(recorder.sentCommands());
    // after the cross-check's own reading: these reads are not among the commands it compares
    dev.redline.limits.LimitVerdict limits = limits();
    String refused = servers.refusedConnections();
    servers.close();
    metrics.ifPresent(
        m -> {
          m.sampleClients();
          m.limits(limits);
          m.close(); // the last interval is pushed now, not lost
        });
    long reconnections = 0;
    long downNanos = 0;
    for (dev.redline.client.ConnectionHealth health : clientHealth()) {
      reconnections += health.reconnections();
      downNanos += health.downNanos();
    }
    finalUnreachable = dev.redline.report.UnreachableTime.of(clientHealth(), System.nanoTime());
    closePoolsAndEndpoints();
    System.out.println(LatencyTable.render(recorder));
    if (!crossCheck.allMatch() || crossCheck.redirectionCount() > 0) {
      System.out.println("Redline: " + crossCheck.verdict());
    }
    if (refused != null) {
      System.out.println("Redline: " + refused);
    }
    finalUnreachable.console().ifPresent(System.out::println);
    if (recorder.window().hadWarmup()) {
      System.out.println(
          "Redline: the commandstats cross-check covers the whole run, warm-up included; the reports and the summary cover only what came after it");
    }
    CompanionReport.Extras extras = verdicts(limits);
    long measuredFrom =
        recorder.window().isOpen() ? recorder.window().openedEpochMillis() : endEpochMillis;
    RunFacts facts =
        new RunFacts(
            RunIdentity.appName(),
            RunIdentity.instanceId(),
            runId,
            RunIdentity.version(),
            scenarios.isEmpty() ? "(no scenario)" : String.join("+", new TreeSet<>(scenarios)),
            startEpochMillis,
            endEpochMillis,
            measuredFrom,
            List.copyOf(settings),
            servers.versions(),
            reconnections,
            reconnections == 0 ? 0 : downNanos / 1_000_000.0 / reconnections,
            pubsub.facts(),
            metrics.map(dev.redline.metrics.LiveMetrics::summary).orElse(Map.of()),
            0,
            recorder.span());
    try {
      Path index =
          CompanionReport.write(
              ReportFolder.locate(startEpochMillis, runId), facts, recorder, crossCheck, extras);
      reportIndex = index;
      System.out.println("Redline report: " + index.toAbsolutePath().toUri());
      boolean perOpBatches = components.stream().anyMatch(c -> c.results().perOpBatchRecords());
      GatlingReportHint.forRun(
              gatlingRecords(), (endEpochMillis - measuredFrom) / 1000.0, perOpBatches)
          .ifPresent(System.out::println);
    } catch (Exception e) {
      System.out.println("Redline: could not write the companion report: " + e);
    } finally {
      recorder.intervalLog().discard();
    }
  }

  /**
   * The assertions' outcomes and the comparison with the baseline, said on the console and kept for
   * the report. Assertions that no gate decided during the run are decided now: they are in
   * Redline's report, summary and JUnit XML, but not in Gatling's run result.
   */
  private CompanionReport.Extras verdicts(dev.redline.limits.LimitVerdict limits) {
    Map<String, Object> summaryFields = new LinkedHashMap<>();
    List<String> sections = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();
    summaryFields.put("limit", dev.redline.limits.LimitReport.summary(limits));
    summaryFields.put("unreachable", finalUnreachable.summary());
    summaryFields.put("server_reads_ms", Math.round(servers.readMillis() * 10) / 10.0);
    Optional<dev.redline.compare.BaselineComparison> comparison =
        gate.comparison(recorder, spanSeconds());
    comparison.ifPresent(
        c -> {
          System.out.print(dev.redline.compare.ComparisonReport.console(c));
          summaryFields.put("baseline", dev.redline.compare.ComparisonReport.summary(c));
          sections.add(dev.redline.compare.ComparisonReport.html(c));
        });
    if (!expectedAssertions.isEmpty()) {
      if (decided == null) {
        decideAssertions(List.of());
      }
      List<dev.redline.assertions.AssertionOutcome> outcomes = decided;
      System.out.print(dev.redline.assertions.AssertionsReport.console(outcomes));
      List<String> ungated =
          expectedAssertions.stream().filter(a -> !gated.contains(a)).map(a -> a.text()).toList();
      if (!ungated.isEmpty()) {
        System.out.println(
            "Redline: "
                + String.join("; ", ungated)
                + (ungated.size() == 1 ? " was" : " were")
                + " decided outside any gate, so Gatling's result does not include "
                + (ungated.size() == 1 ? "it" : "them")
                + "; to fail the run on "
                + (ungated.size() == 1 ? "it" : "them")
                + ", start a RedisAssertions population that lists "
                + (ungated.size() == 1 ? "it" : "them")
                + " after the load and add its assertions (docs/ci-gates.md)");
      }
      summaryFields.put("assertions", dev.redline.assertions.AssertionsReport.summary(outcomes));
      sections.add(0, dev.redline.assertions.AssertionsReport.html(outcomes));
      files.put("assertions.xml", dev.redline.assertions.JUnitXml.of(outcomes, spanSeconds()));
    }
    System.out.print(dev.redline.limits.LimitReport.console(limits));
    sections.add(0, dev.redline.limits.LimitReport.html(limits));
    return new CompanionReport.Extras(
        summaryFields,
        sections,
        files,
        dev.redline.limits.LimitReport.perRequest(limits, recorder));
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

  /**
   * Milliseconds Redline spent reading the servers' own figures (versions, commandstats,
   * errorstats, latency histograms, CPU, maxclients), at the start and the end of the run: none on
   * a request's path.
   */
  public double serverReadMillis() {
    return servers.readMillis();
  }

  /** How many records this run has given Gatling's stats engine, over every protocol. */
  public synchronized long gatlingRecords() {
    return components.stream().mapToLong(c -> c.results().gatlingRecords()).sum();
  }

  /** Every client of every protocol, in order. */
  public List<dev.redline.client.ClientInstance> clients() {
    List<dev.redline.client.ClientInstance> all = new ArrayList<>();
    pools.forEach(pool -> all.addAll(pool.clients()));
    return all;
  }

  /** The connection health of every client of every protocol, in order. */
  public List<dev.redline.client.ConnectionHealth> clientHealth() {
    return clients().stream().map(dev.redline.client.ClientInstance::health).toList();
  }

  /** The run's pub/sub accounting (PUBLISH payloads, deliveries, losses). */
  public PubSubTracker pubsub() {
    return pubsub;
  }

  /** Lets in-flight messages arrive (up to 2 s), counts the lost ones, closes the subscribers. */
  private void finishPubSub() {
    if (subscribers.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (pubsub.delivered() < pubsub.expected() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    subscribers.forEach(Subscriber::startClosing);
    long closeDeadline = System.nanoTime() + Subscriber.CLOSING_TIME.toNanos();
    subscribers.forEach(subscriber -> subscriber.awaitClosed(closeDeadline));
    pubsub.recordLosses();
  }

  private static Map<String, Object> echo(ClientSettings s, RedisProtocol protocol) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("url", s.describe());
    echo.put("mode", s.deployment().mode());
    echo.put("tls", s.usesTls());
    if (s.usesTls()) {
      echo.put("tls_ca_file", String.valueOf(s.tls().caFile()));
      echo.put("tls_client_certificate", String.valueOf(s.tls().certFile()));
      echo.put("tls_verify_hostname", s.tls().verifyHostname());
      echo.put(
          "tls_versions",
          s.tls().protocols().isEmpty() ? "JDK default" : String.join(",", s.tls().protocols()));
    }
    echo.put("resp_version", s.respVersion() == 0 ? "Jedis default (2)" : s.respVersion());
    echo.put("client_instances", s.clientInstances());
    echo.put("connections_per_client", s.connectionsPerClient());
    echo.put("threads_per_client", s.threadsPerClient());
    echo.put("worker_threads_per_client", s.workersPerClient());
    echo.put("connect_timeout_ms", s.connectTimeout().toMillis());
    echo.put("socket_timeout_ms", s.socketTimeout().toMillis());
    echo.put("client_name", s.clientName());
    echo.put("per_op_gatling_records", protocol.perOpGatlingRecords());
    echo.put("warmup_ms", protocol.warmup().toMillis());
    return echo;
  }
}
