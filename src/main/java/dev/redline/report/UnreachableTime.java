package dev.redline.report;

import dev.redline.client.ConnectionHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long each client could not reach Redis. While a client backs off it sends little, so an
 * outage barely moves the failed share of requests: this is the figure that shows it (and that
 * {@code * unreachable < 1s} asserts on).
 *
 * @param seconds per client, in the order of the clients
 * @param outages per client, one still open at the end included
 */
public record UnreachableTime(List<Double> seconds, List<Long> outages) {

  /** The clients' figures at {@code nowNanos}. */
  public static UnreachableTime of(List<ConnectionHealth> clients, long nowNanos) {
    List<Double> seconds = new ArrayList<>();
    List<Long> outages = new ArrayList<>();
    for (ConnectionHealth health : clients) {
      seconds.add(health.unreachableNanos(nowNanos) / 1e9);
      outages.add(health.outages());
    }
    return new UnreachableTime(List.copyOf(seconds), List.copyOf(outages));
  }

  /** The longest time any one client could not reach Redis, in seconds. */
  public double longestSeconds() {
    return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  /** Every client's time added up, in client-seconds. */
  public double totalSeconds() {
    return seconds.stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The console line, when any client had an outage. */
  public Optional<String> console() {
    if (outages.stream().allMatch(n -> n == 0)) {
      return Optional.empty();
    }
    List<String> each = new ArrayList<>();
    for (int i = 0; i < seconds.size(); i++) {
      if (outages.get(i) > 0) {
        each.add(
            String.format(
                Locale.ROOT,
                "client %d for %.1f s (%d outage%s)",
                i + 1,
                seconds.get(i),
                outages.get(i),
                outages.get(i) == 1 ? "" : "s"));
      }
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "Redline: Redis could not be reached by %s; %.1f client-seconds in all"
                + " (assert on it with '* unreachable < 1s')",
            String.join(", ", each),
            totalSeconds()));
  }

  /** The summary's {@code unreachable} object. */
  public Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("longest_client_seconds", round(longestSeconds()));
    s.put("total_client_seconds", round(totalSeconds()));
    s.put("by_client_seconds", seconds.stream().map(UnreachableTime::round).toList());
    s.put("outages_by_client", outages);
    return s;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
