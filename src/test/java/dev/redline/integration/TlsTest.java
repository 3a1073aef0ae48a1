package dev.redline.integration;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import dev.redline.measure.RequestSeries;
import dev.redline.testing.GatlingRun;
import dev.redline.testing.TestCertificates;
import dev.redline.testing.TestRedisServer;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS against real redis-servers speaking TLS (the embedded binary is built with TLS), with a CA
 * and certificates made by the test: server-only TLS, mutual TLS, and the clear errors of a wrong
 * CA, a certificate naming another host, a missing client certificate and a plain-TCP server.
 */
class TlsTest {
  private static Path folder;
  private static TestCertificates ca;
  private static TestCertificates otherCa;
  private static TestRedisServer tls;
  private static TestRedisServer mutualTls;
  private static TestRedisServer otherName;
  private static int tlsPort;
  private static int mutualTlsPort;
  private static int otherNamePort;

  @BeforeAll
  static void startServers() throws Exception {
    folder = Files.createTempDirectory("redline-tls-");
    ca = new TestCertificates(folder, "redline-test-ca");
    otherCa = new TestCertificates(folder, "some-other-ca");
    ca.issue("server", "IP:127.0.0.1,DNS:localhost");
    ca.issue("elsewhere", "DNS:redis.elsewhere.test");
    ca.issue("client", null);
    tlsPort = TestRedisServer.freePort();
    tls = TestRedisServer.start(tlsArguments("server", tlsPort, "no"));
    mutualTlsPort = TestRedisServer.freePort();
    mutualTls = TestRedisServer.start(tlsArguments("server", mutualTlsPort, "yes"));
    otherNamePort = TestRedisServer.freePort();
    otherName = TestRedisServer.start(tlsArguments("elsewhere", otherNamePort, "no"));
  }

  /**
   * TLS on its own port beside the plain one (the plain port is how the launcher sees the server is
   * up).
   */
  private static String[] tlsArguments(String certificate, int port, String authClients) {
    return new String[] {
      "--tls-port",
      Integer.toString(port),
      "--tls-cert-file",
      folder.resolve(certificate + ".crt").toString(),
      "--tls-key-file",
      ca.key(certificate).toString(),
      "--tls-ca-cert-file",
      ca.caCertificate().toString(),
      "--tls-auth-clients",
      authClients
    };
  }

  @AfterAll
  static void stopServers() {
    for (TestRedisServer server : new TestRedisServer[] {tls, mutualTls, otherName}) {
      if (server != null) {
        server.close();
      }
    }
  }

  private static final ScenarioBuilder SET_GET =
      scenario("tls")
          .repeat(200)
          .on(
              exec(cmd.set("k:#{userId}", "v"))
                  .exec(cmd.get("k:#{userId}").check(reply().is("v"))));

  @Test
  void aRunOverTlsVerifiesTheServerAgainstTheGivenCa() throws Exception {
    GatlingRun.Result run =
        GatlingRun.run(
            redis()
                .url("rediss://127.0.0.1:" + tlsPort)
                .tlsCaFile(ca.caCertificate().toString())
                .tlsVersions("TLSv1.3")
                .clientInstances(2),
            Duration.ofSeconds(30),
            true,
            SET_GET.injectOpen(atOnceUsers(2)));
    assertAllOk(run, 400);
    String summary =
        Files.readString(run.reportFolder().resolve("redline").resolve("summary.json"));
    assertTrue(
        summary.contains("\"tls\" : true") || summary.contains("\"tls\":true"),
        "the summary says TLS was used");
    assertTrue(
        summary.contains("\"all_match\" : true") || summary.contains("\"all_match\":true"),
        "cross-check over TLS");
  }

  @Test
  void mutualTlsPresentsTheClientCertificate() throws Exception {
    RedisProtocolBuilder protocol =
        redis()
            .url("redis://127.0.0.1:" + mutualTlsPort)
            .tlsCaFile(ca.caCertificate().toString())
            .tlsClientCertificate(
                folder.resolve("client.crt").toString(), ca.key("client").toString());
    assertAllOk(
        GatlingRun.run(protocol, Duration.ofSeconds(30), SET_GET.injectOpen(atOnceUsers(1))), 200);

    String withoutCertificate =
        startupError(
            redis()
                .url("rediss://127.0.0.1:" + mutualTlsPort)
                .tlsCaFile(ca.caCertificate().toString()));
    assertTrue(
        withoutCertificate.contains("cannot use Redis rediss://127.0.0.1:" + mutualTlsPort),
        withoutCertificate);
    assertTrue(
        withoutCertificate.contains("requires client certificates")
            && withoutCertificate.contains("tlsClientCertificate"),
        withoutCertificate);
  }

