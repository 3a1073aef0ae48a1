package dev.redline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An end-to-end test whose assertions are timings on this machine (a wait, a stall, where the time
 * went, a regression against a baseline) or that builds the project itself: {@code mvn verify} runs
 * it when no other test runs. The other end-to-end tests share the machine two at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("alone")
public @interface RunsAlone {}
