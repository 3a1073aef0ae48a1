package dev.redline.bench;

import static io.gatling.javaapi.core.CoreDsl.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.client.RedisServerProcess;
import dev.redline.javaapi.RedisDsl;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.workload.RedisWorkloads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The soak: basic_rw at full rate for {@code --minutes N} (default 10) on a redis-server of its
 * own, Gatling's report off. Every 30 s it prints the old generation's occupancy (it grows only by
 * promotion: flat after warm-up = nothing accumulates) and the heap; at the end, requests sent
 * against OK + KO and the server's commandstats cross-check. Run with {@code bench/soak}.
 */
public final class Soak {
  private Soak() {}

  public static void main(String[] args) throws Exception {
    int minutes = args.length >= 2 && args[0].equals("--minutes") ? Integer.parseInt(args[1]) : 10;
    Duration duration = Duration.ofMinutes(minutes);
    List<String> heap = new ArrayList<>();
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    long start = System.currentTimeMillis();
    watcher.scheduleAtFixedRate(
        () -> {
          long old = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Old Gen")) {
              old +=
                  pool.getUsage()
                      .getUsed(); // grows only by promotion: flat means nothing accumulates
            }
          }
          long gcs =
              ManagementFactory.getGarbageCollectorMXBeans().stream()
                  .mapToLong(gc -> Math.max(0, gc.getCollectionCount()))
                  .sum();
          String line =
              String.format(
                  Locale.ROOT,
                  "t=%4ds  old gen used: %6.1f MiB  heap used: %6.1f MiB  GCs so far: %d",
                  (System.currentTimeMillis() - start) / 1000,
                  old / 1048576.0,
                  ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0,
                  gcs);
          heap.add(line);
          System.out.println("SOAK " + line);
        },
        30,
        30,
        TimeUnit.SECONDS);
    try (RedisServerProcess server = RedisServerProcess.start()) {
      GatlingRun.Result run =
          GatlingRun.run(
              RedisDsl.redis().url(server.url()).clientInstances(2).threadsPerClient(3),
              duration.plusMinutes(1),
              scenario("soak")
                  .during(duration)
                  .on(RedisWorkloads.basicRw(RedisWorkloads.settings("basic_rw")))
                  .injectOpen(atOnceUsers(6)));
      watcher.shutdownNow();
      long ok = 0;
      long ko = 0;
      for (RequestSeries s : run.recorder().series()) {
        ok += s.okHistogram().getTotalCount();
        ko += s.koHistogram().getTotalCount();
      }
      long sent =
          run.recorder().sentCommands().entrySet().stream()
              .filter(e -> !e.getKey().equals("ping"))
              .mapToLong(e -> e.getValue())
              .sum();
      JsonNode summary =
          new ObjectMapper().readTree(run.reportFolder().resolve("redline/summary.json").toFile());
      System.out.println("\n# Soak: basic_rw, 6 users, " + minutes + " min");
      heap.forEach(System.out::println);
      System.out.printf(
          Locale.ROOT,
          "requests OK %,d + KO %,d = %,d; commands sent %,d; server cross-check all match: %s; throughput %,.0f/s%n",
          ok,
          ko,
          ok + ko,
          sent,
          summary.get("redline").get("commandstats_cross_check").get("all_match").asBoolean(),
          summary.get("overall_throughput").asDouble());
    }
  }
}
