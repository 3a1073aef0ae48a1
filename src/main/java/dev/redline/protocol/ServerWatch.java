package dev.redline.protocol;

import dev.redline.client.RedisEndpoint;
import dev.redline.client.ServerStats;
import dev.redline.command.RedisFailure;
import dev.redline.report.CommandCrossCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The servers a run loads: their versions, and their {@code INFO commandstats} at the start, to
 * compare with the end (the cross-check of what Redline sent against what the servers counted).
 */
final class ServerWatch {
  private final Map<String, Map<String, Long>> before = new LinkedHashMap<>();
  private final Map<String, RedisEndpoint> endpoints = new LinkedHashMap<>();
  private final Map<String, String> versions = new LinkedHashMap<>();
  private String problem;

  /** Reads a server's version and its counts before any load (once per server). */
  synchronized void start(RedisEndpoint endpoint) {
    if (endpoints.containsKey(endpoint.address())) {
      return;
    }
    endpoints.put(endpoint.address(), endpoint);
    try {
      versions.put(endpoint.address(), ServerStats.version(endpoint));
      before.put(endpoint.address(), ServerStats.commandCalls(endpoint));
    } catch (RuntimeException e) {
      RedisFailure failure = RedisFailure.of(e);
      problem = "could not read INFO from " + endpoint + ": " + failure.kind() + " " + failure.message();
    }
  }

  synchronized List<String> versions() {
    return new ArrayList<>(versions.values());
  }

  /** Reads every server again and compares with what Redline sent. */
  synchronized CommandCrossCheck finish(Map<String, Long> sent) {
    if (problem != null) {
      return CommandCrossCheck.unavailable(problem);
    }
    if (endpoints.isEmpty()) {
      return CommandCrossCheck.unavailable("no Redis server was used");
    }
    Map<String, Long> delta = new TreeMap<>();
    for (Map.Entry<String, RedisEndpoint> e : endpoints.entrySet()) {
      try {
        ServerStats.delta(before.get(e.getKey()), ServerStats.commandCalls(e.getValue()))
            .forEach((command, n) -> delta.merge(command, n, Long::sum));
      } catch (RuntimeException ex) {
        RedisFailure failure = RedisFailure.of(ex);
        return CommandCrossCheck.unavailable("could not read INFO from " + e.getValue() + " at the end: " + failure.kind() + " " + failure.message());
      }
    }
    return CommandCrossCheck.compare(sent, delta, endpoints.size());
  }
}
