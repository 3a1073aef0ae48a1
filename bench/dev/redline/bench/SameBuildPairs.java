package dev.redline.bench;

import dev.redline.testing.ForkedWorkloadRun;
import dev.redline.testing.TestRedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How far two runs of the same build move on this machine, to choose a baseline gate's threshold
 * and bounds (docs/ci-gates.md): {@code --pairs N} (default 5) runs of basic_rw for {@code
 * --seconds S} (default 6), each in a JVM of its own and each compared with the one before it, on
 * one redis-server. Prints every request's change per metric, the comparison's verdict and any
 * same-build bound that broke. Run with {@code bench/same-build-pairs}.
 */
public final class SameBuildPairs {
  /** The threshold docs/ci-gates.md derives from these pairs. */
  private static final String THRESHOLD = "150; p99 300; p99.9 1000";

  /** Bounds above what two runs of one build differ by here. */
  private static final String SAME_BUILD =
      "SET p99 vs baseline < +150%; GET p50 vs baseline < +75%; * ops_per_sec vs baseline > -60%";

  private SameBuildPairs() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    int pairs = 5;
    String seconds = "6s";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = args[i + 1] + "s";
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int cries = 0;
    try (TestRedisServer server = TestRedisServer.start()) {
      Path previous = ForkedWorkloadRun.run(server, seconds, null, SAME_BUILD, THRESHOLD, 0);
      for (int pair = 1; pair <= pairs; pair++) {
        Path now =
            ForkedWorkloadRun.run(server, seconds, previous.toString(), SAME_BUILD, THRESHOLD, -1);
        Map<String, Object> detail = ForkedWorkloadRun.detail(now);
        Map<String, Object> baseline = (Map<String, Object>) detail.get("baseline");
        StringBuilder line = new StringBuilder("pair " + pair + ":");
        for (Map<String, Object> request : (List<Map<String, Object>>) baseline.get("requests")) {
          for (Map<String, Object> metric : (List<Map<String, Object>>) request.get("metrics")) {
            String verdict = (String) metric.get("verdict");
            line.append(
                String.format(
                    " %s %s %s%%%s",
                    request.get("name"),
                    metric.get("metric"),
                    metric.get("change_pct"),
                    verdict.equals("slower") || verdict.equals("faster")
                        ? " (" + verdict + ")"
                        : ""));
            if (verdict.equals("slower") || verdict.equals("faster")) {
              cries++;
            }
          }
        }
        for (Map<String, Object> assertion : (List<Map<String, Object>>) detail.get("assertions")) {
          if (!(Boolean) assertion.get("passed")) {
            line.append(" | broke: ").append(assertion.get("assertion"));
            cries++;
          }
        }
        System.out.println(line);
        previous = now;
      }
    }
    System.out.printf(
        "%d pairs of one build, threshold %s: %d changes called slower or faster, or bounds broken%n",
        pairs, THRESHOLD, cries);
  }
}
