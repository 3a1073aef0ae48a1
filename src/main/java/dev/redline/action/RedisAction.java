package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.RedisLink;
import dev.redline.command.RedisFailure;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.ResultRecorder;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common way of every Redline action. Gatling hands it a session ({@link GatlingRequestAction}:
 * block rules first); the request is due from then. Its arguments are resolved against the session
 * (a missing attribute is a crash, as for HTTP); it goes through Gatling's throttler when the
 * scenario is throttled (then it is due at its slot), then to the user's Redis worker, where {@link
 * #run} makes the blocking Jedis call, records it (service time, and the wait since it was due),
 * and passes the session on with {@link #proceed}.
 *
 * <p>The user lives on its worker: its first request moves the session there (the worker's queue,
 * once), and every later one arrives on the worker already and runs at once, on the same stack
 * (bounded, see {@link ClientInstance#execute}). A Jedis call never runs on a Gatling event loop.
 *
 * @param <P> what a request is made of once resolved against the session (its arguments)
 */
public abstract class RedisAction<P> extends GatlingRequestAction {
  private static final Logger LOG = LoggerFactory.getLogger(RedisAction.class);

  protected final RedisComponents components;
  protected final ResultRecorder results;
  private final long backoffMinNanos;
  private final long backoffMaxNanos;
  private final int retryAttempts;
  private final LoadStop loadStop;

  protected RedisAction(String name, ScenarioContext ctx, RedisComponents components, Action next) {
    super(name, ctx, next);
    this.components = components;
    this.results = components.results();
    this.backoffMinNanos = components.protocol().backoffMin().toNanos();
    this.backoffMaxNanos = components.protocol().backoffMax().toNanos();
    this.retryAttempts = components.protocol().retryAttempts();
    this.loadStop = new LoadStop(ctx, "Redline: the run was asked to stop");
    if (throttled()) {
      components.throttled();
    }
  }

  /**
   * Resolves the request against the session, where the session arrived.
   *
   * @throws RuntimeException saying why the request cannot be built (a missing attribute, a session
   *     function that failed): the request is not sent
   */
  protected abstract P prepare(Session session);

  /**
   * Runs the request on the client's worker thread, records it, and calls {@link #proceed}. {@code
   * dueNanos} is when it was due; the time from then until this call is its wait.
   */
  protected abstract void run(Session session, P request, ClientInstance client, long dueNanos);

  /** Not for callers: Gatling's {@code !} calls it (see {@link GatlingRequestAction}). */
  @Override
  public final String send(Session session, long arrivedNanos) {
    if (components.stopping()) {
      loadStop.stopWith(session); // Gatling's own graceful stop: both reports are written
      return null;
    }
    P request;
    try {
      request = prepare(session);
    } catch (RuntimeException e) {
      String reason = RedisFailure.of(e).message();
      components.recorder().crashed(name(), reason);
      return reason;
    }
    ClientInstance client = components.clients().clientFor(session.userId());
    EventLoop worker = client.workerFor(session.userId());
    if (worker.isShuttingDown()) {
      return null; // the run is over: send nothing, as Gatling's Action.! does for a closed loop
    }
    Session home = session.eventLoop() == worker ? session : movedHome(session, worker);
    if (throttled()) {
      throttle(home, () -> dispatch(home, request, client, worker, System.nanoTime()));
    } else {
      dispatch(home, request, client, worker, arrivedNanos);
    }
    return null;
  }

  /**
   * Runs the request on the user's worker; while the client is in an outage, after a backoff (the
   * backoff is part of the request's wait). A cluster client does not back off as a whole: see
   * {@link ClientInstance#backsOffAsOne()}.
   */
  private void dispatch(
      Session session, P request, ClientInstance client, EventLoop worker, long dueNanos) {
    if (worker.isShuttingDown()) {
      return; // a throttle slot that came due after the run ended
    }
    long backoff =
        client.backsOffAsOne() ? client.health().backoffNanos(backoffMinNanos, backoffMaxNanos) : 0;
    Runnable task = () -> runSafely(session, request, client, dueNanos);
    if (backoff > 0) {
      worker.schedule(task, backoff, TimeUnit.NANOSECONDS);
    } else {
      ClientInstance.execute(worker, task);
    }
  }

  private void runSafely(Session session, P request, ClientInstance client, long dueNanos) {
    try {
      run(session, request, client, dueNanos);
    } catch (Throwable unexpected) {
      // run() records its own failures; this is a bug guard so that no user is ever lost, and a
      // failed user has a record of its failure, as with HTTP
      try {
        String reason = String.valueOf(unexpected);
        components.recorder().crashed(name(), reason);
        statsEngine().logRequestCrash(session.scenario(), session.groups(), name(), reason);
        LOG.error(
            "Redline action '{}' failed unexpectedly; the user goes on as failed",
            name(),
            unexpected);
      } finally {
        proceed(session.markAsFailed());
      }
    }
  }

  /**
   * Runs a round trip on a link of the client (the worker's own connection, one borrowed from the
   * pool, or the cluster client) and gives it back. While it fails on the connection (CONNECTION,
   * TIMEOUT, ...) it is tried again, up to the protocol's retryAttempts times, waiting the backoff
   * in between; each retry is counted. Error replies and failed checks are never retried.
   */
  protected final <T> T onConnection(ClientInstance client, Function<RedisLink, T> roundTrip) {
    for (int retry = 0; ; retry++) {
      RedisLink link = null;
      try {
        link = client.acquire();
        return roundTrip.apply(link);
      } catch (RuntimeException e) {
        if (retry >= retryAttempts
            || !ConnectionHealth.isConnectionFailure(RedisFailure.of(e).kind())) {
          throw e;
        }
        components.recorder().retried();
        LockSupport.parkNanos(Math.min(backoffMaxNanos, backoffMinNanos << Math.min(20, retry)));
      } finally {
        if (link != null) {
          client.release(link);
        }
      }
    }
  }

  /**
   * The end of a request on Gatling's millisecond clock: its start plus the measured duration,
   * rounded to the nearest millisecond (one clock read fewer, and no 0-or-1 ms coin toss for a 100
   * µs request depending on whether it crossed a millisecond boundary).
   */
  protected static long endMillis(long startMillis, long nanos) {
    return startMillis + (nanos + 500_000) / 1_000_000;
  }

  /** How long a request started at {@code startNanos} waited since it was due (never negative). */
  protected static long waitNanos(long dueNanos, long startNanos) {
    return Math.max(0, startNanos - dueNanos);
  }

  /** Tells the client's connection health how a request that tried to reach Redis ended. */
  protected static void noteHealth(ClientInstance client, RedisFailure failure, long startedNanos) {
    if (failure == null) {
      client.health().succeeded();
    } else {
      client.health().failed(failure.kind(), startedNanos);
    }
  }

  /**
   * Marks the session failed when {@code ok} is false, and logs the group timings from where the
   * request's Gatling record starts (when it was due, its wait included).
   */
  protected static Session settle(
      Session session, long startMillis, long waitNanos, long endMillis, boolean ok) {
    Session timed =
        session.logGroupRequestTimings(
            ResultRecorder.gatlingStartMillis(startMillis, waitNanos), endMillis);
    return ok ? timed : timed.markAsFailed();
  }
}
