package dev.redline.config;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layering, precedence and every configuration error a user can make. */
class RedlineConfigTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("redline.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void defaultsAreBasicRwForThirtySeconds() {
    RedlineConfig c = RedlineConfig.load(props(), Map.of());
    assertEquals("basic_rw", c.workload().profile());
    assertEquals(Optional.of(Duration.ofSeconds(30)), c.duration());
    assertEquals(Map.of("SET", 0.4, "GET", 0.5, "DEL", 0.1), c.workload().operations());
    assertEquals(1, c.virtualUsers());
    assertTrue(c.endpoint().isEmpty());
    assertFalse(c.batchOnlyGatlingRecords(), "a Gatling record per command unless asked");
    assertTrue(
        RedlineConfig.load(props(), Map.of("TEST_GATLING_RECORDS", "batch_only"))
            .batchOnlyGatlingRecords());
  }

  @Test
  void eachLayerOverridesTheOneBelowAndUnsetValuesDoNot() throws IOException {
    Path file =
        yaml(
            """
        test:
          threads_per_client: 3
          client_instances: 2
          workload:
            profile: high_throughput
            key_range: 500
        """);
    // profile high_throughput sets value_size 50 and pipeline_size 10: the YAML does not touch them
    RedlineConfig fromYaml = RedlineConfig.load(props("redline.config", file.toString()), Map.of());
    assertEquals(3, fromYaml.threadsPerClient());
    assertEquals(
        50,
        fromYaml.workload().valueSizeMax(),
        "the profile's value size survives: YAML did not set it");
    assertEquals(10, fromYaml.workload().pipelineSize());
    assertEquals(500, fromYaml.workload().keyRange());
    assertEquals("profile high_throughput", fromYaml.origins().get("test.workload.value_size"));

    // environment over YAML
    RedlineConfig fromEnv =
        RedlineConfig.load(
            props("redline.config", file.toString()),
            Map.of("TEST_THREADS_PER_CLIENT", "4", "TEST_VALUE_SIZE", "200"));
    assertEquals(4, fromEnv.threadsPerClient());
    assertEquals(200, fromEnv.workload().valueSizeMax());
    assertEquals(2, fromEnv.clientInstances(), "not set in the environment: YAML's value stays");

    // system properties over environment
    RedlineConfig fromProps =
        RedlineConfig.load(
            props(
                "redline.config",
                file.toString(),
                "redline.test.threads_per_client",
                "6",
                "redline.test.workload.pipeline_size",
                "20"),
            Map.of("TEST_THREADS_PER_CLIENT", "4"));
    assertEquals(6, fromProps.threadsPerClient());
    assertEquals(20, fromProps.workload().pipelineSize());
    assertEquals(
        "system property redline.test.threads_per_client",
        fromProps.origins().get("test.threads_per_client"));
  }

  @Test
  void oldRunnerEnvironmentVariablesAreRead() {
    RedlineConfig c =
        RedlineConfig.load(
            props(),
            Map.of(
                "REDIS_HOST",
                "cache",
                "REDIS_PORT",
                "6380",
                "REDIS_PASSWORD",
                "pw",
                "REDIS_DB",
                "2",
                "TEST_OPERATIONS",
                "SET,GET",
                "TEST_OPERATION_WEIGHTS",
                "1,3",
                "TEST_WORKLOAD_PROFILE",
                "custom",
                "TEST_DURATION",
                "unlimited",
                "TEST_PUBSUB_CHANNELS",
                "a,b",
                "APP_NAME",
                "checkout"));
    assertEquals("redis://:***@cache:6380/2", c.endpoint().orElseThrow().toString());
    assertEquals(Map.of("SET", 1.0, "GET", 3.0), c.workload().operations());
    assertEquals(Optional.empty(), c.duration());
    assertEquals(java.util.List.of("a", "b"), c.workload().pubsubChannels());
    assertEquals("checkout", c.appName());
    assertTrue(
        c.echo().stream().noneMatch(line -> line.contains("pw")),
        "password redacted in the echo: " + c.echo());
  }

  @Test
  void aUrlIsRewrittenByPartsBesideOrAboveItButNotByPartsBelowItThatItGivesItself()
      throws IOException {
    Map<String, String> leftOver =
        Map.of("REDIS_HOST", "old-host", "REDIS_PORT", "1", "REDIS_PASSWORD", "old");
    RedlineConfig withCredentials =
        RedlineConfig.load(props("redline.redis.url", "redis://:new@new-host:7000/3"), leftOver);
    assertEquals(
        "redis://:***@new-host:7000/3", withCredentials.endpoint().orElseThrow().toString());
    assertEquals("new", withCredentials.endpoint().orElseThrow().password());

    // a password kept out of the command line, below a URL that carries none, applies
    RedlineConfig withoutCredentials =
        RedlineConfig.load(props("redline.redis.url", "redis://new-host:7000"), leftOver);
    assertEquals("new-host", withoutCredentials.endpoint().orElseThrow().host());
    assertEquals("old", withoutCredentials.endpoint().orElseThrow().password());
    Path credentials = dir.resolve("credentials.yaml");
    Files.writeString(credentials, "redis:\n  username: loadtest\n  password: secret\n");
    RedlineConfig fromFile =
        RedlineConfig.load(
            props("redline.config", credentials.toString(), "redline.url", "redis://h:7000"),
            Map.of());
    assertEquals("loadtest", fromFile.endpoint().orElseThrow().username());
    assertEquals("secret", fromFile.endpoint().orElseThrow().password());

    RedlineConfig sameLayer =
        RedlineConfig.load(
            props(), Map.of("REDIS_URL", "redis://cache:7000", "REDIS_PASSWORD", "pw"));
    assertEquals("pw", sameLayer.endpoint().orElseThrow().password());

    Path file = yaml("redis:\n  url: redis://from-yaml:7000\n");
    RedlineConfig above =
        RedlineConfig.load(props("redline.config", file.toString()), Map.of("REDIS_PORT", "7001"));
    assertEquals("redis://from-yaml:7001", above.endpoint().orElseThrow().toString());
  }

  @Test
  void freeTextInYamlIsTakenAsWrittenAndOperationsMayBeAList() throws IOException {
    Path file =
        yaml(
            "app_name: 1.10\nredis:\n  password: 0123456\ntest.workload.operations:"
                + " [SET, {GET: 3}]\n");
    RedlineConfig c = RedlineConfig.load(props("redline.config", file.toString()), Map.of());
    assertEquals("0123456", c.endpoint().orElseThrow().password());
    assertEquals("1.10", c.appName());
    assertEquals(Map.of("SET", 1.0, "GET", 3.0), c.workload().operations());

    Path twice = dir.resolve("twice.yaml");
    Files.writeString(twice, "redis:\n  password: 0123\nredis.password: 0777\n");
    ConfigError given =
        assertThrows(
            ConfigError.class,
            () -> RedlineConfig.load(props("redline.config", twice.toString()), Map.of()));
    assertTrue(given.getMessage().contains("'redis.password' is given twice"), given::getMessage);
  }

  @Test
  void aCommentThatMayCutAPasswordShortIsACautionForTheLoginOnly() throws IOException {
    Path cut = yaml("redis:\n  host: h\n  password: tea #1\n");
    RedlineConfig c = RedlineConfig.load(props("redline.config", cut.toString()), Map.of());
    assertEquals("tea", c.endpoint().orElseThrow().password(), "YAML read '#1' as a comment");
    assertTrue(
        c.loginOrigin().contains("key redis.password")
            && c.loginOrigin().contains("line 3 of " + cut)
            && c.loginOrigin().contains("quote it (password: '...')"),
        c::loginOrigin);
    assertFalse(c.loginOrigin().contains("#1"), "the comment may be the password's end");
    assertTrue(
        c.echo().stream().noneMatch(line -> line.contains("quote")),
        "nothing said while the login may work");

    for (String uncut :
        List.of(
            "redis:\n  password: 'tea #1'\n",
            "redis:\n  password: \"tea #1\"\n",
            "redis:\n  password: tea#1\n",
            "redis:\n  password: tea\n  # a comment on its own line\n")) {
      RedlineConfig u =
          RedlineConfig.load(props("redline.config", yaml(uncut).toString()), Map.of());
      assertEquals(
          uncut.contains("tea#1") ? "tea#1" : uncut.contains("#1") ? "tea #1" : "tea",
          u.endpoint().orElseThrow().password());
      assertEquals(
          "the login came from " + u.origins().get("redis.password"), u.loginOrigin(), uncut);
    }

    // the line is found past characters outside the BMP, with CRLF line ends, or a dotted key
    Map<String, Integer> cutAtLine =
        Map.of(
            "app_name: \uD83D\uDE80 x \uD83D\uDE80\nredis:\n  host: h\n  password: tea #1\n", 4,
            "redis:\r\n  host: h\r\n  password: tea #1\r\n", 3,
            "redis.host: h\nredis.password: tea #1\n", 2);
    for (Map.Entry<String, Integer> e : cutAtLine.entrySet()) {
      Path f = yaml(e.getKey());
      String origin =
          RedlineConfig.load(props("redline.config", f.toString()), Map.of()).loginOrigin();
      assertTrue(origin.contains("line " + e.getValue() + " of " + f), origin);
    }
    Path crlf = yaml("redis:\r\n  host: h\r\n  password: tea\r\n# a comment\r\n");
    assertEquals(
        "the login came from redline.yaml key redis.password",
        RedlineConfig.load(props("redline.config", crlf.toString()), Map.of()).loginOrigin());

    // a password set above the file's takes its caution away
    yaml("redis:\n  host: h\n  password: tea #1\n");
    RedlineConfig above =
        RedlineConfig.load(
            props("redline.config", cut.toString()), Map.of("REDIS_PASSWORD", "other"));
    assertEquals("the login came from environment variable REDIS_PASSWORD", above.loginOrigin());

    RedlineConfig url = RedlineConfig.load(props("redline.redis.url", "redis://u:p@h:1"), Map.of());
    assertEquals("the login came from system property redline.redis.url", url.loginOrigin());
    RedlineConfig userBeside =
        RedlineConfig.load(
            props("redline.redis.url", "redis://u:p@h:1", "redline.redis.username", "v"), Map.of());
    assertEquals(
        "the login came from system property redline.redis.url, system property"
            + " redline.redis.username",
        userBeside.loginOrigin());
    assertNull(
        RedlineConfig.load(props("redline.redis.url", "redis://h:1"), Map.of()).loginOrigin());
  }

  @Test
  void anUnknownRedlineVariableIsRefusedAndOtherToolsVariablesAreNot() {
    ConfigError typo =
        assertThrows(
            ConfigError.class,
            () -> RedlineConfig.load(props(), Map.of("REDLINE_BASELINE_TRESHOLD", "20")));
    assertTrue(
        typo.getMessage().contains("did you mean REDLINE_BASELINE_THRESHOLD?"), typo::getMessage);
    RedlineConfig others =
        RedlineConfig.load(
            props(),
            Map.of(
                "REDIS_VERSION",
                "7.0.15",
                "TEST_RUNNER",
                "x",
                "REDLINE_CONFIG",
                "",
                "REDLINE_REDIS7_SERVER",
                "/usr/bin/redis-server",
                "REDLINE_UNSET",
                ""));
    assertTrue(others.endpoint().isEmpty());
  }

  @Test
  void everyConfigErrorNamesTheKeyTheValueAndWhatIsAllowed() throws IOException {
    assertError(
        props("redline.test.workload.profile", "basic"),
        Map.of(),
        "test.workload.profile",
        "did you mean basic_rw");
    assertError(
        props(
            "redline.test.workload.profile",
            "custom",
            "redline.test.workload.operations",
            "SET:1,FLY:2"),
        Map.of(),
        "unknown operation 'FLY'",
        "allowed");
    assertError(
        props(),
        Map.of("TEST_WORKLOAD_PROFILE", "custom"),
        "profile custom needs test.workload.operations",
        "");
    assertError(
        props("redline.test.threads_per_client", "0"),
        Map.of(),
        "test.threads_per_client = '0'",
        "at least 1");
    assertError(
        props(),
        Map.of("TEST_CLIENT_INSTANCES", "-2"),
        "test.client_instances = '-2' (environment variable TEST_CLIENT_INSTANCES)",
        "at least 1");
    assertError(
        props("redline.test.connections_per_client", "0"),
        Map.of(),
        "test.connections_per_client",
        "at least 1");
    assertError(
        props("redline.test.workload.operations", "SET:-1,GET:1"),
        Map.of(),
        "test.workload.operations",
        "weights are 0 or more");
    assertError(
        props("redline.test.workload.operations", "SET:0,GET:0"),
        Map.of(),
        "test.workload.operations",
        "all weights are zero");
    assertError(
        props(
            "redline.test.workload.value_size_min",
            "500",
            "redline.test.workload.value_size_max",
            "100"),
        Map.of(),
        "value_size_min = 500",
        "must not exceed the maximum");
    assertError(
        props("redline.test.workload.pipeline_size", "0"),
        Map.of(),
        "test.workload.pipeline_size = '0'",
        "at least 1");
    assertError(
        props("redline.test.gatling_records", "batch"),
        Map.of(),
        "test.gatling_records = 'batch'",
        "did you mean batch_only");
    assertError(
        props("redline.test.duration", "ten minutes"),
        Map.of(),
        "test.duration = 'ten minutes'",
        "60s, 5m, 1h, or unlimited");
    assertError(
        props("redline.redis.url", "http://x:1"),
        Map.of(),
        "redis.url",
        "scheme must be redis or rediss");
    assertError(props(), Map.of("REDIS_PORT", "70000"), "redis.port = '70000'", "from 1 to 65535");
    assertError(
        props("redline.config", dir.resolve("missing.yaml").toString()),
        Map.of(),
        "missing.yaml does not exist",
        "");
    assertError(
        props("redline.test.treads_per_client", "2"),
        Map.of(),
        "unknown system property -Dredline.test.treads_per_client",
        "did you mean -Dredline.test.threads_per_client");
    RedlineConfig noGate = RedlineConfig.load(props(), Map.of("REDLINE_ASSERTIONS", ""));
    assertTrue(
        noGate.gate().assertionsGiven() && noGate.gate().assertions().isEmpty(),
        "an empty REDLINE_ASSERTIONS sets no assertions, and so turns the default gate off");
    assertError(
        props("redline.test.value_size", "-1"),
        Map.of(),
        "unknown system property -Dredline.test.value_size",
        "did you mean -Dredline.test.workload.value_size");

    Path malformed = yaml("test:\n  threads_per_client: 2\n   client_instances: 3\n");
    assertError(
        props("redline.config", malformed.toString()),
        Map.of(),
        "malformed YAML",
        "line 3, column");
    Path unknown = yaml("test:\n  workload:\n    pipline_size: 5\n");
    assertError(
        props("redline.config", unknown.toString()),
        Map.of(),
        "unknown key 'test.workload.pipline_size'",
        "did you mean 'test.workload.pipeline_size'");
  }

  @Test
  void aSectionWithEverythingCommentedOutIsEmptyAndAFarOffKeyGetsNoWrongGuess() throws IOException {
    RedlineConfig readme = RedlineConfig.load(props("redline.config", "redline.yaml"), Map.of());
    assertEquals(2, readme.clientInstances(), "the README's redline.yaml loads as it reads");
    Path onlyComments = yaml("redis:\n  # url: redis://localhost:6379\ntest:\n  duration: 5s\n");
    assertEquals(
        Duration.ofSeconds(5),
        RedlineConfig.load(props("redline.config", onlyComments.toString()), Map.of())
            .duration()
            .orElseThrow());
    Path accent = yaml("tést:\n  duration: 5s\n");
    assertError(
        props("redline.config", accent.toString()), Map.of(), "unknown key 'tést'", "'test:'");
    Path farOff = yaml("zzzzzzzz: 1\n");
    ConfigError e =
        assertThrows(
            ConfigError.class,
            () -> RedlineConfig.load(props("redline.config", farOff.toString()), Map.of()));
    assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    assertTrue(e.getMessage().contains("begin with one of"), e.getMessage());
    Path section = yaml("redis: localhost\n");
    assertError(props("redline.config", section.toString()), Map.of(), "is a section", "redis.");
    Path empty = yaml("# nothing set yet\n");
    RedlineConfig none = RedlineConfig.load(props("redline.config", empty.toString()), Map.of());
    assertTrue(none.echo().get(0).contains("holds no settings"), none.echo().toString());
  }

  @Test
  void aMisspeltGateIsRefusedNotLeftOut() {
    assertError(
        props("redline.assertion", "GET p99 < 1ms"),
        Map.of(),
        "-Dredline.assertion",
        "did you mean -Dredline.assertions?");
    assertError(
        props("redline.baselin", "target/gatling/run"),
        Map.of(),
        "-Dredline.baselin",
        "-Dredline.baseline?");
    assertError(
        props("redline.metrics.intervall", "100"), Map.of(), "metrics.intervall", "interval");
    // not settings of the run: left alone
    RedlineConfig.load(props("redline.results.dir", "/tmp/x"), Map.of());
  }

  @Test
  void aDurationUnderASecondIsRefusedAndMillisecondsAreEchoedAsGiven() {
    assertError(
        props("redline.test.duration", "1ms"), Map.of(), "test.duration = '1ms'", "at least 1s");
    assertError(props("redline.test.duration", "250ms"), Map.of(), "test.duration", "at least 1s");
    RedlineConfig oneAndAHalf =
        RedlineConfig.load(props("redline.test.duration", "1500ms"), Map.of());
    assertTrue(
        oneAndAHalf.echo().stream()
            .anyMatch(l -> l.contains("test.duration") && l.contains("1500ms")),
        oneAndAHalf.echo().toString());
  }

  @Test
  void deploymentModesComeFromTheOldRunnersVariablesOrTheYaml() throws IOException {
    RedlineConfig cluster =
        RedlineConfig.load(
            props(),
            Map.of("REDIS_CLUSTER", "true", "REDIS_CLUSTER_NODES", "10.0.0.1:7000, 10.0.0.2:7001"));
    assertEquals("cluster", cluster.deployment().mode());
    assertEquals(
        java.util.List.of("10.0.0.1:7000", "10.0.0.2:7001"), cluster.deployment().clusterNodes());

    Path ca = dir.resolve("ca.crt");
    Files.writeString(ca, "not checked here");
    Path file =
        yaml(
            "redis:\n  mode: sentinel\n  sentinel_master: mymaster\n  sentinel_nodes: [10.0.0.1:26379, 10.0.0.2:26379]\n"
                + "  sentinel_password: sentinel-secret\n  tls_ca_file: "
                + ca
                + "\n  protocol: 3\n");
    RedlineConfig sentinel = RedlineConfig.load(props("redline.config", file.toString()), Map.of());
    assertEquals("sentinel", sentinel.deployment().mode());
    assertEquals("mymaster", sentinel.deployment().sentinelMaster());
    assertEquals(ca, sentinel.deployment().tlsCaFile());
    assertEquals(3, sentinel.deployment().respVersion());
    assertTrue(
        sentinel.echo().stream().noneMatch(line -> line.contains("sentinel-secret")),
        "sentinel password redacted: " + sentinel.echo());
    assertFalse(sentinel.deployment().toString().contains("sentinel-secret"));

    assertEquals("standalone", RedlineConfig.load(props(), Map.of()).deployment().mode());
    // the binary override lives under redline.redis. but is not a setting of the run: not an
    // unknown key
    assertEquals(
        "standalone",
        RedlineConfig.load(props("redline.redis.server", "/usr/bin/redis-server"), Map.of())
            .deployment()
            .mode());
  }

  @Test
  void deploymentErrorsSayWhatIsMissingOrContradictory() {
    assertError(
        props("redline.redis.mode", "clustr"),
        Map.of(),
        "redis.mode = 'clustr'",
        "did you mean cluster");
    assertError(
        props("redline.redis.mode", "sentinel"),
        Map.of(),
        "redis.mode = sentinel needs redis.sentinel_master",
        "REDIS_SENTINEL_NODES");
    assertError(
        props("redline.redis.mode", "standalone"),
        Map.of("REDIS_CLUSTER", "true"),
        "contradicts redis.mode = standalone",
        "only one");
    assertError(
        props(),
        Map.of("REDIS_CLUSTER_NODES", "10.0.0.1"),
        "redis.cluster_nodes = '10.0.0.1'",
        "is not host:port");
    assertError(
        props("redline.redis.cluster_nodes", "10.0.0.1:7000"),
        Map.of(),
        "redis.cluster_nodes",
        "set mode: cluster");
    assertError(
        props("redline.redis.tls_ca_file", "/nowhere/ca.crt"),
        Map.of(),
        "redis.tls_ca_file = '/nowhere/ca.crt'",
        "no readable file");
    assertError(props("redline.redis.protocol", "4"), Map.of(), "redis.protocol = '4'", "2 or 3");
    assertError(
        props("redline.redis.tls_versions", "SSLv3"),
        Map.of(),
        "redis.tls_versions",
        "TLSv1.2, TLSv1.3");
  }

  private static void assertError(
      Properties properties, Map<String, String> env, String part1, String part2) {
    ConfigError e = assertThrows(ConfigError.class, () -> RedlineConfig.load(properties, env));
    assertTrue(
        e.getMessage().contains(part1) && e.getMessage().contains(part2),
        "message: " + e.getMessage());
  }

  @Test
  void warmupIsADurationOrZeroAndNeverUnlimited() {
    assertEquals(Duration.ZERO, RedlineConfig.load(props(), Map.of()).warmup());
    assertEquals(
        Duration.ofSeconds(5),
        RedlineConfig.load(props("redline.test.warmup", "5s"), Map.of()).warmup());
    assertEquals(
        Duration.ofMillis(1500),
        RedlineConfig.load(props(), Map.of("TEST_WARMUP", "1500ms")).warmup());
    assertEquals(
        Duration.ZERO, RedlineConfig.load(props("redline.test.warmup", "0s"), Map.of()).warmup());
    ConfigError e =
        assertThrows(
            ConfigError.class,
            () -> RedlineConfig.load(props("redline.test.warmup", "unlimited"), Map.of()));
    assertTrue(e.getMessage().contains("test.warmup"), e.getMessage());
  }

  @Test
  void theWeightFormTheErrorMessageSuggestsIsAccepted() {
    RedlineConfig c =
        RedlineConfig.load(
            props("redline.test.workload.operations", "{SET: 0.4, GET: 0.6}"), Map.of());
    assertEquals(Map.of("SET", 0.4, "GET", 0.6), c.workload().operations());
  }

  @Test
  void yamlDuplicateKeysAndListsForSingleValuesAreRejectedWithTheirPlace() throws IOException {
    Path duplicate = yaml("test:\n  duration: 5s\n  duration: 10s\n");
    ConfigError twice =
        assertThrows(
            ConfigError.class,
            () -> RedlineConfig.load(props("redline.config", duplicate.toString()), Map.of()));
    assertTrue(
        twice.getMessage().contains("duplicate") && twice.getMessage().contains("line 3"),
        twice.getMessage());
    Path list = yaml("redis:\n  password: [a, b]\n");
    ConfigError notOne =
        assertThrows(
            ConfigError.class,
            () -> RedlineConfig.load(props("redline.config", list.toString()), Map.of()));
    assertTrue(
        notOne.getMessage().contains("redis.password")
            && notOne.getMessage().contains("not a single value"),
        notOne.getMessage());
    assertFalse(
        notOne.getMessage().contains("[a, b]"), "a secret is not echoed: " + notOne.getMessage());
  }

  @Test
  void valuesThatCannotFitTheHeapAreRefusedNamingTheHeapTheyNeed() {
    ConfigError e =
        assertThrows(
            ConfigError.class,
            () ->
                RedlineConfig.load(
                    props("redline.test.workload.value_size", "536870912"), Map.of()));
    // surefire's JVM has 2 GiB (pom.xml argLine); one 512 MiB value in flight needs 256 + 512 + 3 x
    // 512 MiB
    assertTrue(
        e.getMessage().contains("needs about 2,304 MiB of heap")
            && e.getMessage().contains("fork.heap"),
        e.getMessage());
  }

  @Test
  void theEndpointsOriginIsWhereItsSettingsCameFrom() {
    assertEquals(
        "environment variable REDIS_URL",
        RedlineConfig.load(props(), Map.of("REDIS_URL", "redis://127.0.0.1:7000"))
            .endpointOrigin());
    assertEquals(
        "system property redline.url",
        RedlineConfig.load(props("redline.url", "redis://127.0.0.1:7000"), Map.of())
            .endpointOrigin());
    assertEquals(
        "system property redline.redis.host, environment variable REDIS_PORT",
        RedlineConfig.load(props("redline.redis.host", "cache"), Map.of("REDIS_PORT", "7000"))
            .endpointOrigin());
  }
}
