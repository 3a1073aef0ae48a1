package dev.redline;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Redline is a guest in Gatling's JVM: its main code never ends the JVM, never reads {@code /proc}
 * or other threads' stacks or the JVM's command line, and its Java never names what the Scala
 * compiler generates for Gatling's traits. The behaviour is tested by the forked runs
 * (ForkedJvmLifetimeTest, OneLineErrorsTest); this keeps the ways around it from coming back.
 */
class MannersInASharedJvmTest {
  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("\\.halt\\("),
          Pattern.compile("System\\.exit\\("),
          Pattern.compile("\"/proc"),
          Pattern.compile("getAllStackTraces|Thread\\.currentThread\\(\\)\\.getStackTrace"),
          Pattern.compile("StackWalker"),
          Pattern.compile("sun\\.java\\.command"));

  private static final List<Pattern> SCALA_GENERATED_NAMES =
      List.of(
          Pattern.compile("\\$bang"),
          Pattern.compile("_\\$eq\\b"),
          Pattern.compile("Throttler\\$"));

  @Test
  void mainCodeNeitherEndsNorInspectsTheJvm() throws IOException {
    assertEquals(List.of(), offences(Path.of("src/main"), FORBIDDEN));
  }

  @Test
  void javaNamesNoScalaGeneratedMember() throws IOException {
    assertEquals(List.of(), offences(Path.of("src/main/java"), SCALA_GENERATED_NAMES));
  }

  @Test
  void theCheckFindsWhatItLooksFor() throws IOException {
    Path folder = Files.createTempDirectory("manners");
    Files.writeString(
        folder.resolve("Rude.java"),
        "class Rude { void stop() { Runtime.getRuntime().halt(1); } }\n");
    assertEquals(1, offences(folder, FORBIDDEN).size());
  }

  private static List<String> offences(Path root, List<Pattern> patterns) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".scala"))
          .forEach(
              file -> {
                List<String> lines;
                try {
                  lines = Files.readAllLines(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                for (int i = 0; i < lines.size(); i++) {
                  String code = lines.get(i).replaceFirst("//.*", "");
                  if (code.strip().startsWith("*")) {
                    continue; // a Javadoc line may name what the code must not do
                  }
                  for (Pattern pattern : patterns) {
                    if (pattern.matcher(code).find()) {
                      found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                  }
                }
              });
    }
    return found;
  }
}
