package dev.redline.protocol;

import dev.redline.client.ClientSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings a protocol's clients run with, for the summary; never a password. */
final class SettingsEcho {
  private SettingsEcho() {}

  static Map<String, Object> of(ClientSettings s, RedisProtocol protocol) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("url", s.describe());
    echo.put("mode", s.deployment().mode());
    echo.put("tls", s.usesTls());
    if (s.usesTls()) {
      echo.put("tls_ca_file", String.valueOf(s.tls().caFile()));
      echo.put("tls_client_certificate", String.valueOf(s.tls().certFile()));
      echo.put("tls_verify_hostname", s.tls().verifyHostname());
      echo.put(
          "tls_versions",
          s.tls().protocols().isEmpty() ? "JDK default" : String.join(",", s.tls().protocols()));
    }
    echo.put("resp_version", s.respVersion() == 0 ? "Jedis default (2)" : s.respVersion());
    echo.put("client_instances", s.clientInstances());
    echo.put("connections_per_client", s.connectionsPerClient());
    echo.put("threads_per_client", s.threadsPerClient());
    echo.put("worker_threads_per_client", s.workersPerClient());
    echo.put("connect_timeout_ms", s.connectTimeout().toMillis());
    echo.put("socket_timeout_ms", s.socketTimeout().toMillis());
    echo.put("client_name", s.clientName());
    echo.put("per_op_gatling_records", protocol.load().perOpGatlingRecords());
    echo.put("warmup_ms", protocol.load().warmup().toMillis());
    return echo;
  }
}
