package io.gatling.app

// Why Scala, and why in Gatling's package: Gatling has no public way to run a simulation inside a
// JVM that must go on afterwards (its main ends the JVM). Its own sbt test framework calls
// Gatling.fromArgs, which Gatling keeps to its own packages; the tests do the same from here.

/** Runs Gatling in this JVM and returns its exit code (0, or 2 when assertions failed). */
object InProcessGatling {
  def run(args: Array[String]): Int = Gatling.fromArgs(args)
}
