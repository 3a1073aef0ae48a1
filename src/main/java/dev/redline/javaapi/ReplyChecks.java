package dev.redline.javaapi;

import dev.redline.command.ReplyCheck;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.check.CheckMaterializer;
import io.gatling.javaapi.core.CheckBuilder;
import scala.Function1;

/** Builds a user's Gatling check builders into the checks a Redis request runs on its reply. */
final class ReplyChecks {
  /** A reply is checked as it is: the decoded reply is what every Redis check extracts from. */
  private static final CheckMaterializer<RedisCheckType, Check<Object>, Object, Object>
      MATERIALIZER =
          new CheckMaterializer<>(check -> check) {
            @Override
            public Function1<Object, Validation<Object>> preparer() {
              return Success::new;
            }
          };

  private ReplyChecks() {}

  /**
   * The check a Redis request runs for {@code builder}; a check of another protocol is refused,
   * saying which.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static ReplyCheck build(CheckBuilder builder) {
    RedisDslError.notNull(builder, "check");
    if (!(builder.type() instanceof RedisCheckType type)) {
      throw new RedisDslError(
          "a Redis request takes checks on its reply (reply().is(...), reply().saveAs(...)); "
              + builder.type()
              + " is a check of another protocol");
    }
    Check<Object> check =
        (Check<Object>)
            ((io.gatling.core.check.CheckBuilder) builder.asScala()).build(MATERIALIZER);
    return type == RedisCheckType.VERIFY
        ? new ReplyCheck(
            check,
            "VERIFY",
            "value mismatch: a read returned something other than what was written (examples in Redline's report)")
        : new ReplyCheck(check, "CHECK", null);
  }
}
