package dev.redline.protocol;

import dev.redline.assertions.RunGate;
import dev.redline.client.ClientSettings;
import dev.redline.client.LoopTransport;
import dev.redline.client.ProtocolClients;
import dev.redline.config.GateConfig;
import dev.redline.config.MetricsConfig;
import dev.redline.config.WorkerBudget;
import dev.redline.limits.LimitWatch;
import dev.redline.measure.Measurement;
import dev.redline.metrics.LiveMetrics;
import dev.redline.report.RunConsole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's start, one protocol at a time: the first protocol starts the live metrics and sets the
 * gate; each makes its clients on the resolved endpoint, checks them against the server, says its
 * settings, and starts the warm-up or the measuring.
 */
final class RunStart {
  private final Object lock;
  private final String runId;
  private final LoopTransport transport;
  private final RunConsole console;
  private final Measurement measurement;
  private final ServerWatch servers;
  private final RunClients clients;
  private final LimitWatch limits;
  private final List<Map<String, Object>> settings = new ArrayList<>();
  private volatile Optional<LiveMetrics> metrics = Optional.empty();
  private volatile RunGate gate = RunGate.none(); // set with the first protocol
  private boolean started;

  /**
   * @param lock the run's lock, held by its start and its end alike
   */
  RunStart(
      Object lock,
      String runId,
      LoopTransport transport,
      RunConsole console,
      Measurement measurement,
      ServerWatch servers,
      RunClients clients,
      LimitWatch limits) {
    this.lock = lock;
    this.runId = runId;
    this.transport = transport;
    this.console = console;
    this.measurement = measurement;
    this.servers = servers;
    this.clients = clients;
    this.limits = limits;
  }

  /**
   * Makes the protocol's client pool and checks that every client can use Redis; the servers are
   * watched from then on, and the settings are said once the server has answered.
   *
   * @throws RuntimeException what refused the start (a pool that failed its check is closed; {@link
   *     #abandon} closes the rest)
   */
  ProtocolClients connect(RedisProtocol protocol) {
    synchronized (lock) {
      return connected(protocol);
    }
  }

  private ProtocolClients connected(RedisProtocol protocol) {
    boolean first = !started;
    started = true;
    if (first) {
      metrics =
          LiveMetrics.start(
              MetricsConfig.load().with(protocol.reports().metrics()),
              RunIdentity.labels(runId),
              clients::clients);
      metrics.ifPresent(m -> measurement.recorder().onEverySecond(m));
      gate =
          RunGate.of(
              GateConfig.load(),
              protocol.reports().baseline(),
              protocol.reports().baselineThreshold());
    }
    long initStart = System.nanoTime();
    ProtocolClients pool = checkedPool(protocol);
    clients.add(pool);
    long initNanos = System.nanoTime() - initStart;
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
    Duration warmup = protocol.load().warmup();
    if (measurement.warmUp(warmup, () -> warmupOver(warmup))) {
      console.warmingUp(warmup);
    }
    if (measurement.recorder().window().isOpen()) {
      measuringStarted();
    }
    return pool;
  }

  private ProtocolClients checkedPool(RedisProtocol protocol) {
    EndpointResolver endpoints = clients.endpoints();
    ClientSettings made =
        protocol.clientSettings(
            endpoints.resolve(
                protocol.endpoint(), protocol.origin().endpointOrigin(), protocol.deployment()));
    settings.add(SettingsEcho.of(made, protocol));
    ProtocolClients pool =
        StartupCheck.connect(
            made,
            transport,
            protocol.outages().startDuringOutage(),
            protocol.origin().loginOrigin());
    try {
      servers.start(pool, measurement.recorder());
      StartupCheck.verify(
          pool,
          measurement.recorder(),
          protocol.outages().startDuringOutage(),
          protocol.origin().loginOrigin());
    } catch (RuntimeException e) {
      try {
        pool.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    // said once the server answered: a refused start prints its one line and nothing else
    console.print(protocol.origin().echo());
    console.print(endpoints.takeAnnouncements());
    return pool;
  }

  private void warmupOver(Duration warmup) {
    measuringStarted();
    console.warmupOver(warmup);
  }

  /**
   * The servers' own time and this JVM's CPU, read as measuring starts (under the run's lock: never
   * while the run ends).
   */
  private void measuringStarted() {
    synchronized (lock) {
      servers.measuringStarted(measurement.recorder());
      limits.measuringStarted(clients.workerThreads());
      measurement.measuringStarted();
    }
  }

  /** Undoes the start of a refused run: nothing is left open, nothing is measured. */
  void abandon() {
    metrics.ifPresent(LiveMetrics::close);
    servers.close();
    clients.close();
    measurement.abandon();
  }

  /** The run's gate (none until the first protocol has started). */
  RunGate gate() {
    return gate;
  }

  /** The run's live metrics, if any are exported. */
  Optional<LiveMetrics> metrics() {
    return metrics;
  }

  /** The settings each protocol's clients run with, for the summary. */
  List<Map<String, Object>> settings() {
    return settings;
  }
}
