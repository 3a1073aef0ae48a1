package dev.redline.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;

/**
 * A command as data: names, wire command, arguments resolved once or per session, blocking time.
 */
class CommandSpecTest {

  @Test
  void aCommandIsNamedByItsUpperCaseNameUnlessNamedOtherwise() {
    CommandSpec get = CommandSpec.of(" get ", List.of(SessionValues.constant("k")));
    assertEquals("GET", get.requestName());
    assertEquals(Protocol.Command.GET, get.command());
    CommandSpec named = get.named("GET user");
    assertEquals("GET user", named.requestName());
    assertEquals("GET", named.commandName());
  }

  @Test
  void unknownCommandsGoOnTheWireByName() {
    CommandSpec module = CommandSpec.of("json.get", List.of());
    assertEquals("JSON.GET", module.commandName());
    assertArrayEquals("JSON.GET".getBytes(), module.command().getRaw());
  }

  @Test
  void constantArgumentsNeedNoSession() {
    CommandSpec set =
        CommandSpec.of(
            "SET", List.of(SessionValues.constant("k"), SessionValues.el("plain value")));
    assertArrayEquals(new String[] {"k", "plain value"}, set.resolveArguments(null));
    // each request gets its own array: an action may change it (a tracked PUBLISH's message)
    assertTrue(set.resolveArguments(null) != set.resolveArguments(null));
  }

  @Test
  void aBadCommandNameIsRefusedWhenTheSimulationIsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> CommandSpec.of("CLIENT LIST", List.of()));
    assertThrows(IllegalArgumentException.class, () -> CommandSpec.of(" ", List.of()));
    assertThrows(IllegalArgumentException.class, () -> CommandSpec.of("GET", List.of()).named(" "));
  }

  @Test
  void blockingCommandsCarryTheirTimeoutZeroMeaningForEver() {
    CommandSpec blpop =
        CommandSpec.of(
            "BLPOP", List.of(SessionValues.constant("q"), SessionValues.constant("1.5")));
    assertEquals(0, blpop.blockMillis());
    assertEquals(1500, blpop.blockingFor(Duration.ofMillis(1500)).blockMillis());
    assertEquals(Long.MAX_VALUE, blpop.blockingFor(Duration.ZERO).blockMillis());
    assertEquals(
        "BLPOP", blpop.blockingFor(Duration.ofSeconds(1)).named("BLPOP jobs").commandName());
    assertEquals(
        1000,
        blpop.blockingFor(Duration.ofSeconds(1)).named("BLPOP jobs").blockMillis(),
        "naming keeps the timeout");
  }
}
