package dev.redline.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

/**
 * What a Redis server measured of its own time, at one moment: per command its calls and total
 * microseconds ({@code INFO commandstats}) and its latency histogram ({@code LATENCY HISTOGRAM},
 * Redis 7 and later: cumulative counts under power-of-two microsecond bounds), and its CPU seconds
 * ({@code INFO cpu}, the main thread's apart where the server reports it). Two snapshots subtract
 * into what the server spent between them; reading them resets nothing.
 *
 * @param commands per command (lower case, as the server names it), its counts
 * @param latencyHistograms per command, its cumulative histogram; empty when the server has none
 * @param histogramsAvailable whether the server answers LATENCY HISTOGRAM
 * @param cpuSeconds user + system CPU seconds of the server process
 * @param mainThreadCpuSeconds user + system CPU seconds of its main thread; NaN when not reported
 * @param takenNanos when the snapshot was taken (System.nanoTime)
 */
public record ServerTime(
    Map<String, long[]> commands,
    Map<String, Cumulative> latencyHistograms,
    boolean histogramsAvailable,
    double cpuSeconds,
    double mainThreadCpuSeconds,
    long takenNanos) {

  /**
   * A cumulative latency histogram: for each bound (µs), the calls that took at most that long.
   *
   * @param calls every call counted
   * @param atMost bound (µs) → calls at most that long
   */
  public record Cumulative(long calls, TreeMap<Long, Long> atMost) {
    /** The calls between {@code before} and this snapshot. */
    public Cumulative minus(Cumulative before) {
      TreeMap<Long, Long> delta = new TreeMap<>();
      atMost.forEach(
          (bound, count) -> {
            Map.Entry<Long, Long> earlier = before.atMost.floorEntry(bound);
            delta.put(bound, count - (earlier == null ? 0 : earlier.getValue()));
          });
      return new Cumulative(calls - before.calls, delta);
    }

    /**
     * The bucket holding the {@code percentile}: {@code [lower, upper]} in µs (the lower bound is
     * the previous bucket's, 0 for the first); null when there were no calls.
     */
    public long[] bucketOf(double percentile) {
      if (calls <= 0) {
        return null;
      }
      double wanted = calls * percentile / 100.0;
      long lower = 0;
      for (Map.Entry<Long, Long> bucket : atMost.entrySet()) {
        if (bucket.getValue() >= wanted) {
          return new long[] {lower, bucket.getKey()};
        }
        lower = bucket.getKey();
      }
      return new long[] {lower, atMost.isEmpty() ? 0 : atMost.lastKey()};
    }
  }

  /** Reads a server's snapshot. */
  public static ServerTime read(Jedis jedis) {
    Map<String, long[]> commands = commandCounts(jedis.info("commandstats"));
    Map<String, Cumulative> histograms = new TreeMap<>();
    boolean available = true;
    try {
      Object reply = jedis.sendCommand(Protocol.Command.LATENCY, "HISTOGRAM");
      histograms = histograms(reply);
    } catch (RuntimeException unknownCommand) {
      available = false; // Redis before 7 has no LATENCY HISTOGRAM
    }
    double total = 0;
    double user = Double.NaN;
    double sys = Double.NaN;
    for (String line : jedis.info("cpu").split("\r?\n")) {
      String[] kv = line.split(":", 2);
      if (kv.length != 2) {
        continue;
      }
      switch (kv[0]) {
        case "used_cpu_sys", "used_cpu_user" -> total += Double.parseDouble(kv[1].strip());
        case "used_cpu_sys_main_thread" -> sys = Double.parseDouble(kv[1].strip());
        case "used_cpu_user_main_thread" -> user = Double.parseDouble(kv[1].strip());
        default -> {}
      }
    }
    return new ServerTime(commands, histograms, available, total, user + sys, System.nanoTime());
  }

  /** Per command: {calls, total µs} from {@code INFO commandstats}. */
  static Map<String, long[]> commandCounts(String info) {
    Map<String, long[]> counts = new TreeMap<>();
    for (String line : info.split("\r?\n")) {
      if (!line.startsWith("cmdstat_")) {
        continue;
      }
      int colon = line.indexOf(':');
      long calls = 0;
      long usec = 0;
      for (String field : line.substring(colon + 1).split(",")) {
        int eq = field.indexOf('=');
        switch (field.substring(0, eq)) {
          case "calls" -> calls = Long.parseLong(field.substring(eq + 1).strip());
          case "usec" -> usec = Long.parseLong(field.substring(eq + 1).strip());
          default -> {}
        }
      }
      counts.put(line.substring("cmdstat_".length(), colon), new long[] {calls, usec});
    }
    return counts;
  }

  /** LATENCY HISTOGRAM's reply: command → [calls, N, histogram_usec, [bound, count, ...]]. */
  private static Map<String, Cumulative> histograms(Object reply) {
    Map<String, Cumulative> all = new TreeMap<>();
    List<?> top = flatten(reply);
    for (int i = 0; i + 1 < top.size(); i += 2) {
      String command = text(top.get(i));
      List<?> fields = flatten(top.get(i + 1));
      long calls = 0;
      TreeMap<Long, Long> atMost = new TreeMap<>();
      for (int f = 0; f + 1 < fields.size(); f += 2) {
        String field = text(fields.get(f));
        if (field.equals("calls")) {
          calls = (Long) fields.get(f + 1);
        } else if (field.equals("histogram_usec")) {
          List<?> buckets = flatten(fields.get(f + 1));
          for (int b = 0; b + 1 < buckets.size(); b += 2) {
            atMost.put((Long) buckets.get(b), (Long) buckets.get(b + 1));
          }
        }
      }
      all.put(command.toLowerCase(java.util.Locale.ROOT), new Cumulative(calls, atMost));
    }
    return all;
  }

  /** A RESP2 array, or a RESP3 map read as key/value pairs, as one flat list. */
  private static List<?> flatten(Object reply) {
    if (reply instanceof List<?> list
        && !list.isEmpty()
        && list.get(0) instanceof redis.clients.jedis.util.KeyValue<?, ?>) {
      List<Object> flat = new java.util.ArrayList<>();
      for (Object pair : list) {
        var kv = (redis.clients.jedis.util.KeyValue<?, ?>) pair;
        flat.add(kv.getKey());
        flat.add(kv.getValue());
      }
      return flat;
    }
    return reply instanceof List<?> list ? list : List.of();
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? SafeEncoder.encode(bytes) : String.valueOf(value);
  }
}
