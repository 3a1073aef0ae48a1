package dev.redline.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a simulation the way {@code mvn gatling:test} does: Gatling's own main class in a JVM of its
 * own, on this build's classpath, with the given {@code -D} settings and environment. What a user
 * would see: the exit code, every line printed, how long it took.
 */
public final class ForkedGatling {
  /** The outcome of one forked run. */
  public record Result(int exitCode, List<String> lines, long millis, Path resultsFolder) {
    /** All output as one text. */
    public String output() {
      return String.join("\n", lines);
    }
  }

  private ForkedGatling() {}

  /** The classpath of this test JVM (surefire's, or the plain one). */
  static String classpath() {
    return classpath(entry -> true);
  }

  /** The classpath of this test JVM, without the entries {@code keep} refuses. */
  static String classpath(java.util.function.Predicate<String> keep) {
    String surefire = System.getProperty("surefire.test.class.path");
    String all =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    // the build's classes and the jars, as the Gatling plugin gives them (surefire also lists the
    // project folder)
    return java.util.Arrays.stream(all.split(java.io.File.pathSeparator))
        .filter(
            entry ->
                entry.endsWith(".jar") || entry.endsWith("classes") || entry.endsWith("classes/"))
        .filter(keep)
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /**
   * The command line of a forked run, as one shell-quoted string (for a test that needs its own
   * parent process).
   */
  public static String javaCommand(String simulationClass, List<String> systemProperties)
      throws IOException {
    List<String> command = command(simulationClass, systemProperties, newResultsFolder());
    return String.join(
        " ", command.stream().map(part -> "'" + part.replace("'", "'\\''") + "'").toList());
  }

  /** Gatling's main on this build's classpath, as the Gatling plugin launches it. */
  private static List<String> command(
      String simulationClass, List<String> systemProperties, Path results) {
    return command(simulationClass, systemProperties, results, classpath());
  }

  private static List<String> command(
      String simulationClass, List<String> systemProperties, Path results, String classpath) {
    return command(simulationClass, systemProperties, results, classpath, List.of());
  }

  private static List<String> command(
      String simulationClass,
      List<String> systemProperties,
      Path results,
      String classpath,
      List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1G");
    command.addAll(jvmFlags);
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    for (String property : systemProperties) {
      command.add("-D" + property);
    }
    // Gatling does not tell a protocol its results folder: a run with -rf says it to Redline too
    command.add("-Dredline.results.dir=" + results.toAbsolutePath());
    command.addAll(
        List.of(
            "-cp",
            classpath,
            "io.gatling.app.Gatling",
            "-s",
            simulationClass,
            "-rf",
            results.toAbsolutePath().toString()));
    return command;
  }

  private static Path newResultsFolder() throws IOException {
    return Files.createTempDirectory(
        Files.createDirectories(Path.of("target", "gatling-forked")), "run-");
  }

  /**
   * Runs {@code simulationClass} with {@code -Dkey=value} settings and extra environment, waiting
   * at most {@code timeout}.
   */
  public static Result run(
      String simulationClass,
      List<String> systemProperties,
      Map<String, String> environment,
      Duration timeout)
      throws IOException, InterruptedException {
    return runInto(newResultsFolder(), simulationClass, systemProperties, environment, timeout);
  }

  /**
   * The same for a run that ends at its start or within seconds (a refused setting, a 2 s load):
   * the JIT's first tier only and the serial collector, which start a JVM on a third less CPU. Not
   * for runs whose speed is measured.
   */
  public static Result runBrief(
      String simulationClass,
      List<String> systemProperties,
      Map<String, String> environment,
      Duration timeout)
      throws IOException, InterruptedException {
    Path results = newResultsFolder();
    return execute(
        command(
            simulationClass,
            systemProperties,
            results,
            classpath(),
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
        environment,
        timeout);
  }

  /**
   * Runs {@code simulationClass} on this build's classpath without the jars whose path contains one
   * of {@code leftOut}: what a project that depends on Redline receives.
   */
  public static Result runWithout(
      List<String> leftOut, String simulationClass, List<String> systemProperties, Duration timeout)
      throws IOException, InterruptedException {
    String classpath = classpath(entry -> leftOut.stream().noneMatch(entry::contains));
    return execute(
        command(simulationClass, systemProperties, newResultsFolder(), classpath),
        Map.of(),
        timeout);
  }

  /** The same, with Gatling's results folder ({@code -rf}) given. */
  public static Result runInto(
      Path results,
      String simulationClass,
      List<String> systemProperties,
      Map<String, String> environment,
      Duration timeout)
      throws IOException, InterruptedException {
    return execute(command(simulationClass, systemProperties, results), environment, timeout);
  }

  private static Result execute(
      List<String> command, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    Path results = Path.of(command.get(command.size() - 1));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("REDIS_")
                    || k.startsWith("TEST_")
                    || k.startsWith("REDLINE_")
                    || k.startsWith("OTEL_"));
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    byte[][] output = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                output[0] = process.getInputStream().readAllBytes();
              } catch (IOException e) {
                output[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
              }
            });
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    reader.join(10_000);
    long millis = (System.nanoTime() - start) / 1_000_000;
    String text = output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8);
    return new Result(
        process.isAlive() ? -1 : process.exitValue(), text.lines().toList(), millis, results);
  }
}
