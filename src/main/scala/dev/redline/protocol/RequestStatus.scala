package dev.redline.protocol

import io.gatling.commons.stats.{ KO, OK, Status }

// Why Scala: Gatling's OK and KO are Scala objects, which Java can only reach through generated
// names (OK$.MODULE$).

/** Gatling's request statuses, for Java. */
object RequestStatus {
  val ok: Status = OK
  val ko: Status = KO
}
