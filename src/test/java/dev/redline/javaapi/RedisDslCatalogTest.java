package dev.redline.javaapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.command.CommandSpec;
import io.gatling.javaapi.core.Session;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * RedisDsl's static commands are generated from the catalog (tools/generate-dsl-statics.py): every
 * catalog command has exactly one static twin with the same parameters, and the twin builds the
 * same command.
 */
class RedisDslCatalogTest {

  @Test
  void everyCatalogCommandHasAStaticTwinAndNothingElse() {
    Set<String> catalog = signatures(RedisCommandSet.class, false);
    Set<String> statics = signatures(RedisDsl.class, true);
    assertTrue(
        statics.remove("trackedPublish(Function, int)"),
        "Redline's own PUBLISH, outside the catalog");
    assertTrue(catalog.size() > 100, "the catalog: " + catalog);
    assertEquals(catalog, statics, "run python3 tools/generate-dsl-statics.py");
  }

  @Test
  void aStaticTwinBuildsTheCatalogsCommand() {
    RedisCommandSet named = new RedisRequestBuilder("x");
    assertSame(named.xadd("events", "user", "u1"), RedisDsl.xadd("events", "user", "u1"));
    assertSame(named.hincrBy("h", "f", 3), RedisDsl.hincrBy("h", "f", 3));
    assertSame(
        named.blpop(Duration.ofMillis(1500), "q1", "q2"),
        RedisDsl.blpop(Duration.ofMillis(1500), "q1", "q2"));
    assertSame(
        named.eval("return 1", List.of("k"), List.of("a")),
        RedisDsl.eval("return 1", List.of("k"), List.of("a")));
    Function<Session, String> key = s -> "k";
    assertEquals(named.get(key).spec().commandName(), RedisDsl.get(key).spec().commandName());
    assertEquals(
        named.get(key).spec().arguments().size(), RedisDsl.get(key).spec().arguments().size());
  }

  private static void assertSame(RedisCommand expected, RedisCommand actual) {
    CommandSpec e = expected.spec();
    CommandSpec a = actual.spec();
    assertEquals(e.commandName(), a.commandName());
    assertArrayEquals(e.resolveArguments(null), a.resolveArguments(null));
    assertEquals(e.blockMillis(), a.blockMillis());
  }

  private static Set<String> signatures(Class<?> type, boolean statics) {
    return Arrays.stream(type.getMethods())
        .filter(
            m ->
                m.getReturnType() == RedisCommand.class
                    && Modifier.isStatic(m.getModifiers()) == statics)
        .map(RedisDslCatalogTest::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
