package dev.redline.bench;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.config.Operation;
import dev.redline.config.WorkloadConfig;
import dev.redline.javaapi.RedisCommand;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.workload.RedisWorkloads;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The ready runner against the DSL: the basic_rw and high_throughput profiles (the chains
 * WorkloadSimulation runs) side by side with the loop a user would write by hand in the DSL for the
 * same weighted commands, keys and values, at the shape of the Python runner Redline replaces (2
 * clients × 3 threads), alternating in one JVM against one server. Each run warms up 2 s
 * unmeasured.
 */
final class RunnerVsLoop {
  private static final int CLIENTS = 2;
  private static final int THREADS = 3;
  private static final Duration WARMUP = Duration.ofSeconds(2);

  private RunnerVsLoop() {}

  static String measure(int port, int seconds, int rounds) throws Exception {
    StringBuilder out =
        new StringBuilder(
            "| profile | ready runner commands/s | hand-written DSL loop commands/s | runner / loop |\n|---|---|---|---|\n");
    for (String profile : List.of("basic_rw", "high_throughput")) {
      WorkloadConfig settings = RedisWorkloads.settings(profile);
      double runner = 0;
      double loop = 0;
      for (int round = 0; round < rounds; round++) {
        runner = Math.max(runner, commandsPerSecond(port, RedisWorkloads.of(settings), seconds));
        loop = Math.max(loop, commandsPerSecond(port, handWritten(settings), seconds));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %.2f |%n",
              profile,
              runner,
              loop,
              runner / loop));
    }
    return out.toString();
  }

  /**
   * What a user writes for the same profile: keys drawn inside the command's own key function, no
   * session attributes.
   */
  private static ChainBuilder handWritten(WorkloadConfig settings) {
    String value = "x".repeat(settings.valueSizeMax());
    if (settings.profile().equals("high_throughput")) {
      List<RedisCommand> commands = new ArrayList<>();
      for (Map.Entry<String, Integer> slot :
          slots(settings.operations(), settings.pipelineSize()).entrySet()) {
        for (int i = 0; i < slot.getValue(); i++) {
          commands.add(
              command(Operation.byName(slot.getKey()), key(settings, slot.getKey()), value));
        }
      }
      return exec(pipeline(commands.toArray(RedisCommand[]::new)));
    }
    double total = settings.operations().values().stream().mapToDouble(Double::doubleValue).sum();
    List<Choice.WithWeight> choices = new ArrayList<>();
    double assigned = 0;
    int left = settings.operations().size();
    for (Map.Entry<String, Double> weight : settings.operations().entrySet()) {
      double percent =
          --left == 0 ? 100 - assigned : Math.round(10_000 * weight.getValue() / total) / 100.0;
      assigned += percent;
      choices.add(
          percent(percent)
              .then(
                  exec(
                      command(
                          Operation.byName(weight.getKey()),
                          key(settings, weight.getKey()),
                          value))));
    }
    return randomSwitch().on(choices);
  }

  private static RedisCommand command(Operation op, Function<Session, String> key, String value) {
    return switch (op) {
      case SET -> cmd.set(key, s -> value);
      case GET -> cmd.get(key);
      case DEL -> cmd.del(key);
      case INCR -> cmd.incr(key);
      default -> throw new IllegalArgumentException("no hand-written form for " + op);
    };
  }

  private static Function<Session, String> key(WorkloadConfig settings, String op) {
    String prefix = settings.keyPrefix() + ":" + Operation.byName(op).namespace() + ":";
    int range = settings.keyRange();
    return s -> prefix + ThreadLocalRandom.current().nextInt(range);
  }

  /** How many of each operation a batch of {@code size} holds, by weight (largest remainders). */
  private static Map<String, Integer> slots(Map<String, Double> weights, int size) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Integer> slots = new java.util.LinkedHashMap<>();
    int given = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      int n = (int) Math.floor(size * w.getValue() / total);
      slots.put(w.getKey(), n);
      given += n;
    }
    for (String op : weights.keySet()) {
      if (given >= size) {
        break;
      }
      slots.merge(op, 1, Integer::sum);
      given++;
    }
    return slots;
  }

  private static double commandsPerSecond(int port, ChainBuilder iteration, int seconds)
      throws Exception {
    Duration measured = Duration.ofSeconds(seconds);
    GatlingRun.Result run =
        GatlingRun.run(
            redis()
                .url("redis://127.0.0.1:" + port)
                .clientInstances(CLIENTS)
                .threadsPerClient(THREADS)
                .warmup(WARMUP),
            measured.plus(WARMUP).plusSeconds(30),
            scenario("loop")
                .during(measured.plus(WARMUP))
                .on(iteration)
                .injectOpen(atOnceUsers(CLIENTS * THREADS)));
    long commands = 0;
    for (RequestSeries series : run.recorder().series()) {
      if (!series.isBatch()) {
        commands += series.okHistogram().getTotalCount() + series.koHistogram().getTotalCount();
      }
    }
    return commands / (double) seconds;
  }
}
