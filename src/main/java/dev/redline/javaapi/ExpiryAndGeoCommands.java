package dev.redline.javaapi;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;

/** Strings with a life span and places: SETEX, GETDEL, GEOADD, GEOSEARCH. */
// @SafeVarargs methods only read their arrays (copied into the command), never store or expose them
@SuppressWarnings("varargs")
abstract class ExpiryAndGeoCommands extends CountingCommands {

  ExpiryAndGeoCommands() {}

  /**
   * SETEX: sets a value that expires after {@code seconds}.
   *
   * <pre>{@code redis("SETEX").setex("session:#{userId}", 60, "token-#{userId}")}</pre>
   */
  public RedisCommand setex(String key, long seconds, String value) {
    return build("SETEX", args(key, number(seconds), value));
  }

  /** SETEX with key and value from the session. */
  public RedisCommand setex(
      Function<Session, String> key, long seconds, Function<Session, String> value) {
    return build("SETEX", args(key, number(seconds), value));
  }

  /**
   * GETDEL: the value of a key, deleted by the same command; nil when it did not exist.
   *
   * <pre>{@code redis("GETDEL").getdel("once:#{userId}")}</pre>
   */
  public RedisCommand getdel(String key) {
    return build("GETDEL", args(key));
  }

  /** GETDEL with the key from the session. */
  public RedisCommand getdel(Function<Session, String> key) {
    return build("GETDEL", args(key));
  }

  /**
   * GEOADD: adds a member at a longitude and latitude; replies 1 when it is new.
   *
   * <pre>{@code redis("GEOADD").geoadd("shops", 2.3522, 48.8566, "paris-#{userId}")}</pre>
   */
  public RedisCommand geoadd(String key, double longitude, double latitude, String member) {
    return build("GEOADD", args(key, number(longitude), number(latitude), member));
  }

  /** GEOADD with key and member from the session. */
  public RedisCommand geoadd(
      Function<Session, String> key,
      double longitude,
      double latitude,
      Function<Session, String> member) {
    return build("GEOADD", args(key, number(longitude), number(latitude), member));
  }

  /**
   * GEOSEARCH: the members within {@code radiusMeters} of a longitude and latitude.
   *
   * <pre>{@code redis("GEOSEARCH").geosearch("shops", 2.35, 48.85, 5000)}</pre>
   */
  public RedisCommand geosearch(
      String key, double longitude, double latitude, double radiusMeters) {
    return build(
        "GEOSEARCH",
        args(
            key,
            word("FROMLONLAT"),
            number(longitude),
            number(latitude),
            word("BYRADIUS"),
            number(radiusMeters),
            word("m")));
  }

  /** GEOSEARCH with the key from the session. */
  public RedisCommand geosearch(
      Function<Session, String> key, double longitude, double latitude, double radiusMeters) {
    return build(
        "GEOSEARCH",
        args(
            key,
            word("FROMLONLAT"),
            number(longitude),
            number(latitude),
            word("BYRADIUS"),
            number(radiusMeters),
            word("m")));
  }
}
