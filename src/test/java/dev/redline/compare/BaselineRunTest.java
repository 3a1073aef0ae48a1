package dev.redline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.config.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline that cannot be used is one line saying why, before any load. */
class BaselineRunTest {
  @TempDir Path folder;

  private String refusal(String summary) throws Exception {
    Files.writeString(folder.resolve("histograms.hlog"), "");
    if (summary != null) {
      Files.writeString(folder.resolve("summary.json"), summary);
    }
    ConfigError e = assertThrows(ConfigError.class, () -> BaselineRun.read(folder.toString()));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void aSummaryOfAnotherToolOrBrokenJsonIsOneLine() throws Exception {
    assertTrue(
        refusal("{\"stats\": {}}").contains("is not a summary Redline wrote"),
        "another tool's summary.json");
    assertTrue(refusal("{\"redline\": \n {\n \"duration_seconds\": \n").contains("cannot be read"));
  }

  @Test
  void aFolderWithoutHistogramsSaysWhatToName() {
    ConfigError e = assertThrows(ConfigError.class, () -> BaselineRun.read(folder.toString()));
    assertTrue(e.getMessage().contains("holds no histograms.hlog"), e.getMessage());
  }

  @Test
  void aPathThatDoesNotExistIsNamedWithTheSettingThatNamedIt() {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("redline.baseline", "no/such/run");
    dev.redline.config.GateConfig gate = dev.redline.config.GateConfig.load(properties, Map.of());
    ConfigError e =
        assertThrows(
            ConfigError.class,
            () -> BaselineRun.read(gate.baseline().orElseThrow(), gate.baselineOrigin()));
    String message = e.getMessage();
    assertTrue(message.contains("baseline 'no/such/run'"), message);
    assertTrue(message.contains("redline.baseline"), "names the setting: " + message);
    assertTrue(message.contains("does not exist"), message);
    assertTrue(!message.contains("histograms.hlog"), message);
  }
}
