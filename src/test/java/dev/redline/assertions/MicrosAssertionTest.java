package dev.redline.assertions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.config.ConfigError;
import dev.redline.config.MicrosAssertion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How assertions are written, and the one line a malformed one gets. */
class MicrosAssertionTest {

  @Test
  void theFormsOfTheIssueParse() {
    List<MicrosAssertion> all =
        MicrosAssertion.parseAll(
            "GET p99 < 500us; * failed_pct < 0.1%; SET rt p99.9 <= 2ms; GET user wait max < 1 s;"
                + " \"GET ok\" mean < 90µs; * ops_per_sec >= 1000; GET failed_count < 5;"
                + " GET p99 vs baseline < +20%",
            "test");
    assertEquals(8, all.size());
    MicrosAssertion p99 = all.get(0);
    assertEquals("GET", p99.target());
    assertEquals(99.0, p99.stat().percentile());
    assertEquals(MicrosAssertion.Op.LT, p99.op());
    assertEquals(500.0, p99.threshold());
    assertEquals(MicrosAssertion.Measure.SERVICE, p99.measure());
    assertEquals("*", all.get(1).target());
    assertEquals(0.1, all.get(1).threshold());
    assertEquals(MicrosAssertion.Measure.RESPONSE, all.get(2).measure());
    assertEquals(2_000.0, all.get(2).threshold());
    assertEquals(99.9, all.get(2).stat().percentile());
    assertEquals("GET user", all.get(3).target());
    assertEquals(MicrosAssertion.Measure.WAIT, all.get(3).measure());
    assertEquals(1_000_000.0, all.get(3).threshold());
    assertEquals("GET ok", all.get(4).target());
    assertEquals(MicrosAssertion.Op.GE, all.get(5).op());
    assertTrue(all.get(7).vsBaseline());
    assertEquals(20.0, all.get(7).threshold());
  }

  @Test
  void aMalformedAssertionIsOneLineNamingItAndTheForm() {
    for (String bad :
        List.of(
            "GET p99 < 500",
            "GET p99 << 5ms",
            "GET p100 < 5ms",
            "GET rt ops_per_sec > 5",
            "GET p99 vs baseline < 20ms",
            "GET ops_per_sec > 5ms",
            "p99 < 5ms",
            "GET failed_count vs baseline < +5%",
            "GET mean vs baseline < +5%",
            "GET rt p99 vs baseline < +5%")) {
      ConfigError e = assertThrows(ConfigError.class, () -> MicrosAssertion.parse(bad, "test"));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("expected '<request name or *>"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
  }

  @Test
  void anOutageIsAssertedAsTheTimeAClientCouldNotReachRedis() {
    MicrosAssertion unreachable = MicrosAssertion.parse("* unreachable < 1s", "test");
    assertTrue(unreachable.stat().isTime());
    assertEquals(1_000_000.0, unreachable.threshold());
    dev.redline.measure.LatencyRecorder nothing = new dev.redline.measure.LatencyRecorder();
    List<AssertionOutcome> fiveSeconds =
        AssertionCheck.evaluate(
            List.of(unreachable), nothing, 10, 5_000_000, java.util.Optional.empty());
    assertTrue(!fiveSeconds.get(0).passed(), fiveSeconds.toString());
    assertTrue(fiveSeconds.get(0).actual().startsWith("5.000 s"), fiveSeconds.toString());
    List<AssertionOutcome> none =
        AssertionCheck.evaluate(List.of(unreachable), nothing, 10, 0, java.util.Optional.empty());
    assertTrue(none.get(0).passed());
    for (String bad : List.of("GET unreachable < 1s", "* unreachable vs baseline < +5%")) {
      ConfigError e = assertThrows(ConfigError.class, () -> MicrosAssertion.parse(bad, "test"));
      assertTrue(e.getMessage().contains("'* unreachable < 1s'"), e.getMessage());
    }
  }

  @Test
  void unbalancedQuotesAndBoundsPastZeroAreOneLineErrors() {
    for (String bad :
        List.of(
            "\" p99 < 1ms",
            "\"GET p99 < 1ms",
            "GET\" p99 < 1ms",
            "GET p99 < 0us",
            "GET p99 < -1ms",
            "* failed_pct < 0%",
            "* ops_per_sec > -5",
            "* failed_count >= 0")) {
      ConfigError e = assertThrows(ConfigError.class, () -> MicrosAssertion.parse(bad, "test"));
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
    assertEquals("GET all", MicrosAssertion.parse("\"GET all\" p99 < 1ms", "test").target());
    assertEquals(0.0, MicrosAssertion.parse("* failed_count <= 0", "test").threshold());
  }

  @Test
  void comparisonsHoldAsWritten() {
    assertTrue(MicrosAssertion.Op.LT.holds(1, 2));
    assertTrue(!MicrosAssertion.Op.LT.holds(2, 2));
    assertTrue(MicrosAssertion.Op.LE.holds(2, 2));
    assertTrue(MicrosAssertion.Op.GT.holds(3, 2));
    assertTrue(MicrosAssertion.Op.GE.holds(2, 2));
  }

  @Test
  void twoAssertionsRunTogetherAndTheEndsOfTheScaleAreNamed() {
    ConfigError comma =
        assertThrows(
            ConfigError.class,
            () -> MicrosAssertion.parseAll("GET p99 < 500us, SET p99 < 1ms", "REDLINE_ASSERTIONS"));
    assertTrue(comma.getMessage().contains("separate assertions with ';'"), comma.getMessage());
    assertTrue(
        assertThrows(ConfigError.class, () -> MicrosAssertion.parse("GET p100 < 1ms", "t"))
            .getMessage()
            .contains("write max"));
    assertTrue(
        assertThrows(ConfigError.class, () -> MicrosAssertion.parse("GET p0 < 1ms", "t"))
            .getMessage()
            .contains("above p0"));
    assertTrue(
        assertThrows(ConfigError.class, () -> MicrosAssertion.parse("GET P99 < 500US", "t"))
            .getMessage()
            .contains("written in lower case"));
    // a quoted name may hold what looks like a stat
    assertEquals("a max b", MicrosAssertion.parse("\"a max b\" p99 < 1ms", "t").target());
  }

  @Test
  void aPercentileReadFromTooFewSamplesSaysSo() {
    dev.redline.measure.LatencyRecorder recorder = new dev.redline.measure.LatencyRecorder();
    for (int i = 0; i < 12_167; i++) {
      recorder.ok("GET", 100_000 + i);
    }
    recorder.sample();
    List<AssertionOutcome> outcomes =
        AssertionCheck.evaluate(
            List.of(
                MicrosAssertion.parse("GET p99.999 < 1s", "t"),
                MicrosAssertion.parse("GET p99 < 1s", "t")),
            recorder,
            10,
            0,
            java.util.Optional.empty());
    assertTrue(
        outcomes.get(0).actual().contains("only 12,167 samples: p99.999 needs 1,000,000"),
        outcomes.get(0).actual());
    assertFalse(outcomes.get(1).actual().contains("samples"), outcomes.get(1).actual());
  }
}
