package dev.redline.protocol;

import dev.redline.client.ClientPool;
import dev.redline.client.ClientSettings;
import dev.redline.client.RedisEndpoint;
import dev.redline.report.LatencyRecorder;
import dev.redline.report.LatencyTable;
import io.gatling.core.CoreComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;

/**
 * The state one Gatling run shares across every Redis protocol: the microsecond recorder and its
 * once-a-second sampler, the client pools, an embedded redis-server if one was started. Made when
 * Gatling first asks for Redline's components; finished by the actor system's termination hook
 * (not a user's onExit), which closes the pools and prints the microsecond table.
 */
public final class RedlineRun {
  private static final Logger LOG = LoggerFactory.getLogger(RedlineRun.class);
  private static volatile RedlineRun lastStarted;

  private final LatencyRecorder recorder = new LatencyRecorder();
  private final EndpointResolver endpoints = new EndpointResolver();
  private final List<ClientPool> pools = new ArrayList<>();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "redline-sampler");
    thread.setDaemon(true);
    return thread;
  });
  private final long startEpochMillis = System.currentTimeMillis();
  private volatile long endEpochMillis;
  private boolean finished;

  private RedlineRun() {
    sampler.scheduleAtFixedRate(recorder::sample, 1, 1, TimeUnit.SECONDS);
  }

  static RedlineRun start(CoreComponents core) {
    RedlineRun run = new RedlineRun();
    core.actorSystem().registerOnTermination(() -> {
      run.finish();
      return BoxedUnit.UNIT;
    });
    lastStarted = run;
    return run;
  }

  /** The run started most recently in this JVM, if any (for embedding and tests). */
  public static Optional<RedlineRun> lastStarted() {
    return Optional.ofNullable(lastStarted);
  }

  /** The run's microsecond recorder. */
  public LatencyRecorder recorder() {
    return recorder;
  }

  /** When the run started, epoch milliseconds. */
  public long startEpochMillis() {
    return startEpochMillis;
  }

  /** When the run finished, epoch milliseconds; 0 while running. */
  public long endEpochMillis() {
    return endEpochMillis;
  }

  synchronized RedisComponents components(RedisProtocol protocol) {
    RedisEndpoint endpoint = endpoints.resolve(protocol.endpoint());
    ClientSettings settings = new ClientSettings(endpoint, protocol.clientInstances(),
        protocol.effectiveConnectionsPerClient(), protocol.threadsPerClient(),
        protocol.connectTimeout(), protocol.socketTimeout(), protocol.clientName());
    ClientPool pool = new ClientPool(settings);
    pools.add(pool);
    StartupCheck.verify(pool, recorder);
    return new RedisComponents(protocol, pool, recorder);
  }

  /** Ends the run: last sample, pools closed, table printed, embedded Redis stopped. Idempotent. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    endEpochMillis = System.currentTimeMillis();
    sampler.shutdownNow();
    recorder.sample();
    for (ClientPool pool : pools) {
      try {
        pool.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a Redline client pool failed", e);
      }
    }
    endpoints.close();
    System.out.println(LatencyTable.render(recorder));
  }
}
