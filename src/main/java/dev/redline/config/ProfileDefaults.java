package dev.redline.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Each profile's own settings: the layer between the built-in defaults and the YAML file. */
final class ProfileDefaults {
  private ProfileDefaults() {}

  static Map<String, Object> of(String profile) {
    Map<String, Object> s = new LinkedHashMap<>();
    switch (profile) {
      case "basic_rw" -> s.put("test.workload.operations", ops("SET", 0.4, "GET", 0.5, "DEL", 0.1));
      case "high_throughput" -> {
        s.put("test.workload.operations", ops("SET", 0.4, "GET", 0.6));
        s.put("test.workload.value_size", 50);
        s.put("test.workload.pipeline_size", 10);
      }
      case "list_operations" -> {
        s.put(
            "test.workload.operations",
            ops("LPUSH", 0.25, "RPUSH", 0.25, "LRANGE", 0.2, "LPOP", 0.15, "RPOP", 0.15));
        s.put("test.workload.key_range", 100);
      }
      case "pubsub_heavy" -> s.put("test.workload.operations", ops("PUBLISH", 1.0));
      case "transaction_heavy" ->
          s.put("test.workload.operations", ops("SET", 0.3, "INCR", 0.4, "GET", 0.3));
      case "async_mixed" ->
          s.put(
              "test.workload.operations", ops("SET", 0.3, "GET", 0.4, "LPUSH", 0.2, "LRANGE", 0.1));
      default -> {} // custom: operations come from the config only
    }
    return s;
  }

  private static Map<String, Double> ops(Object... opWeight) {
    Map<String, Double> ops = new LinkedHashMap<>();
    for (int i = 0; i < opWeight.length; i += 2) {
      ops.put((String) opWeight[i], (Double) opWeight[i + 1]);
    }
    return ops;
  }
}
