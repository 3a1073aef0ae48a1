package dev.redline.config;

import java.util.Locale;

/**
 * Whether the values a workload writes fit in this JVM's heap, checked before any load: one value
 * of the largest size is kept to cut values from, and each request in flight (one per worker
 * thread) can hold about three copies of each value of its round trip at once (the value, its
 * encoded bytes, a reply). A value size that cannot fit is a configuration error naming the heap it
 * would need, instead of an OutOfMemoryError in the middle of a run.
 */
final class HeapBudget {
  /** What Gatling, Jedis and Redline need besides the values. */
  static final long BASE_BYTES = 256L << 20;

  /** Copies of a value one request can hold at once. */
  static final int COPIES_PER_VALUE = 3;

  private HeapBudget() {}

  /**
   * @param maxHeapBytes this JVM's heap limit ({@code Runtime.maxMemory()})
   * @param settings the settings the workload came from, to name the value size's origin
   * @throws ConfigError when the largest values cannot fit
   */
  static void check(
      WorkloadConfig workload, int requestsInFlight, long maxHeapBytes, ParsedSettings settings) {
    long need = need(workload, requestsInFlight);
    if (need <= maxHeapBytes) {
      return;
    }
    ConfigKey<Integer> key =
        settings.has(TestKeys.VALUE_SIZE_MAX) ? TestKeys.VALUE_SIZE_MAX : TestKeys.VALUE_SIZE;
    throw new ConfigError(
        String.format(
            Locale.ROOT,
            "%s = %,d bytes (%s) needs about %,d MiB of heap for %d request(s) in flight with %d value(s) per round trip, and this JVM has %,d MiB;"
                + " use smaller values or fewer users, or give the forked JVM more heap (mvn gatling:test -Dredline.fork.heap=4g)",
            key.path(),
            (long) workload.valueSizeMax(),
            settings.has(key) ? settings.origin(key) : "default",
            need >> 20,
            requestsInFlight,
            valuesPerRoundTrip(workload),
            maxHeapBytes >> 20));
  }

  static long need(WorkloadConfig workload, int requestsInFlight) {
    long value = workload.valueSizeMax();
    return BASE_BYTES
        + value
        + (long) requestsInFlight * valuesPerRoundTrip(workload) * COPIES_PER_VALUE * value;
  }

  /**
   * How many values one request of the profile carries: a pipeline's or a transaction's size, else
   * one.
   */
  static int valuesPerRoundTrip(WorkloadConfig workload) {
    return switch (workload.profile()) {
      case "high_throughput" -> workload.pipelineSize();
      case "transaction_heavy" -> workload.transactionSize();
      case "basic_rw", "list_operations", "pubsub_heavy" -> 1;
      default -> Math.max(workload.pipelineSize(), workload.transactionSize());
    };
  }
}
