package dev.redline.action

import io.gatling.commons.util.Clock
import io.gatling.commons.validation.{ Success, Validation }
import io.gatling.core.action.{ Action, RequestAction }
import io.gatling.core.controller.throttle.Throttler
import io.gatling.core.session.{ Expression, Session }
import io.gatling.core.stats.StatsEngine
import io.gatling.core.structure.ScenarioContext

import io.netty.channel.EventLoop

// Why Scala: Gatling's contract between actions lives in Scala traits (RequestAction,
// ExitableAction, ChainableAction) whose `!` is an `abstract override`. A Java class can only
// implement them by overriding the names the Scala compiler generates ($bang, trait setters), which
// any Gatling release may change. This class mixes the traits the way Gatling's own protocol
// modules do and gives Redline's Java actions plain methods: `send` to implement, `proceed` and
// `throttle` to call.

/**
 * A Redis request as Gatling sees it. When a session arrives (Gatling's own `Action.!`: on the
 * session's event loop), Gatling's block rules run first (ExitableAction: a KO inside `tryMax`
 * retries the block, `exitBlockOnFail` leaves it, an exit-ASAP loop ends), then its crash guard
 * (ChainableAction), then `send`. A request whose arguments cannot be built is a crash, recorded as
 * Gatling records an HTTP request it cannot build (RequestAction), and said once a second.
 *
 * A virtual user lives on its Redis worker, an I/O event loop of Gatling's own transport: its first
 * Redis request moves its session there (`movedHome`), and from then on Gatling runs the user's
 * whole chain on that thread — the next request, a loop's iteration, a pause's end, an HTTP
 * response — with no thread hand-off per request. `proceed` is Gatling's `next ! session`.
 */
abstract class GatlingRequestAction(override val name: String, ctx: ScenarioContext, override val next: Action)
    extends RequestAction {
  override val statsEngine: StatsEngine = ctx.coreComponents.statsEngine
  override val clock: Clock = ctx.coreComponents.clock

  private[this] val nameValidation: Validation[String] = Success(name)
  override val requestName: Expression[String] = _ => nameValidation

  private[this] val throttler: Option[io.gatling.core.actor.ActorRef[Throttler.Command]] =
    if (ctx.throttled) ctx.coreComponents.throttler else None

  /**
   * Sends the request for a session that arrived at `arrivedNanos` (System.nanoTime).
   *
   * @return null once the request is on its way (it then passes the session on itself), or why it
   *   could not be built: Gatling's crash record is written under the request's name and the user
   *   goes on as failed
   */
  protected def send(session: Session, arrivedNanos: Long): String

  override final def sendRequest(session: Session): Validation[Unit] = {
    val crash = send(session, System.nanoTime())
    if (crash != null) {
      // What Gatling's RequestAction does with a request it cannot build, less its ERROR line for
      // every one: a request that cannot be built inside a loop would flood the console. Redline
      // says them once a second with the first one's reason; Gatling's crash record keeps each in
      // its report, and the user goes on as failed.
      statsEngine.logRequestCrash(session.scenario, session.groups, name, crash)
      next ! session.markAsFailed
    }
    Validation.unit
  }

  /**
   * The session as it lives on its Redis worker from now on: the same user, attributes, blocks and
   * status, with the worker as its event loop. This is the one place Redline rebuilds a Gatling
   * `Session`, once per user (at its first Redis request): Gatling's `Action.!` then finds the
   * session at home on the worker and runs the user's next action there at once, where a session
   * left on Gatling's loop would cost two thread hand-offs per request (Gatling's loop → worker →
   * Gatling's loop). Jedis calls are blocking, so the worker is never one of Gatling's own loops.
   */
  protected final def movedHome(session: Session, worker: EventLoop): Session =
    session.copy(eventLoop = worker)

  /** Passes the session to the next action: Gatling's `next ! session`. */
  protected final def proceed(session: Session): Unit = next ! session

  /** Whether the scenario is throttled: requests then wait for their slot in Gatling's throttler. */
  protected final def throttled: Boolean = throttler.isDefined

  /** Runs `request` when Gatling's throttler gives this scenario a slot (at once when not throttled). */
  protected final def throttle(session: Session, request: Runnable): Unit =
    throttler match {
      case Some(t) => t ! Throttler.Command.ThrottledRequest(session.scenario, () => request.run())
      case None    => request.run()
    }
}
