package dev.redline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The reference: redis-benchmark (C, one event loop), driven through its CSV output. */
final class RedisBenchmarkLoad {
  private RedisBenchmarkLoad() {}

  /** Runs {@code requests} commands and reads rps, p50 and p99 from the CSV line. */
  static Measurement run(int port, Setting s, long requests)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "redis-benchmark",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-t",
                s.command().toLowerCase(),
                "-n",
                Long.toString(requests),
                "-c",
                Integer.toString(s.connections()),
                "-P",
                Integer.toString(s.pipeline()),
                "-d",
                Integer.toString(s.valueSize()),
                "-r",
                Integer.toString(s.keyspace()),
                "--csv"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line;
    String result = null;
    StringBuilder all = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      while ((line = out.readLine()) != null) {
        all.append(line).append('\n');
        if (line.startsWith("\"" + s.command() + "\"")) {
          result = line;
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IOException("redis-benchmark failed: " + all);
    }
    String[] f = result.replace("\"", "").split(",");
    // test, rps, avg, min, p50, p95, p99, max (latencies in ms, per request = per round trip)
    return new Measurement(
        "redis-benchmark",
        s,
        Double.parseDouble(f[1]),
        Double.parseDouble(f[4]) * 1000,
        Double.parseDouble(f[6]) * 1000,
        Double.NaN,
        Double.NaN);
  }
}
