package dev.redline.javaapi;

import dev.redline.command.RedisValues;
import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.CheckBuilder;
import java.util.ArrayList;
import java.util.List;
import scala.Function1;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code is}, {@code not} and {@code in} on a reply with Redis's equality ({@link RedisValues}):
 * the bulk string "1" and the integer 1 are one value. A failure shows both values with their
 * types.
 */
final class ReplyEquality {
  private ReplyEquality() {}

  /** The reply is ({@code equal}) or is not the expected value. */
  static CheckBuilder.Final compare(
      String name, Function1<Session, Validation<Object>> expected, boolean equal) {
    return check(
        name,
        (actual, session) -> {
          Validation<Object> wanted = expected.apply(session);
          if (!(wanted instanceof Success<Object> resolved)) {
            return ReplyViews.failure(((Failure) (Object) wanted).message());
          }
          Object value = resolved.value();
          if (actual.isEmpty()) {
            return equal ? ReplyViews.failure("found nothing") : new Success<>(actual);
          }
          boolean same = RedisValues.same(actual.get(), value);
          if (same == equal) {
            return new Success<>(actual);
          }
          return ReplyViews.failure(
              equal
                  ? "found "
                      + RedisValues.describe(actual.get())
                      + ", expected "
                      + RedisValues.describe(value)
                  : "unexpectedly found " + RedisValues.describe(actual.get()));
        });
  }

  /** The reply is one of the expected values. */
  static CheckBuilder.Final in(
      String name,
      Function1<Session, Validation<scala.collection.immutable.Seq<Object>>> expected) {
    return check(
        name,
        (actual, session) -> {
          Validation<scala.collection.immutable.Seq<Object>> wanted = expected.apply(session);
          if (!(wanted instanceof Success<scala.collection.immutable.Seq<Object>> resolved)) {
            return ReplyViews.failure(((Failure) (Object) wanted).message());
          }
          List<Object> values = new ArrayList<>(CollectionConverters.asJava(resolved.value()));
          if (actual.isEmpty()) {
            return ReplyViews.failure("found nothing");
          }
          for (Object value : values) {
            if (RedisValues.same(actual.get(), value)) {
              return new Success<>(actual);
            }
          }
          return ReplyViews.failure(
              "found "
                  + RedisValues.describe(actual.get())
                  + ", not one of "
                  + values.stream().map(RedisValues::describe).toList());
        });
  }

  private interface Validator
      extends scala.Function2<Option<Object>, Session, Validation<Option<Object>>> {}

  private static CheckBuilder.Final check(String name, Validator validator) {
    return new CheckBuilder.Final.Default<>(
        ReplyViews.find("reply", ReplyViews::asIs).find().validate(name, validator),
        RedisCheckType.REPLY);
  }
}
