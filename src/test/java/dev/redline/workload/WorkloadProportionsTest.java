package dev.redline.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redline.config.Operation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pipeline's or transaction's slots follow the weights exactly (largest remainder), interleaved.
 */
class WorkloadProportionsTest {

  private static Map<String, Double> weights(Object... nameWeight) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < nameWeight.length; i += 2) {
      weights.put((String) nameWeight[i], ((Number) nameWeight[i + 1]).doubleValue());
    }
    return weights;
  }

  @Test
  void tenSlotsOfFortySixtyAreFourSetsAndSixGetsInterleaved() {
    List<Operation> slots = Workload.proportional(weights("SET", 0.4, "GET", 0.6), 10);
    assertEquals(10, slots.size());
    assertEquals(4, Collections.frequency(slots, Operation.SET));
    assertEquals(6, Collections.frequency(slots, Operation.GET));
    assertEquals(
        List.of(Operation.SET, Operation.GET, Operation.SET, Operation.GET),
        slots.subList(0, 4),
        "interleaved, not 4 SETs then 6 GETs");
  }

  @Test
  void remaindersGoToTheLargestFractionsFirst() {
    // 0.5/0.3/0.2 of 3 slots: exact 1.5, 0.9, 0.6 -> floors 1, 0, 0; the two largest remainders
    // (0.9, 0.6) get the rest
    List<Operation> slots = Workload.proportional(weights("SET", 0.5, "GET", 0.3, "DEL", 0.2), 3);
    assertEquals(Map.of(Operation.SET, 1L, Operation.GET, 1L, Operation.DEL, 1L), counts(slots));
    // of 1 slot, the heaviest weight wins
    assertEquals(
        List.of(Operation.SET),
        Workload.proportional(weights("SET", 0.5, "GET", 0.3, "DEL", 0.2), 1));
  }

  @Test
  void weightsNeedNotSumToOne() {
    assertEquals(
        Map.of(Operation.INCR, 3L, Operation.GET, 1L),
        counts(Workload.proportional(weights("INCR", 3, "GET", 1), 4)));
  }

  private static Map<Operation, Long> counts(List<Operation> slots) {
    Map<Operation, Long> counts = new java.util.HashMap<>();
    slots.forEach(op -> counts.merge(op, 1L, Long::sum));
    return counts;
  }
}
