package dev.redline.simulations;

import static dev.redline.javaapi.RedisDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.redline.javaapi.RedisProtocolBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The same small load against any deployment: a cluster, a primary behind sentinels, or one server
 * over (mutual) TLS, with RESP2 or RESP3. Chosen with system properties:
 *
 * <pre>
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DeploymentSimulation \
 *     -Dredline.cluster=10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:7002
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DeploymentSimulation \
 *     -Dredline.sentinel=mymaster@10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379 -Dredline.sentinel.password=...
 * mvn gatling:test -Dgatling.simulationClass=dev.redline.simulations.DeploymentSimulation \
 *     -Dredline.url=rediss://cache.internal:6380 -Dredline.tls.ca=certs/ca.crt \
 *     -Dredline.tls.cert=certs/client.crt -Dredline.tls.key=certs/client.key -Dredline.resp=3
 * </pre>
 *
 * Keys that go together carry a hash tag ({@code {user1}:...}) so that the transaction and the
 * multi-key commands also run in a cluster; the pipeline's keys may live on any node.
 */
public class DeploymentSimulation extends Simulation {
  private final Duration duration = RunSettings.duration();

  private final ScenarioBuilder anywhere = scenario("deployment")
      .during(duration).on(
          exec(set("{user#{userId}}:name", "value-#{userId}"))
              .exec(get("{user#{userId}}:name").check(reply().isEL("value-#{userId}")))
              .exec(mset("{user#{userId}}:a", "1", "{user#{userId}}:b", "2"))
              .exec(transaction(incr("{user#{userId}}:visits"), expire("{user#{userId}}:visits", 600)))
              .exec(pipeline(set("spread:#{userId}:1", "x"), set("spread:#{userId}:2", "y"), get("spread:#{userId}:1"))));

  {
    setUp(anywhere.injectClosed(constantConcurrentUsers(RunSettings.users()).during(duration)))
        .protocols(protocol())
        .assertions(global().failedRequests().percent().lt(1.0));
  }

  private static RedisProtocolBuilder protocol() {
    RedisProtocolBuilder redis = RunSettings.protocol();
    String url = System.getProperty("redline.url");
    if (url != null && !url.isBlank()) {
      redis = redis.url(url);
    }
    String cluster = System.getProperty("redline.cluster");
    if (cluster != null) {
      redis = redis.cluster(cluster.split(","));
    }
    String sentinel = System.getProperty("redline.sentinel");
    if (sentinel != null) {
      int at = sentinel.indexOf('@');
      if (at < 0) {
        throw new IllegalArgumentException("-Dredline.sentinel=" + sentinel + " is not allowed: give master@host:port,host:port");
      }
      redis = redis.sentinel(sentinel.substring(0, at), sentinel.substring(at + 1).split(","));
      String sentinelPassword = System.getProperty("redline.sentinel.password");
      if (sentinelPassword != null) {
        redis = redis.sentinelCredentials(System.getProperty("redline.sentinel.user"), sentinelPassword);
      }
    }
    if (Boolean.getBoolean("redline.tls")) {
      redis = redis.tls();
    }
    String ca = System.getProperty("redline.tls.ca");
    if (ca != null) {
      redis = redis.tlsCaFile(ca);
    }
    String cert = System.getProperty("redline.tls.cert");
    if (cert != null) {
      redis = redis.tlsClientCertificate(cert, System.getProperty("redline.tls.key", cert.replace(".crt", ".key")));
    }
    if (System.getProperty("redline.tls.verifyHostname") != null) {
      redis = redis.tlsVerifyHostname(Boolean.getBoolean("redline.tls.verifyHostname"));
    }
    String versions = System.getProperty("redline.tls.versions");
    if (versions != null) {
      redis = redis.tlsVersions(versions.split(","));
    }
    String resp = System.getProperty("redline.resp");
    if (resp != null) {
      redis = redis.protocolVersion(Integer.parseInt(resp.strip()));
    }
    return redis;
  }
}
