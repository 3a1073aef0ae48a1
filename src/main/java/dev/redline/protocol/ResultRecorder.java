package dev.redline.protocol;

import dev.redline.client.ClientInstance;
import dev.redline.client.ProtocolClients;
import dev.redline.command.RedisFailure;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import io.gatling.commons.stats.Status;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import java.util.concurrent.atomic.LongAdder;
import scala.Option;

/**
 * Records one outcome twice: in Gatling's stats engine (whole milliseconds, what the HTML report
 * shows) and in Redline's microsecond recorder. One per protocol per run.
 *
 * <p>When virtual users run on the Redis worker threads, Gatling records go through a per-worker
 * {@link GatlingRecordBuffer}; call {@link #flushFor(long)} when a user exits.
 */
public final class ResultRecorder {
  private final StatsEngine stats;
  private final LatencyRecorder micros;
  private final ProtocolClients clients;
  // by client, then by worker: the records of the users a worker runs
  private final GatlingRecordBuffer[][] buffers;
  private final LongAdder gatlingRecords = new LongAdder();
  private volatile boolean perOpBatchRecords;

  public ResultRecorder(StatsEngine stats, LatencyRecorder micros, ProtocolClients clients) {
    this.stats = stats;
    this.micros = micros;
    this.clients = clients;
    this.buffers = new GatlingRecordBuffer[clients.clients().size()][];
    for (ClientInstance client : clients.clients()) {
      GatlingRecordBuffer[] ofClient = new GatlingRecordBuffer[client.workers().size()];
      for (int w = 0; w < ofClient.length; w++) {
        ofClient[w] = new GatlingRecordBuffer(stats, gatlingRecords, client.workers().get(w));
      }
      buffers[client.index()] = ofClient;
    }
  }

  /** Where a request name's microsecond records go (an action looks it up once). */
  public RequestSeries series(String requestName) {
    return micros.seriesFor(requestName);
  }

  /** The same for a batch round trip (BATCH, MULTI/EXEC), marked as such. */
  public RequestSeries batchSeries(String requestName) {
    RequestSeries batch = micros.seriesFor(requestName);
    batch.markBatch();
    return batch;
  }

  /** The counter of a command's sends, for the server cross-check (an action looks it up once). */
  public LongAdder sentCounter(String serverCommandName) {
    return micros.sentCounter(serverCommandName);
  }

  /**
   * Records a request in both places, OK when {@code failure} is null, else KO with the failure's
   * kind as Gatling's response code. Gatling's record starts when the request was due (its wait
   * before the worker started it is part of its response time); the microsecond recorder keeps
   * service time and wait apart.
   */
  public void record(
      Session session, RequestSeries request, RequestTimes times, RedisFailure failure) {
    if (failure == null) {
      recordRoundTrip(session, request, times, null);
    } else if (request.recordKo(
        times.nanos(), times.waitNanos(), failure.kind(), failure.message())) {
      micros.ran(times.startMillis(), times.endMillis());
      gatlingKo(session, request, times.gatlingStartMillis(), times.endMillis(), failure);
    }
  }

  /**
   * Records a round trip that came back whole; when it held a failed command ({@code failedCommand}
   * not null) and Gatling gets only the batch's record, the round trip is OK in the microsecond
   * recorder (its commands carry their own KO there) and KO for Gatling, with the command's
   * failure, so that Gatling's counts agree with a session that goes on as failed (as an HTTP
   * request with a failed check does).
   */
  public void recordRoundTrip(
      Session session, RequestSeries request, RequestTimes times, RedisFailure failedCommand) {
    if (request.recordOk(times.nanos(), times.waitNanos())) {
      micros.ran(times.startMillis(), times.endMillis());
      if (failedCommand == null) {
        gatlingOk(session, request, times.gatlingStartMillis(), times.endMillis());
      } else {
        gatlingKo(session, request, times.gatlingStartMillis(), times.endMillis(), failedCommand);
      }
    }
  }

  /**
   * Records a batch's command (its {@link RequestTimes#share share} of the round trip) in the
   * microsecond recorder, and in Gatling's when {@code gatlingRecord}; OK when {@code failure} is
   * null.
   */
  public void recordShare(
      Session session,
      RequestSeries request,
      RequestTimes share,
      RedisFailure failure,
      boolean gatlingRecord) {
    if (failure == null) {
      if (request.recordOk(share.nanos()) && gatlingRecord) {
        gatlingOk(session, request, share.startMillis(), share.endMillis());
      }
    } else if (request.recordKo(share.nanos(), failure.kind(), failure.message())
        && gatlingRecord) {
      gatlingKo(session, request, share.startMillis(), share.endMillis(), failure);
    }
  }

  /**
   * Records {@code count} commands of one batch under the same request name, all OK: one count in
   * the microsecond recorder, and a Gatling record each when {@code gatlingRecords}.
   */
  public void recordShares(
      Session session,
      RequestSeries request,
      RequestTimes share,
      int count,
      boolean gatlingRecords) {
    if (request.recordOkMany(share.nanos(), count) && gatlingRecords) {
      GatlingRecordBuffer buffer = bufferFor(session.userId());
      for (int i = 0; i < count; i++) {
        gatling(
            buffer,
            session,
            request.name(),
            share.startMillis(),
            share.endMillis(),
            RequestStatus.ok(),
            Option.empty(),
            Option.empty());
      }
    }
  }

  private void gatlingOk(Session session, RequestSeries request, long start, long end) {
    gatling(
        session, request.name(), start, end, RequestStatus.ok(), Option.empty(), Option.empty());
  }

  private void gatlingKo(
      Session session, RequestSeries request, long start, long end, RedisFailure failure) {
    gatling(
        session,
        request.name(),
        start,
        end,
        RequestStatus.ko(),
        Option.apply(failure.kind()),
        Option.apply(failure.kind() + ": " + failure.summary()));
  }

  /** How many records Gatling has been given so far. */
  public long gatlingRecords() {
    return gatlingRecords.sum();
  }

  /**
   * A pipeline or transaction gives Gatling a record per command (noted when the action is built).
   */
  public void notePerOpBatchRecords() {
    perOpBatchRecords = true;
  }

  /** Whether some pipeline or transaction gives Gatling a record per command. */
  public boolean perOpBatchRecords() {
    return perOpBatchRecords;
  }

  /**
   * Hands the Gatling records of the worker that runs {@code userId}'s requests to Gatling (when
   * the user exits: before Gatling learns of it). Called from any thread.
   */
  public void flushFor(long userId) {
    bufferFor(userId).flush();
  }

  private GatlingRecordBuffer bufferFor(long userId) {
    return buffers[clients.clientFor(userId).index()][clients.workerIndexOf(userId)];
  }

  private void gatling(
      Session session,
      String name,
      long start,
      long end,
      Status status,
      Option<String> code,
      Option<String> message) {
    gatling(bufferFor(session.userId()), session, name, start, end, status, code, message);
  }

  private void gatling(
      GatlingRecordBuffer buffer,
      Session session,
      String name,
      long start,
      long end,
      Status status,
      Option<String> code,
      Option<String> message) {
    buffer.add(session.scenario(), session.groups(), name, start, end, status, code, message);
  }
}
