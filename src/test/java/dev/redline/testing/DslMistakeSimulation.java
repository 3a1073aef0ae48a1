package dev.redline.testing;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * A user's own simulation with one DSL mistake in it, chosen by {@code -Ddsl.mistake}: the URL
 * without its scheme, no connections, a null key. Gatling fails to create it; the console must hold
 * Redline's one line, not a stack trace.
 */
public class DslMistakeSimulation extends Simulation {
  {
    String mistake = System.getProperty("dsl.mistake", "");
    String url = System.getProperty("dsl.url", "redis://127.0.0.1:6379");
    var protocol =
        switch (mistake) {
          case "url without scheme" ->
              redis().url(url.replaceFirst("^redis://127.0.0.1", "localhost"));
          case "no connections" -> redis().url(url).connectionsPerClient(0);
          default -> redis().url(url);
        };
    String key = mistake.equals("null key") ? null : "k";
    setUp(scenario("mistake").exec(redis("SET").set(key, "v")).injectOpen(atOnceUsers(1)))
        .protocols(protocol);
  }
}
