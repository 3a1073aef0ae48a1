package dev.redline.action

import io.gatling.commons.util.Clock
import io.gatling.commons.validation.{ Failure, Success, Validation }
import io.gatling.core.action.{ Action, RequestAction }
import io.gatling.core.controller.throttle.Throttler
import io.gatling.core.session.{ Expression, Session }
import io.gatling.core.stats.StatsEngine
import io.gatling.core.structure.ScenarioContext

// Why Scala: Gatling's contract between actions lives in Scala traits (RequestAction,
// ExitableAction, ChainableAction) whose `!` is an `abstract override`. A Java class can only
// implement them by overriding the names the Scala compiler generates ($bang, trait setters), which
// any Gatling release may change. This class mixes the traits the way Gatling's own protocol
// modules do and gives Redline's Java actions plain methods: `send` to implement, `proceed` and
// `throttle` to call.

/**
 * A Redis request as Gatling sees it. When a session arrives (`!`), Gatling's block rules run
 * first (ExitableAction: a KO inside `tryMax` retries the block, `exitBlockOnFail` leaves it, an
 * exit-ASAP loop ends), then its crash guard (ChainableAction), then `send`. A request whose
 * arguments cannot be built is a crash, logged as Gatling logs an HTTP request it cannot build
 * (RequestAction).
 *
 * Unlike Gatling's `Action.!`, a Redis request does not first move to the session's event loop:
 * `send` only resolves arguments and hands the request to the user's Redis worker, so it runs
 * where the session arrives, a Gatling event loop or the worker itself (then a chain of Redis
 * requests goes on without a thread hand-off). The worker passes the session on with `proceed`,
 * which is Gatling's `next ! session`: a Gatling action moves back to the session's event loop.
 */
abstract class GatlingRequestAction(override val name: String, ctx: ScenarioContext, override val next: Action)
    extends SendsWhereItArrives
    with RequestAction {
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
   *   could not be built: Gatling then logs the crash under the request's name and the user goes on
   *   as failed
   */
  protected def send(session: Session, arrivedNanos: Long): String

  override final def sendRequest(session: Session): Validation[Unit] = {
    val crash = send(session, System.nanoTime())
    if (crash == null) Validation.unit else Failure(crash)
  }

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

/**
 * Gatling's `Action.!` first moves to the session's event loop; a Redis request runs where the
 * session arrives (see GatlingRequestAction). As in `Action.!`, nothing more is sent for a session
 * whose event loop Gatling has shut down: its run is over.
 */
trait SendsWhereItArrives extends Action {
  override def !(session: Session): Unit =
    if (!session.eventLoop.isShutdown) execute(session)
}
