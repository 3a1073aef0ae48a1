package dev.redline.limits;

import dev.redline.client.ServerTime;
import dev.redline.measure.LatencyRecorder;
import dev.redline.measure.RequestSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Which side held the run back, and the figures that say so. The server was the limit when its main
 * thread, which runs every command, was busy nearly all the window ({@value #BUSY} or more); the
 * load generator was, when its process used nearly all its cores, or when requests waited for a
 * worker or a pooled connection at least as long as they took to serve while the workers were busy
 * at least half the window (with idle workers a wait is the hand-off, not a queue); otherwise
 * neither was (the offered load was below both). Little's law (users = throughput × time per
 * request) gives how long each user's loop took per round trip, against what Redline measured of
 * it: the rest is time no interval measured (Gatling, thread hand-offs, threads waiting for a CPU,
 * pauses).
 *
 * @param verdict {@code server}, {@code load_generator} or {@code neither}
 * @param reasons why, in words, with the figures
 * @param figures the figures, by name
 * @param commands per command, the servers' time beside Redline's
 * @param nodes per server
 * @param serverLatency null when every server reported its latency histograms; else why not
 */
public record LimitVerdict(
    String verdict,
    List<String> reasons,
    Map<String, Object> figures,
    List<CommandTime> commands,
    List<NodeTime> nodes,
    String serverLatency) {

  /** Busy at or above this share of the window is "the limit". */
  public static final double BUSY = 0.80;

  /**
   * Workers busy less than this share of the window cannot hold a queue: their requests' waits are
   * hand-offs.
   */
  public static final double QUEUE_BUSY = 0.5;

  /** Cores that other processes may take before the verdict says the machine was shared. */
  public static final double OTHERS_CORES = 0.25;

  /** A time without replies that the verdict names: a second, as {@code * unreachable < 1s}. */
  public static final double STALL_SECONDS = 1.0;

  /**
   * Decides, in the run's conditions: with no server read, no figure of the server's is given and
   * the verdict is {@code unknown}; a stall is named first; a throttled load says so, and whether
   * it reached its target; other processes that took the cores are named.
   *
   * @param servers each server's window
   * @param conditions what else bears on it ({@link RunConditions#NONE} for nothing)
   * @param client the load generator's window
   * @param recorder what Redline measured
   * @param spanSeconds how long requests ran
   * @param averageUsers the virtual users active on average in the window
   * @param concurrency how many requests the clients serve at once (workers that have a connection)
   * @param sharedMachine whether the servers run on this machine (loopback)
   */
  public static LimitVerdict decide(
      List<ServerWindow> servers,
      RunConditions conditions,
      ClientWindow client,
      LatencyRecorder recorder,
      double spanSeconds,
      double averageUsers,
      int concurrency,
      boolean sharedMachine) {
    boolean serverRead = !servers.isEmpty();
    Map<String, String> unread = conditions.unread();
    double stallSeconds = conditions.stallSeconds();
    List<NodeTime> nodes = new ArrayList<>();
    Map<String, long[]> calls = new TreeMap<>();
    Map<String, List<ServerTime.Cumulative>> histograms = new TreeMap<>();
    double serverCpu = 0;
    double busiest = 0;
    String busiestNode = "";
    boolean allHistograms = !servers.isEmpty();
    for (ServerWindow server : servers) {
      long nodeCalls = 0;
      for (Map.Entry<String, long[]> c : server.commands().entrySet()) {
        calls.merge(c.getKey(), c.getValue(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        nodeCalls += c.getValue()[0];
      }
      Map<String, ServerTime.Cumulative> latency = server.latency();
      allHistograms &= server.end().histogramsAvailable();
      latency.forEach((c, h) -> histograms.computeIfAbsent(c, k -> new ArrayList<>()).add(h));
      serverCpu += server.cpuSeconds();
      if (server.mainThreadBusy() > busiest) {
        busiest = server.mainThreadBusy();
        busiestNode = server.node();
      }
      nodes.add(
          new NodeTime(
              server.node(),
              nodeCalls,
              server.cpuSeconds(),
              server.mainThreadBusy(),
              latency.isEmpty() ? null : sum(List.copyOf(latency.values())).bucketOf(99)));
    }

    Map<String, Histogram> clientByCommand = new TreeMap<>();
    Histogram waits = new Histogram(3);
    Histogram services = new Histogram(3);
    long roundTrips = 0;
    long commandsSent = 0;
    for (RequestSeries series : recorder.series()) {
      Histogram ok = series.okHistogram();
      if (series.command() != null) {
        clientByCommand.computeIfAbsent(series.command(), c -> new Histogram(3)).add(ok);
        commandsSent += ok.getTotalCount() + series.koHistogram().getTotalCount();
      }
      Histogram wait = series.waitHistogram();
      if (wait.getTotalCount() > 0) { // a round trip of its own: a command alone, or a batch
        waits.add(wait);
        services.add(ok);
        roundTrips += wait.getTotalCount();
      }
    }
    List<CommandTime> commands = new ArrayList<>();
    for (String command : new TreeSet<>(calls.keySet())) {
      long[] c = calls.get(command);
      List<ServerTime.Cumulative> hs = histograms.get(command);
      ServerTime.Cumulative h = hs == null ? null : sum(hs);
      Histogram mine = clientByCommand.get(command);
      boolean measured = mine != null && mine.getTotalCount() > 0;
      commands.add(
          new CommandTime(
              command,
              c[0],
              (double) c[1] / c[0],
              h == null ? null : h.bucketOf(50),
              h == null ? null : h.bucketOf(99),
              h == null ? null : h.bucketOf(99.9),
              measured ? mine.getMean() / 1000 : Double.NaN,
              measured ? mine.getValueAtPercentile(50) / 1000.0 : Double.NaN,
              measured ? mine.getValueAtPercentile(99) / 1000.0 : Double.NaN));
    }

    double meanWait = waits.getTotalCount() == 0 ? 0 : waits.getMean() / 1000;
    double meanService = services.getTotalCount() == 0 ? 0 : services.getMean() / 1000;
    double roundTripsPerSecond = roundTrips / Math.max(1e-3, spanSeconds);
    double loopMicros =
        roundTripsPerSecond == 0 ? Double.NaN : averageUsers / roundTripsPerSecond * 1e6;
    double unmeasuredMicros = loopMicros - meanWait - meanService;
    double clientBusy = client.busy();

    // a queue forms only where the workers are busy: at a light load a request's wait is the
    // hand-off to an idle worker (a thread wake-up), not a queue
    double workersBusy =
        concurrency == 0 ? Double.NaN : roundTripsPerSecond * meanService / 1e6 / concurrency;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("server_main_thread_busy", serverRead ? round(busiest, 3) : null);
    figures.put("busiest_server", serverRead ? busiestNode : null);
    figures.put("server_cpu_seconds", serverRead ? round(serverCpu, 3) : null);
    figures.put("client_cpu_seconds", round(client.processCpuSeconds(), 3));
    figures.put("client_worker_cpu_seconds", round(client.workerCpuSeconds(), 3));
    figures.put("client_cores", client.cores());
    figures.put("client_cores_busy", round(clientBusy, 3));
    figures.put("window_seconds", round(client.wallSeconds(), 3));
    figures.put(
        "server_cpu_ms_per_1000_commands",
        commandsSent == 0 || !serverRead ? null : round(serverCpu * 1e6 / commandsSent, 3));
    figures.put(
        "client_cpu_ms_per_1000_commands",
        commandsSent == 0 ? null : round(client.processCpuSeconds() * 1e6 / commandsSent, 3));
    figures.put("mean_wait_us", round(meanWait, 1));
    figures.put("workers_busy", Double.isNaN(workersBusy) ? null : round(workersBusy, 3));
    figures.put("mean_service_us", round(meanService, 1));
    figures.put("average_users", round(averageUsers, 1));
    figures.put("round_trips_per_second", round(roundTripsPerSecond, 1));
    figures.put("loop_time_per_round_trip_us", round(loopMicros, 1));
    figures.put("unmeasured_per_round_trip_us", round(unmeasuredMicros, 1));
    figures.put("shared_machine", sharedMachine);

    List<String> reasons = new ArrayList<>();
    boolean stalled = stallSeconds >= STALL_SECONDS;
    if (stalled) {
      reasons.add(VerdictReasons.stall(stallSeconds, client.wallSeconds()));
    }
    figures.put("longest_stall_seconds", round(stallSeconds, 3));
    if (conditions.throttled()) {
      reasons.add(VerdictReasons.throttle(conditions.targetPerSecond(), roundTripsPerSecond));
    }
    figures.put("throttled", conditions.throttled());
    double wall = Math.max(1e-3, client.wallSeconds());
    double localServerCores = sharedMachine ? (serverRead ? serverCpu / wall : Double.NaN) : 0;
    double others =
        VerdictReasons.otherCores(conditions.machineCoresBusy(), client, localServerCores);
    figures.put(
        "machine_cores_busy_all_processes",
        Double.isNaN(conditions.machineCoresBusy())
            ? null
            : round(conditions.machineCoresBusy(), 3));
    figures.put("other_processes_cores", Double.isNaN(others) ? null : round(others, 3));
    boolean contested =
        others >= OTHERS_CORES
            && conditions.machineCoresBusy() / Math.max(1, client.cores()) >= BUSY;
    if (contested) {
      reasons.add(VerdictReasons.contested(others, client, sharedMachine, localServerCores));
    }
    String verdict;
    boolean generatorBusy = !Double.isNaN(clientBusy) && clientBusy >= BUSY;
    boolean queued = meanWait >= 100 && meanWait >= meanService && !(workersBusy < QUEUE_BUSY);
    // on a machine that client and server share, the two compete for the same cores: when together
    // they use nearly all of them, the larger user of CPU is what the other waits for
    double machineBusy =
        (Math.max(0, client.processCpuSeconds()) + serverCpu)
            / Math.max(1e-3, client.wallSeconds())
            / Math.max(1, client.cores());
    boolean machineFull =
        serverRead && sharedMachine && client.processCpuNanos() >= 0 && machineBusy >= BUSY;
    boolean serverTakesMachine = machineFull && serverCpu > client.processCpuSeconds();
    figures.put(
        "machine_cores_busy",
        serverRead && sharedMachine && client.processCpuNanos() >= 0
            ? round(machineBusy, 3)
            : null);
    boolean sharingSaid = false;
    if (!serverRead) {
      verdict = "unknown";
      reasons.add(VerdictReasons.unknown(unread, clientBusy, client.cores(), meanWait));
      sharingSaid = true; // the server's CPU is not known: nothing to say of the machine
    } else if (busiest >= BUSY || serverTakesMachine) {
      verdict = "server";
      if (busiest >= BUSY) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "the server's main thread, which runs every command, was busy %.0f %% of the"
                    + " window (%s)",
                busiest * 100,
                busiestNode));
      } else {
        reasons.add(VerdictReasons.sharedMachine(machineBusy, client, serverCpu, "the server"));
        sharingSaid = true;
      }
    } else if (generatorBusy || queued || machineFull) {
      verdict = "load_generator";
      if (generatorBusy) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "the load generator used %.0f %% of its %d cores",
                clientBusy * 100,
                client.cores()));
      }
      if (queued) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "requests waited %.0f µs on average for a worker or a pooled connection, as long"
                    + " as or longer than the %.0f µs they took to serve",
                meanWait,
                meanService));
      }
      if (machineFull && !generatorBusy) {
        reasons.add(
            VerdictReasons.sharedMachine(machineBusy, client, serverCpu, "the load generator"));
        sharingSaid = true;
      }
    } else {
      verdict = "neither";
      reasons.add(
          VerdictReasons.neither(
              busiest, clientBusy, meanWait, stalled, contested, conditions.throttled()));
    }
    if (!Double.isNaN(loopMicros) && unmeasuredMicros > Math.max(50, meanWait + meanService)) {
      reasons.add(
          VerdictReasons.unmeasured(
              loopMicros, averageUsers, roundTripsPerSecond, meanWait + meanService));
    }
    if (sharedMachine && !sharingSaid) {
      reasons.add(VerdictReasons.sharing(client, serverCpu));
    }
    if (serverRead && !unread.isEmpty()) {
      reasons.add(
          "judged on the servers that could be read; not read: " + VerdictReasons.said(unread));
    }
    return new LimitVerdict(
        verdict, reasons, figures, commands, nodes, allHistograms ? null : latencyNote(servers));
  }

  /** Why the servers' own latency is missing: none read, or histograms before Redis 7. */
  private static String latencyNote(List<ServerWindow> servers) {
    return servers.isEmpty()
        ? "no server was read"
        : "server-side latency is not available: LATENCY HISTOGRAM needs Redis 7 or later ("
            + String.join(
                ", ",
                servers.stream()
                    .filter(s -> !s.end().histogramsAvailable())
                    .map(ServerWindow::node)
                    .toList())
            + ")";
  }

  /** The line the console ends with. */
  public String headline() {
    String who =
        switch (verdict) {
          case "server" -> "the server was the limit";
          case "load_generator" ->
              "the load generator was the limit: these figures measure the generator as much as"
                  + " Redis";
          case "unknown" -> "which side was the limit could not be judged";
          default -> "neither side was the limit";
        };
    return "Redline: " + who + " — " + String.join("; ", reasons);
  }

  private static ServerTime.Cumulative sum(List<ServerTime.Cumulative> histograms) {
    if (histograms.size() == 1) {
      return histograms.get(0);
    }
    TreeSet<Long> bounds = new TreeSet<>();
    histograms.forEach(h -> bounds.addAll(h.atMost().keySet()));
    TreeMap<Long, Long> atMost = new TreeMap<>();
    long calls = 0;
    for (ServerTime.Cumulative h : histograms) {
      calls += h.calls();
    }
    for (long bound : bounds) {
      long n = 0;
      for (ServerTime.Cumulative h : histograms) {
        Map.Entry<Long, Long> e = h.atMost().floorEntry(bound);
        n += e == null ? 0 : e.getValue();
      }
      atMost.put(bound, n);
    }
    return new ServerTime.Cumulative(calls, atMost);
  }

  private static Object round(double value, int places) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
