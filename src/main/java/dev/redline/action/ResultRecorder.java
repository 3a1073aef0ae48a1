package dev.redline.action;

import dev.redline.command.RedisFailure;
import dev.redline.report.LatencyRecorder;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import scala.Option;

/**
 * Records one outcome twice: in Gatling's stats engine (whole milliseconds, what the HTML report
 * shows) and in Redline's microsecond recorder.
 */
final class ResultRecorder {
  private final StatsEngine stats;
  private final LatencyRecorder micros;

  ResultRecorder(StatsEngine stats, LatencyRecorder micros) {
    this.stats = stats;
    this.micros = micros;
  }

  /** Records an OK request in both places. */
  void ok(Session session, String name, long startMillis, long endMillis, long nanos) {
    stats.logResponse(session.scenario(), session.groups(), name, startMillis, endMillis,
        OK$.MODULE$, Option.empty(), Option.empty());
    micros.ok(name, nanos);
  }

  /** Records a KO request in both places, with the failure's kind as Gatling's response code. */
  void ko(Session session, String name, long startMillis, long endMillis, long nanos, RedisFailure failure) {
    stats.logResponse(session.scenario(), session.groups(), name, startMillis, endMillis,
        KO$.MODULE$, Option.apply(failure.kind()), Option.apply(failure.kind() + ": " + failure.message()));
    micros.ko(name, nanos, failure.kind(), failure.message());
  }

  /** Records an OK batch (pipeline or transaction round trip) in both places. */
  void batchOk(Session session, String name, long startMillis, long endMillis, long nanos) {
    micros.markBatch(name);
    ok(session, name, startMillis, endMillis, nanos);
  }

  /** Records a KO batch in both places. */
  void batchKo(Session session, String name, long startMillis, long endMillis, long nanos, RedisFailure failure) {
    micros.markBatch(name);
    ko(session, name, startMillis, endMillis, nanos, failure);
  }

  /** Records an OK op in the microsecond recorder only. */
  void okMicrosOnly(String name, long nanos) {
    micros.ok(name, nanos);
  }

  /** Records a KO op in the microsecond recorder only. */
  void koMicrosOnly(String name, long nanos, RedisFailure failure) {
    micros.ko(name, nanos, failure.kind(), failure.message());
  }

  /** Counts one command sent on the wire. */
  void sent(String serverCommandName) {
    micros.sent(serverCommandName);
  }
}
