package dev.redline.action;

import dev.redline.client.ClientPool;
import dev.redline.command.RedisFailure;
import dev.redline.report.LatencyRecorder;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import scala.Option;

/**
 * Records one outcome twice: in Gatling's stats engine (whole milliseconds, what the HTML report
 * shows) and in Redline's microsecond recorder. One per protocol per run.
 *
 * <p>When virtual users run on the Redis worker threads, Gatling records go through a per-worker
 * {@link GatlingRecordBuffer}; call {@link #flushWorker()} when a user exits.
 */
public final class ResultRecorder {
  private final StatsEngine stats;
  private final LatencyRecorder micros;
  private final ThreadLocal<GatlingRecordBuffer> buffers;

  public ResultRecorder(StatsEngine stats, LatencyRecorder micros, ClientPool clients, boolean buffered) {
    this.stats = stats;
    this.micros = micros;
    this.buffers = ThreadLocal.withInitial(() -> {
      EventExecutor current = ThreadExecutorMap.currentExecutor();
      return buffered && current instanceof EventLoop loop && clients.ownsWorker(loop) ? new GatlingRecordBuffer(stats, loop) : null;
    });
  }

  /** Records an OK request in both places. */
  void ok(Session session, String name, long startMillis, long endMillis, long nanos) {
    gatling(session, name, startMillis, endMillis, OK$.MODULE$, Option.empty(), Option.empty());
    micros.ok(name, nanos);
  }

  /** Records a KO request in both places, with the failure's kind as Gatling's response code. */
  void ko(Session session, String name, long startMillis, long endMillis, long nanos, RedisFailure failure) {
    gatling(session, name, startMillis, endMillis, KO$.MODULE$, Option.apply(failure.kind()),
        Option.apply(failure.kind() + ": " + failure.message()));
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

  /** Hands the calling worker's buffered Gatling records to Gatling (no-op elsewhere). */
  public void flushWorker() {
    GatlingRecordBuffer buffer = buffers.get();
    if (buffer != null) {
      buffer.flush();
    }
  }

  private void gatling(Session session, String name, long start, long end, Status status, Option<String> code, Option<String> message) {
    GatlingRecordBuffer buffer = buffers.get();
    if (buffer != null) {
      buffer.add(session.scenario(), session.groups(), name, start, end, status, code, message);
    } else {
      stats.logResponse(session.scenario(), session.groups(), name, start, end, status, code, message);
    }
  }
}
