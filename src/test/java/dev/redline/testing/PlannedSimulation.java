package dev.redline.testing;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ProtocolBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;

/**
 * The simulation that in-process test runs execute: its populations and protocol are set by the
 * test through {@link GatlingRun} just before Gatling instantiates it.
 */
public class PlannedSimulation extends Simulation {

  /** What the next run executes. */
  public record Plan(
      java.util.function.Supplier<List<PopulationBuilder>> populations,
      java.util.function.Supplier<List<ProtocolBuilder>> protocols,
      Duration maxDuration,
      int throttleRps) {}

  static volatile Plan next;

  {
    Plan plan = next;
    if (plan == null) {
      throw new IllegalStateException("PlannedSimulation runs only through GatlingRun");
    }
    if (plan.throttleRps() > 0) {
      setUp(plan.populations().get())
          .protocols(plan.protocols().get())
          .maxDuration(plan.maxDuration().plusSeconds(30))
          .throttle(
              io.gatling.javaapi.core.CoreDsl.reachRps(plan.throttleRps())
                  .in(Duration.ofSeconds(1)),
              io.gatling.javaapi.core.CoreDsl.holdFor(plan.maxDuration()));
    } else {
      setUp(plan.populations().get())
          .protocols(plan.protocols().get())
          .maxDuration(plan.maxDuration());
    }
  }
}
