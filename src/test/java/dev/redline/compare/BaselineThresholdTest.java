package dev.redline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.config.BaselineThreshold;
import dev.redline.config.ConfigError;
import dev.redline.config.GateConfig;
import dev.redline.config.Metric;
import dev.redline.javaapi.RedisDsl;
import dev.redline.javaapi.RedisDslError;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A threshold for every metric and, for some, their own: read from the settings, set in the DSL,
 * merged, and deciding each metric's verdict.
 */
class BaselineThresholdTest {

  @Test
  void readsOneThresholdAndMetricsOfTheirOwn() {
    assertEquals(BaselineThreshold.of(10), BaselineThreshold.parse("10"));
    assertEquals(BaselineThreshold.of(12.5), BaselineThreshold.parse(" 12.5 % "));
    BaselineThreshold both = BaselineThreshold.parse("300; p99.9 1000%; ops_per_sec 50;");
    assertEquals(300, both.pctFor(Metric.P50));
    assertEquals(1000, both.pctFor(Metric.P99_9));
    assertEquals(50, both.pctFor(Metric.OPS_PER_SEC));
    assertEquals(0, both.pctFor(Metric.FAILED_PCT), "the failed share has no threshold");
    assertEquals("300 % (ops_per_sec 50 %, p99.9 1000 %)", both.describe());
    BaselineThreshold tailOnly = BaselineThreshold.parse("p99.9 100");
    assertEquals(10, tailOnly.pctFor(Metric.P99), "the default for the rest");
    assertEquals(100, tailOnly.pctFor(Metric.P99_9));
  }

  @Test
  void aWrongThresholdSaysWhatIsWrong() {
    String[][] wrong = {
      {"p95 20", "unknown metric 'p95': one of ops_per_sec, p50, p90, p99, p99.9"},
      {"failed_pct 1", "failed_pct takes no threshold"},
      {"10; 20", "two thresholds for every metric"},
      {"10; p99 20; p99 30", "two thresholds for p99"},
      {"p99", "no percentage after 'p99'"},
      {"p99 fast", "'fast' is not a percentage"},
      {"1200", "1200 is above 1000 %"},
      {"-5", "-5 is below 0 %"},
      {"10 p99 20", "'10 p99 20': separate each metric's threshold with ';'"},
      {"1%0", "'1%0' is not a percentage"},
      {"ten", "unknown metric 'ten'"},
      {";", "no threshold in it"},
    };
    for (String[] textAndReason : wrong) {
      String text = textAndReason[0];
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BaselineThreshold.parse(text));
      assertTrue(e.getMessage().contains(textAndReason[1]), text + ": " + e.getMessage());
    }
  }

  @Test
  void theSettingsRefuseAWrongThresholdInOneLine() {
    Properties properties = new Properties();
    properties.setProperty("redline.baseline_threshold", "10; p95 50");
    ConfigError e = assertThrows(ConfigError.class, () -> GateConfig.load(properties, Map.of()));
    assertTrue(e.getMessage().contains("baseline_threshold = '10; p95 50'"), e::getMessage);
    assertTrue(e.getMessage().contains("unknown metric 'p95'"), e::getMessage);
    assertEquals(1, e.getMessage().lines().count(), e::getMessage);

    properties.setProperty("redline.baseline_threshold", "20; p99.9 200");
    BaselineThreshold read = GateConfig.load(properties, Map.of()).baselineThreshold();
    assertEquals(BaselineThreshold.parse("20; p99.9 200"), read);
  }

  @Test
  void theSimulationSetsOnTopOfTheSettings() {
    BaselineThreshold settings = BaselineThreshold.parse("300; p99.9 1000; p99 500");
    BaselineThreshold.Overrides dsl =
        BaselineThreshold.Overrides.NONE.withPct(15).with(Metric.P99, 40);
    BaselineThreshold merged = settings.with(dsl);
    assertEquals(15, merged.pctFor(Metric.P50));
    assertEquals(40, merged.pctFor(Metric.P99));
    assertEquals(1000, merged.pctFor(Metric.P99_9), "kept from the settings");
    assertEquals(settings, settings.with(BaselineThreshold.Overrides.NONE));

    RedisDslError unknown =
        assertThrows(RedisDslError.class, () -> RedisDsl.redis().baselineThreshold("p95", 20));
    assertTrue(unknown.getMessage().contains("unknown metric 'p95'"), unknown::getMessage);
    RedisDslError tooHigh =
        assertThrows(RedisDslError.class, () -> RedisDsl.redis().baselineThreshold("p99", 2000));
    assertEquals(
        "baselineThreshold takes a percentage from 0 to 1000 for p99: 2000 is above 1000 %",
        tooHigh.getMessage());
  }

  @Test
  void aMetricOfItsOwnThresholdIsJudgedByIt() {
    // every request twice as slow: +100 % at every percentile, each interval far above zero
    RunMeasures before = NoiseTest.run(12, 2_000, 1, (s, r) -> NoiseTest.usual(r));
    RunMeasures now = NoiseTest.run(12, 2_000, 2, (s, r) -> 2 * NoiseTest.usual(r));
    BaselineComparison c =
        BaselineComparison.of("baseline", before, now, BaselineThreshold.parse("10; p99.9 150"));
    for (Metric metric : List.of(Metric.P50, Metric.P90, Metric.P99)) {
      assertEquals(Verdict.SLOWER, c.change("SET", metric).verdict(), metric.statName());
    }
    MetricChange tail = c.change("SET", Metric.P99_9);
    assertTrue(tail.surelyUp(), tail.describeChange());
    assertEquals(Verdict.WITHIN_NOISE, tail.verdict(), tail.describeChange());

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> metrics =
        (List<Map<String, Object>>)
            ((List<Map<String, Object>>) ComparisonReport.summary(c).get("requests"))
                .get(0)
                .get("metrics");
    assertEquals(150.0, metrics.get(Metric.P99_9.ordinal()).get("threshold_pct"));
    assertEquals(10.0, metrics.get(Metric.P99.ordinal()).get("threshold_pct"));
    assertTrue(
        ComparisonReport.console(c).contains("beats 10 % (p99.9 150 %)"),
        ComparisonReport.console(c));
  }
}
