package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Every Redis command Redline speaks, family by family, written once. A request builder ({@code
 * redis("GET user").get("user:#{id}")}) makes commands reported under its name; {@link
 * RedisDsl#cmd} makes them reported under their command ({@code cmd.incr("hits")}), for pipelines,
 * transactions and requests named by their command.
 *
 * <p>Each method takes Gatling EL strings ({@code "user:#{id}"}) or functions of the session;
 * several values computed from the session come as a list ({@code cmd.del(List.of(s -> "a", s ->
 * "b"))}). Numbers are sent in decimal. Commands without a method here go through {@link
 * #command(String, String...)}.
 */
public sealed interface RedisCommands
    extends KeyCommands,
        StringCommands,
        ListCommands,
        HashCommands,
        SetCommands,
        SortedSetCommands,
        StreamCommands,
        ScriptCommands,
        PubSubCommands,
        HyperLogLogCommands,
        GeoCommands
    permits RedisRequestBuilder, CommandsByName {
  /**
   * Any Redis command by name with its arguments (EL strings), for commands without a method here.
   * The request is named by the command unless named otherwise.
   *
   * <pre>{@code redis("CLIENT LIST").command("CLIENT", "LIST")}</pre>
   */
  default RedisCommand command(String commandName, String... arguments) {
    return build(this, commandName, args((Object) arguments));
  }

  /**
   * Any Redis command by name, its arguments computed from the session.
   *
   * <pre>
   * {@code cmd.command("HINCRBY", List.of(s -> "user:" + s.userId(), s -> "visits", s -> "1"))}
   * </pre>
   */
  default RedisCommand command(String commandName, List<Function<Session, String>> arguments) {
    return build(this, commandName, args(arguments));
  }
}