  @Test
  void aServerCertificateFromAnotherCaIsAClearErrorAtStart() throws Exception {
    String error =
        startupError(
            redis()
                .url("rediss://127.0.0.1:" + tlsPort)
                .tlsCaFile(otherCa.caCertificate().toString()));
    assertTrue(
        error.contains("TLS") && error.contains("signed by the CA in " + otherCa.caCertificate()),
        error);
    assertTrue(error.contains("PKIX") || error.contains("certification path"), error);
  }

  @Test
  void aServerCertificateTheJdkDoesNotTrustNamesTheSettingForItsCa() throws Exception {
    String error = startupError(redis().url("rediss://127.0.0.1:" + tlsPort));
    assertTrue(error.contains("a CA the JDK trusts"), error);
    assertTrue(
        error.contains("redis.tls_ca_file") && error.contains("tlsCaFile(...)"),
        "names where to give the CA: " + error);
  }

  @Test
  void hostnameVerificationRejectsACertificateForAnotherHostUnlessSwitchedOff() throws Exception {
    String error =
        startupError(
            redis()
                .url("rediss://127.0.0.1:" + otherNamePort)
                .tlsCaFile(ca.caCertificate().toString()));
    assertTrue(error.contains("TLS") && error.contains("127.0.0.1"), error);
    assertTrue(error.contains("names the host connected to"), error);

    GatlingRun.Result run =
        GatlingRun.run(
            redis()
                .url("rediss://127.0.0.1:" + otherNamePort)
                .tlsCaFile(ca.caCertificate().toString())
                .tlsVerifyHostname(false),
            Duration.ofSeconds(30),
            SET_GET.injectOpen(atOnceUsers(1)));
    assertAllOk(run, 200);
  }

  @Test
  void tlsTowardsAPlainServerIsAClearErrorAtStart() throws Exception {
    String error =
        startupError(
            redis()
                .url("rediss://127.0.0.1:" + tls.port())
                .tlsCaFile(ca.caCertificate().toString()));
    assertTrue(error.contains("TLS handshake got no answer") && error.contains("plain TCP"), error);
  }

  @Test
  void plainTcpTowardsATlsPortSaysToUseRediss() throws Exception {
    // Redis 7 resets a connection that does not start with a TLS handshake: "Connection reset"
    String error = startupError(redis().url("redis://127.0.0.1:" + tlsPort));
    assertTrue(error.contains("if it speaks TLS on this port, use a rediss:// URL"), error);
  }

  @Test
  void aKeyInTheOldRsaFormIsRefusedWithTheCommandThatConvertsIt() throws Exception {
    Path oldForm = folder.resolve("old.key");
    Files.writeString(
        oldForm, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    String error =
        startupError(
            redis()
                .url("rediss://127.0.0.1:" + mutualTlsPort)
                .tlsCaFile(ca.caCertificate().toString())
                .tlsClientCertificate(folder.resolve("client.crt").toString(), oldForm.toString()));
    assertTrue(error.contains("openssl pkcs8 -topk8 -nocrypt"), error);
  }

  private static void assertAllOk(GatlingRun.Result run, long requestsPerName) {
    assertEquals(0, run.exitCode());
    for (RequestSeries series : run.recorder().series()) {
      assertEquals(Map.of(), series.firstMessageByKind(), "KO in " + series.name());
      assertEquals(requestsPerName, series.okHistogram().getTotalCount(), series.name());
    }
  }

  /** The run must not start; returns every message of the error's causes. */
  private static String startupError(RedisProtocolBuilder protocol) {
    Throwable error =
        assertThrows(
            Throwable.class,
            () ->
                GatlingRun.run(
                    protocol.connectTimeout(Duration.ofSeconds(2)),
                    Duration.ofSeconds(30),
                    SET_GET.injectOpen(atOnceUsers(1))));
    return GatlingRun.messages(error);
  }
}
