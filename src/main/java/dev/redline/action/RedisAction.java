package dev.redline.action;

import com.typesafe.scalalogging.Logger;
import dev.redline.client.ClientInstance;
import dev.redline.client.ConnectionHealth;
import dev.redline.client.RedisLink;
import dev.redline.command.CommandSpec;
import dev.redline.command.RedisFailure;
import dev.redline.protocol.RedisComponents;
import dev.redline.protocol.ResultRecorder;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.controller.throttle.Throttler;
import io.gatling.core.controller.throttle.Throttler$Command$ThrottledRequest;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.runtime.BoxedUnit;

/**
 * The common way of every Redline action: Gatling hands it a session ({@code !}); the request is
 * due from then. It goes through Gatling's throttler when the scenario is throttled (then it is due
 * at its slot), then to the worker thread of the user's client, where {@link #run} makes the
 * blocking Jedis call, records it (service time, and the wait since it was due), and passes the
 * session on.
 *
 * <p>Passing on: when the next action is also a Redline action, it is queued on the same worker (no
 * thread hand-off); anything else goes back to the user's event loop through {@code next !
 * session}.
 */
public abstract class RedisAction implements Action {
  private static final Logger LOGGER = Logger.apply(LoggerFactory.getLogger(RedisAction.class));

  private final String name;
  private final Action next;
  protected final RedisComponents components;
  protected final ResultRecorder results;
  protected final Clock clock;
  private final Option<ActorRef<Throttler.Command>> throttler;
  private final boolean throttled;
  private final long backoffMinNanos;
  private final long backoffMaxNanos;
  private final int retryAttempts;

  protected RedisAction(String name, ScenarioContext ctx, RedisComponents components, Action next) {
    this.name = name;
    this.next = next;
    this.components = components;
    this.results = components.results();
    this.clock = ctx.coreComponents().clock();
    this.throttler = ctx.coreComponents().throttler();
    this.throttled = ctx.throttled() && throttler.isDefined();
    this.backoffMinNanos = components.protocol().backoffMin().toNanos();
    this.backoffMaxNanos = components.protocol().backoffMax().toNanos();
    this.retryAttempts = components.protocol().retryAttempts();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Logger logger() {
    return LOGGER;
  }

  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
    // the logger is fixed; Scala's trait initializer is never called for Java classes
  }

  /**
   * Gatling hands a session over: the request is due now. Gatling's own {@code !} would queue the
   * session on the user's loop first (a Redline worker, when users live there) and the time spent
   * in that queue would vanish from every measurement; here it is counted as the request's wait.
   */
  @Override
  public void $bang(Session session) {
    long dueNanos = System.nanoTime();
    io.netty.channel.EventLoop loop = session.eventLoop();
    if (loop.inEventLoop()) {
      executeDue(session, dueNanos);
    } else if (!loop.isShutdown()) {
      loop.execute(() -> executeDue(session, dueNanos));
    }
  }

  @Override
  public final void execute(Session session) {
    executeDue(session, System.nanoTime());
  }

  /**
   * Runs the request for a session that was due at {@code dueNanos} ({@code System.nanoTime()}):
   * through Gatling's throttler when the scenario is throttled (then it is due at its slot), then
   * on the user's worker. Whatever it waits before the worker starts it is recorded as its wait.
   */
  private void executeDue(Session session, long dueNanos) {
    ClientInstance client = components.clients().clientFor(session.userId());
    if (throttled) {
      throttler
          .get()
          .$bang(
              new Throttler$Command$ThrottledRequest(
                  session.scenario(),
                  () -> {
                    dispatch(session, client, System.nanoTime());
                    return BoxedUnit.UNIT;
                  }));
    } else {
      dispatch(session, client, dueNanos);
    }
  }

  /**
   * Queues the request on the user's worker; while the client is in an outage, after a backoff (the
   * backoff is part of the request's wait). A cluster client does not back off as a whole: see
   * {@link ClientInstance#backsOffAsOne()}.
   */
  private void dispatch(Session session, ClientInstance client, long dueNanos) {
    long backoff =
        client.backsOffAsOne() ? client.health().backoffNanos(backoffMinNanos, backoffMaxNanos) : 0;
    if (backoff > 0) {
      client.schedule(session.userId(), () -> runSafely(session, client, dueNanos), backoff);
    } else {
      client.execute(session.userId(), () -> runSafely(session, client, dueNanos));
    }
  }

  private void runSafely(Session arrived, ClientInstance client, long dueNanos) {
    Session session = arrived;
    try {
      session = components.onItsWorker(arrived, client);
      run(session, client, dueNanos);
    } catch (Throwable unexpected) {
      // run() records its own failures; this is a bug guard so that no user is ever lost
      LOGGER
          .underlying()
          .error(
              "Redline action '{}' failed unexpectedly; the user goes on as failed",
              name,
              unexpected);
      next.$bang(session.markAsFailed());
    }
  }

  /**
   * Runs the request on the client's worker thread, records it, and calls {@link #proceed}. {@code
   * dueNanos} is when it was due; the time from then until this call is its wait.
   */
  protected abstract void run(Session session, ClientInstance client, long dueNanos);

  /**
   * The command's arguments for this request; a tracked PUBLISH gets the run's next numbered
   * message.
   */
  protected final String[] argumentsFor(CommandSpec command, Session session) {
    String[] arguments = command.resolveArguments(session);
    if (command.tracksDelivery()) {
      arguments[1] = components.pubsub().nextMessage(command.deliveryPadding());
    }
    return arguments;
  }

  /**
   * Redis answered the command (not with an error): a tracked PUBLISH's subscribers now owe its
   * message.
   */
  protected final void answered(CommandSpec command, String[] arguments) {
    if (command.tracksDelivery()) {
      components.pubsub().published(arguments[0], arguments[1]);
    }
  }

  /** Passes the session to the next action (see the class comment). */
  protected final void proceed(Session session) {
    if (next instanceof RedisAction redis) {
      redis.executeDue(session, System.nanoTime());
    } else {
      next.$bang(session);
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

  /** Marks the session failed when {@code ok} is false, and logs the group timings. */
  protected static Session settle(Session session, long startMillis, long endMillis, boolean ok) {
    Session timed = session.logGroupRequestTimings(startMillis, endMillis);
    return ok ? timed : timed.markAsFailed();
  }
}
