package dev.redline.action;

import dev.redline.client.ClientInstance;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.ProtocolClients;
import dev.redline.client.RedisLink;
import dev.redline.command.RedisFailure;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.RequestTimes;
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
 * #roundTrip} makes the blocking Jedis call, {@link #recorded} checks and records what came back
 * (service time, and the wait since it was due), and the session goes on with {@link #proceed}.
 * Every request, a single command, a batch or a subscription, is timed and recorded on this one
 * path.
 *
 * <p>The user lives on its worker: its first request moves the session there (the worker's queue,
 * once), and every later one arrives on the worker already and runs at once, on the same stack
 * (bounded, see {@link ClientInstance#execute}). A Jedis call never runs on a Gatling event loop.
 *
 * @param <P> what a request is made of once resolved against the session (its arguments)
 * @param <R> what its round trip gives back (a reply, a batch's replies)
 */
public abstract class RedisAction<P, R> extends GatlingRequestAction {
  private static final Logger LOG = LoggerFactory.getLogger(RedisAction.class);

  protected final RedisComponents components;
  protected final ResultRecorder results;
  private final long backoffMinNanos;
  private final long backoffMaxNanos;
  private final int retryAttempts;
  private final LoadStop loadStop;

  /** Whether requests are sent when {@link #dueNanos} says rather than as they arrive. */
  private final boolean paced;

  protected RedisAction(String name, ScenarioContext ctx, RedisComponents components, Action next) {
    this(name, ctx, components, next, false);
  }

  /**
   * @param paced whether each request is sent when {@link #dueNanos} says (a replay at its recorded
   *     pace) rather than as it arrives
   */
  protected RedisAction(
      String name, ScenarioContext ctx, RedisComponents components, Action next, boolean paced) {
    super(name, ctx, next);
    this.paced = paced;
    this.components = components;
    this.results = components.results();
    this.backoffMinNanos = components.protocol().outages().backoffMin().toNanos();
    this.backoffMaxNanos = components.protocol().outages().backoffMax().toNanos();
    this.retryAttempts = components.protocol().outages().retryAttempts();
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
   * Makes the request's round trip on the client's worker thread (through {@link #onConnection}
   * when it goes to Redis on the client's links).
   *
   * @throws RuntimeException the round trip's failure, or a single command's error reply
   */
  protected abstract R roundTrip(Session session, P request, ClientInstance client);

  /**
   * Checks what came back and records the request (and a batch's commands); the session to go on
   * with, settled by {@link #settle}. {@code failure} is the round trip's, and then {@code reply}
   * is null.
   */
  protected abstract Session recorded(
      Session session, P request, R reply, RedisFailure failure, RequestTimes times);

  /**
   * When a paced request is due (a replay at its recorded pace), on {@link System#nanoTime}'s
   * clock; it is sent then, and its wait is counted from then.
   */
  protected long dueNanos(P request) {
    throw new UnsupportedOperationException("a paced action says when its requests are due");
  }

  /** Whether the round trip's outcome tells the client's connection health (its own links). */
  protected boolean notesHealth() {
    return true;
  }

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
    ProtocolClients clients = components.clients();
    ClientInstance client = clients.clientFor(session.userId());
    EventLoop worker = client.worker(clients.workerIndexOf(session.userId()));
    if (worker.isShuttingDown()) {
      return null; // the run is over: send nothing, as Gatling's Action.! does for a closed loop
    }
    Session home = session.eventLoop() == worker ? session : movedHome(session, worker);
    if (throttled()) {
      throttle(home, () -> dispatch(home, request, client, worker, System.nanoTime()));
    } else {
      dispatch(home, request, client, worker, paced ? dueNanos(request) : arrivedNanos);
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
    if (paced) {
      backoff = Math.max(backoff, dueNanos - System.nanoTime());
      Runnable due = task;
      task = // a stop that came while it waited for its time: nothing is sent
          () -> {
            if (components.stopping()) {
              loadStop.stopWith(session);
            } else {
              due.run();
            }
          };
    }
    if (backoff > 0) {
      worker.schedule(task, backoff, TimeUnit.NANOSECONDS);
    } else {
      ClientInstance.execute(worker, task);
    }
  }

  /**
   * The one path of a request on its worker: timed from here ({@code dueNanos}: when it was due;
   * the time from then until now is its wait), its round trip, the client's health, then checked,
   * recorded and passed on.
   */
  private void run(Session session, P request, ClientInstance client, long dueNanos) {
    long startMillis = clock().nowMillis();
    long startNanos = System.nanoTime();
    R reply = null;
    RuntimeException error = null;
    try {
      reply = roundTrip(session, request, client);
    } catch (RuntimeException e) {
      error = e;
    }
    RequestTimes times = RequestTimes.since(startMillis, startNanos, dueNanos);
    RedisFailure failure = error == null ? null : RedisFailure.of(error); // outside the time
    if (notesHealth()) {
      noteHealth(client, failure, startNanos);
    }
    proceed(recorded(session, request, reply, failure, times));
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

  /** Tells the client's connection health how a request that tried to reach Redis ended. */
  private static void noteHealth(ClientInstance client, RedisFailure failure, long startedNanos) {
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
  protected static Session settle(Session session, RequestTimes times, boolean ok) {
    Session timed = session.logGroupRequestTimings(times.gatlingStartMillis(), times.endMillis());
    return ok ? timed : timed.markAsFailed();
  }
}
