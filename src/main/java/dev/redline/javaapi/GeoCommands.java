package dev.redline.javaapi;

import static dev.redline.javaapi.CommandBuilding.*;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;

/**
 * Geospatial indexes: GEOADD, GEOSEARCH.
 *
 * <p>Every method takes Gatling EL strings or functions of the session, and returns a command:
 * named by the request ({@code redis("name")}) or by its command ({@code cmd}).
 */
public sealed interface GeoCommands permits RedisCommands {
  /**
   * GEOADD: adds a member at a longitude and latitude; replies 1 when it is new.
   *
   * <pre>{@code redis("GEOADD").geoadd("shops", 2.3522, 48.8566, "paris-#{userId}")}</pre>
   */
  default RedisCommand geoadd(String key, double longitude, double latitude, String member) {
    return build(this, "GEOADD", args(key, number(longitude), number(latitude), member));
  }

  /** GEOADD with key and member from the session. */
  default RedisCommand geoadd(
      Function<Session, String> key,
      double longitude,
      double latitude,
      Function<Session, String> member) {
    return build(this, "GEOADD", args(key, number(longitude), number(latitude), member));
  }

  /**
   * GEOSEARCH: the members within {@code radiusMeters} of a longitude and latitude.
   *
   * <pre>{@code redis("GEOSEARCH").geosearch("shops", 2.35, 48.85, 5000)}</pre>
   */
  default RedisCommand geosearch(
      String key, double longitude, double latitude, double radiusMeters) {
    return build(
        this,
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
  default RedisCommand geosearch(
      Function<Session, String> key, double longitude, double latitude, double radiusMeters) {
    return build(
        this,
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
