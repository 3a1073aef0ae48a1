package dev.redline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test whose subject is a whole run end to end: a JVM of its own (the console, the exit code, a
 * signal), or a fault or failover scenario that takes seconds of real time. {@code mvn verify} runs
 * these (failsafe); {@code mvn test}, the inner loop, leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("end-to-end")
public @interface EndToEnd {}
