package dev.redline.workload;

import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.config.ConfigError;
import dev.redline.config.Operation;
import dev.redline.config.WorkloadConfig;
import dev.redline.javaapi.RedisCommand;
import dev.redline.javaapi.RedisDsl;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds one iteration of a profile as a Gatling chain. Each iteration first draws the key numbers
 * it needs into the session ({@code redlineKey0}, {@code redlineKey1}, ...), then runs the
 * profile's requests on them; request names are the command names, BATCH for pipelines and
 * MULTI/EXEC for transactions.
 */
public final class Workload {
  private final WorkloadConfig config;
  private final KeyChooser keys;
  private final ValueSource values;

  public Workload(WorkloadConfig config) {
    this.config = config;
    this.keys = KeyChooser.of(config.keyPattern(), config.keyRange());
    this.values =
        new ValueSource(
            config.valueSizeMin(), config.valueSizeMax(), config.verify(), config.seed());
    if (config.verify() && config.operations().containsKey("APPEND")) {
      throw new ConfigError(
          "test.workload.verify = true cannot be used with APPEND, which changes values that verification expects to be as written");
    }
  }

  /** One iteration of the configured profile. */
  public ChainBuilder iteration() {
    return switch (config.profile()) {
      case "high_throughput" -> pipelined();
      case "transaction_heavy" -> transactional();
      case "async_mixed" -> doIfOrElse(s -> s.userId() % 2 == 0).then(pipelined()).orElse(single());
      case "pubsub_heavy" -> pubsub();
      default -> single(); // basic_rw, list_operations, custom
    };
  }

  /** One operation drawn by weight, on one key. */
  public ChainBuilder single() {
    List<Choice.WithWeight> choices = new ArrayList<>();
    List<Double> percents = percents(config.operations());
    int i = 0;
    for (String name : config.operations().keySet()) {
      Operation op = Operation.byName(name);
      Function<Session, String> key = keyOf(op, 0);
      ChainBuilder chain = exec(OperationCommands.command(op, key, values));
      if (op.growsList()) {
        chain = chain.exec(OperationCommands.trim(key));
      }
      choices.add(percent(percents.get(i++)).then(chain));
    }
    return drawKeys(1).randomSwitch().on(choices);
  }

  /**
   * pubsub_heavy: one user in four subscribes to every channel (once) and then idles; the others
   * publish numbered, timestamped messages of value_size bytes to the channels in turn.
   */
  public ChainBuilder pubsub() {
    List<String> channels = config.pubsubChannels();
    ChainBuilder subscriber =
        doIfOrElse(s -> s.contains("redlineSubscribed"))
            .then(pause(java.time.Duration.ofMillis(100)))
            .orElse(
                exec(RedisDsl.cmd.subscribe(channels.toArray(String[]::new)))
                    .exec(s -> s.set("redlineSubscribed", true)));
    ChainBuilder publisher =
        drawKeys(1)
            .exec(
                RedisDsl.cmd.trackedPublish(
                    s -> channels.get(s.getInt(attribute(0)) % channels.size()),
                    config.valueSizeMax()));
    return doIfOrElse(s -> s.userId() % 4 == 1).then(subscriber).orElse(publisher);
  }

  /** A pipeline of pipeline_size operations, in proportion to their weights. */
  public ChainBuilder pipelined() {
    List<Operation> slots = proportional(config.operations(), config.pipelineSize());
    List<RedisCommand> commands = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Operation op = slots.get(i);
      Function<Session, String> key = keyOf(op, i);
      commands.add(OperationCommands.command(op, key, values));
      if (op.growsList()) {
        commands.add(OperationCommands.trim(key));
      }
    }
    return drawKeys(slots.size()).exec(RedisDsl.pipeline(commands.toArray(RedisCommand[]::new)));
  }

  /** A MULTI/EXEC of transaction_size operations on keys sharing one hash tag. */
  public ChainBuilder transactional() {
    List<Operation> slots = proportional(config.operations(), config.transactionSize());
    List<RedisCommand> commands = new ArrayList<>();
    String prefix = config.keyPrefix();
    for (int i = 0; i < slots.size(); i++) {
      Operation op = slots.get(i);
      int slot = i;
      Function<Session, String> key =
          s -> "{" + prefix + ":tx:" + s.getInt("redlineKey0") + "}:" + op.namespace() + ":" + slot;
      commands.add(OperationCommands.command(op, key, values));
      if (op.growsList()) {
        commands.add(OperationCommands.trim(key));
      }
    }
    return drawKeys(1).exec(RedisDsl.transaction(commands.toArray(RedisCommand[]::new)));
  }

  private ChainBuilder drawKeys(int count) {
    String[] attributes = new String[count];
    for (int i = 0; i < count; i++) {
      attributes[i] = attribute(i);
    }
    if (count == 1) {
      return exec(session -> session.set(attributes[0], keys.next()));
    }
    return exec(
        session -> {
          java.util.Map<String, Object> drawn = new java.util.HashMap<>(count * 2);
          for (String attribute : attributes) {
            drawn.put(attribute, keys.next());
          }
          return session.setAll(drawn); // one session copy for the whole batch, not one per key
        });
  }

  private Function<Session, String> keyOf(Operation op, int slot) {
    String attribute = attribute(slot);
    if (op == Operation.PUBLISH) {
      List<String> channels = config.pubsubChannels();
      return s -> channels.get(s.getInt(attribute) % channels.size());
    }
    String prefix = config.keyPrefix() + ":" + op.namespace() + ":";
    return s -> prefix + s.getInt(attribute);
  }

  private static String attribute(int slot) {
    return "redlineKey" + slot;
  }

  /** Weights as percentages summing to exactly 100 (Gatling's randomSwitch). */
  static List<Double> percents(Map<String, Double> weights) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Double> percents = new ArrayList<>();
    double assigned = 0;
    int i = 0;
    for (double w : weights.values()) {
      double p =
          ++i == weights.size() ? 100.0 - assigned : Math.floor(w / total * 100.0 * 1000) / 1000;
      percents.add(Math.max(0, p));
      assigned += p;
    }
    return percents;
  }

  /** n slots filled in proportion to the weights (largest remainder), interleaved. */
  static List<Operation> proportional(Map<String, Double> weights, int n) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> names = new ArrayList<>(weights.keySet());
    int[] counts = new int[names.size()];
    double[] remainders = new double[names.size()];
    int used = 0;
    for (int i = 0; i < names.size(); i++) {
      double exact = weights.get(names.get(i)) / total * n;
      counts[i] = (int) Math.floor(exact);
      remainders[i] = exact - counts[i];
      used += counts[i];
    }
    while (used < n) {
      int best = 0;
      for (int i = 1; i < remainders.length; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = -1;
      used++;
    }
    List<Operation> slots = new ArrayList<>();
    boolean added = true;
    while (added) {
      added = false;
      for (int i = 0; i < names.size(); i++) {
        if (counts[i] > 0) {
          slots.add(Operation.byName(names.get(i)));
          counts[i]--;
          added = true;
        }
      }
    }
    return slots;
  }
}
