package dev.redline.action

import io.gatling.core.check.{ CheckBuilder, Extractor }
import io.gatling.core.session.Expression

// Why Scala: Gatling's check builder for one extracted value is a Scala class nested in a trait's
// companion (CheckBuilder.Find.Default); Java can only name it by its generated name.

/** Gatling's find-one check builder over an extractor, showing the actual value on failure. */
object ReplyFind {
  def of[T, P, X](extractor: Expression[Extractor[P, X]]): CheckBuilder.Find[T, P, X] =
    new CheckBuilder.Find.Default[T, P, X](extractor, logActualValueInError = true)
}
