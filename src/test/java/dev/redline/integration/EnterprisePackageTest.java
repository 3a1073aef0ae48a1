package dev.redline.integration;

import static org.junit.jupiter.api.Assertions.*;

import dev.redline.testing.EndToEnd;
import dev.redline.testing.RedisServerTest;
import dev.redline.testing.RunsAlone;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn gatling:enterprisePackage} builds a package that runs the way a Gatling Enterprise
 * injector runs it: the package on a classpath with Gatling's own jars only, started through {@code
 * io.gatling.app.Gatling}. Proves this repository's package carries everything its simulations need
 * (Jedis, HdrHistogram, SnakeYAML, and its optional OpenTelemetry and embedded redis-server). What
 * a project that depends on Redline packages is checked by .ci/run (examples/own-project).
 */
@EndToEnd
@RunsAlone
class EnterprisePackageTest extends RedisServerTest {

  @Test
  void thePackageRunsASimulationBesideGatlingsOwnJars() throws Exception {
    Process build =
        new ProcessBuilder("mvn", "-B", "-ntp", "-q", "gatling:enterprisePackage", "-DskipTests")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "enterprise-package.log").toFile())
            .start();
    assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the package was built within 5 minutes");
    assertEquals(
        0, build.exitValue(), Files.readString(Path.of("target", "enterprise-package.log")));
    Path pack;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      pack =
          files
              .filter(f -> f.getFileName().toString().endsWith("-shaded.jar"))
              .findFirst()
              .orElseThrow();
    }

    Set<String> packaged;
    try (ZipFile zip = new ZipFile(pack.toFile())) {
      packaged = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
    }
    for (String needed :
        List.of(
            "redis/clients/jedis/Jedis.class",
            "org/HdrHistogram/Histogram.class",
            "org/yaml/snakeyaml/Yaml.class",
            "io/opentelemetry/sdk/metrics/SdkMeterProvider.class",
            "dev/redline/javaapi/RedisDsl.class",
            "dev/redline/simulations/BasicSimulation.class")) {
      assertTrue(packaged.contains(needed), needed + " in the package");
    }
    List<String> gatlingJars = new ArrayList<>();
    for (String entry :
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
            .split(File.pathSeparator)) {
      if (entry.endsWith(".jar")
          && firstClass(Path.of(entry)).map(c -> !packaged.contains(c)).orElse(false)) {
        gatlingJars.add(entry); // a jar the package leaves to the injector: Gatling's own
      }
    }
    assertTrue(
        gatlingJars.stream().anyMatch(j -> j.contains("gatling-app")),
        "Gatling's jars: " + gatlingJars);
    assertTrue(
        gatlingJars.stream()
            .noneMatch(
                j ->
                    j.contains("jedis") || j.contains("snakeyaml") || j.contains("embedded-redis")),
        "Redline's dependencies come from the package only: " + gatlingJars);

    Path results =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "gatling-enterprise")), "run-");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1G",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dredline.redis.url=" + server.url(),
                "-Dredline.test.duration=3s",
                // an injector that moves Gatling's results folder tells Redline too
                "-Dredline.results.dir=" + results.toAbsolutePath(),
                "-cp",
                pack.toAbsolutePath()
                    + File.pathSeparator
                    + String.join(File.pathSeparator, gatlingJars),
                "io.gatling.app.Gatling",
                "-s",
                "dev.redline.simulations.BasicSimulation",
                "-rf",
                results.toAbsolutePath().toString(),
                "-nr"));
    Process run =
        new ProcessBuilder(command)
            .directory(Files.createTempDirectory("injector-").toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, run.exitValue(), output);
    Path summary;
    try (Stream<Path> runs = Files.list(results)) {
      summary =
          runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("redline/summary.json");
    }
    assertTrue(Files.isRegularFile(summary), "Redline's report beside Gatling's run:\n" + output);
    assertTrue(
        Files.readString(summary).matches("(?s).*\"successful_commands_count\" : [1-9].*"),
        Files.readString(summary));
  }

  private static Optional<String> firstClass(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream()
          .map(ZipEntry::getName)
          .filter(
              n ->
                  n.endsWith(".class")
                      && !n.startsWith("META-INF/")
                      && !n.endsWith("module-info.class"))
          .findFirst();
    }
  }
}
