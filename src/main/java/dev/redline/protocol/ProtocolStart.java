package dev.redline.protocol;

import dev.redline.client.ClientPool;
import dev.redline.client.ClientSettings;
import dev.redline.client.LoopTransport;
import dev.redline.measure.LatencyRecorder;
import dev.redline.report.RunConsole;
import java.util.List;
import java.util.Map;

/**
 * A protocol's start: its clients made on the resolved endpoint, checked, and its settings said.
 */
final class ProtocolStart {
  private ProtocolStart() {}

  /**
   * Makes the protocol's client pool and checks that every client can use Redis; the servers are
   * watched from then on, and the settings are said once the server has answered.
   *
   * @param echo where the settings the clients run with are kept for the summary
   * @throws RedlineStartupException naming what is wrong; nothing is left open
   */
  static ClientPool connect(
      RedisProtocol protocol,
      EndpointResolver endpoints,
      LoopTransport transport,
      ServerWatch servers,
      LatencyRecorder recorder,
      RunConsole console,
      List<Map<String, Object>> echo) {
    ClientSettings settings =
        protocol.clientSettings(
            endpoints.resolve(
                protocol.endpoint(), protocol.endpointOrigin(), protocol.deployment()));
    echo.add(SettingsEcho.of(settings, protocol));
    ClientPool pool =
        StartupCheck.connect(
            settings, transport, protocol.startDuringOutage(), protocol.loginOrigin());
    try {
      servers.start(pool);
      StartupCheck.verify(pool, recorder, protocol.startDuringOutage(), protocol.loginOrigin());
    } catch (RuntimeException e) {
      try {
        pool.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    // said once the server answered: a refused start prints its one line and nothing else
    console.print(protocol.settingsEcho());
    console.print(endpoints.takeAnnouncements());
    return pool;
  }
}
