package dev.redline.action

import io.gatling.commons.validation.Success
import io.gatling.core.action.{ Action, StopLoadGenerator }
import io.gatling.core.session.{ Expression, Session }
import io.gatling.core.structure.ScenarioContext

// Why Scala: Gatling's stopLoadGenerator action is a Scala class whose controller is typed with
// Gatling's own Scala command type; only Scala code can hand it over without naming generated types.

/**
 * Gatling's own graceful stop of the whole run (the action behind `stopLoadGenerator(message)`):
 * users stop, the stats engine is flushed, both reports are written, as when maxDuration is reached.
 */
final class LoadStop(ctx: ScenarioContext, message: String) {
  private[this] val always: Expression[Boolean] = _ => Success(true)
  private[this] val reason: Expression[String] = _ => Success(message)
  private[this] val stop: Action =
    new StopLoadGenerator(reason, always, false, ctx.coreComponents.statsEngine, ctx.coreComponents.controller, ctx.coreComponents.exit)

  /** Stops the run; the session is the user that noticed it. */
  def stopWith(session: Session): Unit = stop ! session
}
