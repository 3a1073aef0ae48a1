package dev.redline.workload;

import dev.redline.config.RedlineConfig;
import dev.redline.config.WorkloadConfig;
import io.gatling.javaapi.core.ChainBuilder;
import java.util.Map;
import java.util.Properties;

/**
 * The ready workload profiles as chains a hand-written simulation can {@code exec}. Each returns
 * one iteration; loop it yourself ({@code during}, {@code forever}, {@code repeat}).
 *
 * <pre>{@code
 * ChainBuilder rw = RedisWorkloads.basicRw(RedisWorkloads.settings("basic_rw"));
 * ScenarioBuilder scn = scenario("rw").during(Duration.ofMinutes(5)).on(rw);
 * }</pre>
 */
public final class RedisWorkloads {
  private RedisWorkloads() {}

  /**
   * A profile's settings with its own defaults (no YAML, environment or system properties).
   *
   * <pre>{@code RedisWorkloads.settings("high_throughput")}</pre>
   *
   * @param profile basic_rw, high_throughput, list_operations, pubsub_heavy, transaction_heavy or
   *     async_mixed
   * @return validated workload settings
   */
  public static WorkloadConfig settings(String profile) {
    Properties properties = new Properties();
    properties.setProperty("redline.test.workload.profile", profile);
    return RedlineConfig.load(properties, Map.of()).workload();
  }

  /**
   * The profile named in the settings.
   *
   * <pre>{@code exec(RedisWorkloads.of(RedlineConfig.load().workload()))}</pre>
   */
  public static ChainBuilder of(WorkloadConfig settings) {
    return new Workload(settings).iteration();
  }

  /**
   * basic_rw: one of SET, GET, DEL (and INCR if weighted) per iteration, by weight, on keys drawn
   * from one keyspace, so GETs read what SETs wrote.
   *
   * <pre>{@code exec(RedisWorkloads.basicRw(RedisWorkloads.settings("basic_rw")))}</pre>
   */
  public static ChainBuilder basicRw(WorkloadConfig settings) {
    return new Workload(settings).single();
  }

  /**
   * high_throughput: a pipeline of pipeline_size commands in proportion to the weights.
   *
   * <pre>{@code exec(RedisWorkloads.highThroughput(RedisWorkloads.settings("high_throughput")))}
   * </pre>
   */
  public static ChainBuilder highThroughput(WorkloadConfig settings) {
    return new Workload(settings).pipelined();
  }

  /**
   * list_operations: LPUSH, RPUSH, LRANGE, LPOP, RPOP by weight; each push is followed by an LTRIM
   * so that no list grows past 1000 items.
   *
   * <pre>{@code exec(RedisWorkloads.listOperations(RedisWorkloads.settings("list_operations")))}
   * </pre>
   */
  public static ChainBuilder listOperations(WorkloadConfig settings) {
    return new Workload(settings).single();
  }

  /**
   * transaction_heavy: MULTI/EXEC of transaction_size commands on keys sharing one hash tag.
   *
   * <pre>
   * {@code exec(RedisWorkloads.transactionHeavy(RedisWorkloads.settings("transaction_heavy")))}
   * </pre>
   */
  public static ChainBuilder transactionHeavy(WorkloadConfig settings) {
    return new Workload(settings).transactional();
  }

  /**
   * async_mixed: SET/GET/LPUSH/LRANGE; users with an even id pipeline, the others send one command
   * at a time.
   *
   * <pre>{@code exec(RedisWorkloads.asyncMixed(RedisWorkloads.settings("async_mixed")))}</pre>
   */
  public static ChainBuilder asyncMixed(WorkloadConfig settings) {
    return new Workload(settings).iteration();
  }
}
