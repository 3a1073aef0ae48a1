package dev.redline.javaapi;

import io.gatling.javaapi.core.CheckBuilder;

/**
 * The kinds of Gatling check that Redis requests take: checks on the {@link RedisDsl#reply()
 * reply}, and data verification ({@link ReplyCheckBuilder#isNilOr}), whose failures are KO with
 * code VERIFY instead of CHECK.
 */
public enum RedisCheckType implements CheckBuilder.CheckType {
  /** A check on the reply; a failure is KO with code CHECK. */
  REPLY,
  /** Data verification; a failure is KO with code VERIFY. */
  VERIFY
}
