package dev.redline.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Who is running: the app name, this load generator's instance id, Redline's version. */
final class RunIdentity {
  private RunIdentity() {}

  /** {@code -Dredline.app_name}, else {@code APP_NAME}, else "redline". */
  static String appName() {
    String property = System.getProperty("redline.app_name");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("APP_NAME");
    return env != null && !env.isBlank() ? env : "redline";
  }

  /** Host name and process id, e.g. {@code loadgen-3-81234}. */
  static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid();
  }

  static String newRunId() {
    return UUID.randomUUID().toString();
  }

  /** Redline's version from the build. */
  static String version() {
    try (InputStream in =
        RunIdentity.class.getResourceAsStream("/dev/redline/redline.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException ignored) {
      // fall through
    }
    return "unknown";
  }

  /** The labels of a run's live metrics. */
  static Map<String, String> labels(String runId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app_name", appName());
    labels.put("instance_id", instanceId());
    labels.put("run_id", runId);
    labels.put("version", version());
    return labels;
  }
}
