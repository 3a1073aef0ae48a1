package dev.redline.protocol;

import io.gatling.commons.stats.Status;
import io.gatling.core.stats.StatsEngine;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import scala.Option;
import scala.collection.immutable.List;

/**
 * Gatling records of one worker thread, handed to Gatling's stats engine in bursts instead of one
 * by one. Each record Gatling is given is a message to each of its data-writer actors; an idle
 * actor is woken through a thread pool, so records that trickle in cost a thread wake-up and park
 * apiece (most of the data writers' CPU, see docs/performance.md), while a burst is drained by an
 * actor that is already awake. The records keep their own timestamps, so the report is the same.
 *
 * <p>A buffer belongs to one worker thread, which fills it. It is flushed when it holds {@value
 * #CAPACITY} records, {@value #MAX_DELAY_MILLIS} ms after its first record (well inside Gatling's 5
 * s console period), and when a virtual user of the worker exits (before Gatling learns of the
 * exit, so no record of a user comes after its end). It is locked because a user that exits before
 * its first Redis request does so on its Gatling event loop; uncontended otherwise.
 */
final class GatlingRecordBuffer {
  static final int CAPACITY = 1024;
  static final long MAX_DELAY_MILLIS = 100;

  private final StatsEngine stats;
  private final LongAdder handedOver;
  private final EventLoop worker;
  private final String[] scenarios = new String[CAPACITY];

  @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
  private final List<String>[] groups = new List[CAPACITY];

  private final String[] names = new String[CAPACITY];
  private final long[] starts = new long[CAPACITY];
  private final long[] ends = new long[CAPACITY];
  private final Status[] statuses = new Status[CAPACITY];
  private final Option<String>[] codes = newOptions();
  private final Option<String>[] messages = newOptions();
  private final Runnable scheduledFlush = this::flush;
  private int size;
  private boolean flushScheduled;

  GatlingRecordBuffer(StatsEngine stats, LongAdder handedOver, EventLoop worker) {
    this.stats = stats;
    this.handedOver = handedOver;
    this.worker = worker;
  }

  synchronized void add(
      String scenario,
      List<String> group,
      String name,
      long start,
      long end,
      Status status,
      Option<String> code,
      Option<String> message) {
    scenarios[size] = scenario;
    groups[size] = group;
    names[size] = name;
    starts[size] = start;
    ends[size] = end;
    statuses[size] = status;
    codes[size] = code;
    messages[size] = message;
    size++;
    if (size == CAPACITY) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      worker.schedule(scheduledFlush, MAX_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Hands every buffered record to Gatling. */
  synchronized void flush() {
    for (int i = 0; i < size; i++) {
      stats.logResponse(
          scenarios[i],
          groups[i],
          names[i],
          starts[i],
          ends[i],
          statuses[i],
          codes[i],
          messages[i]);
      scenarios[i] = null;
      groups[i] = null;
      names[i] = null;
      codes[i] = null;
      messages[i] = null;
    }
    handedOver.add(size);
    size = 0;
    flushScheduled = false;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
  private static Option<String>[] newOptions() {
    return new Option[CAPACITY];
  }
}
