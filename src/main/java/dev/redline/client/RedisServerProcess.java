package dev.redline.client;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server child process on a free loopback port: the one Redline starts when a run
 * names no Redis, and the one the tests start. No persistence; its working files live in a
 * temporary folder that is removed on {@link #close()}.
 *
 * <p>The binary is, in order: system property {@code redline.redis.server}, environment variable
 * {@code REDLINE_REDIS_SERVER}, else the redis-server shipped inside the embedded-redis jar.
 */
public final class RedisServerProcess implements AutoCloseable {
  private final Path binary;
  private final Path directory;
  private final int port;
  private final List<String> extraArguments;
  private final List<String> sentinelConfig;
  private Process process;

  private RedisServerProcess(Path binary, int port, List<String> extraArguments, List<String> sentinelConfig) throws IOException {
    this.binary = binary;
    this.port = port;
    this.extraArguments = List.copyOf(extraArguments);
    this.sentinelConfig = List.copyOf(sentinelConfig);
    this.directory = Files.createTempDirectory("redline-redis-");
  }

  /**
   * Starts a sentinel (the same binary in sentinel mode) on a free port with these lines in its
   * config file, e.g. {@code sentinel monitor mymaster 127.0.0.1 6379 2}; waits until it answers PING.
   */
  public static RedisServerProcess startSentinel(List<String> configLines) {
    return startWith(List.of(), configLines);
  }

  /** Starts a server on a free port and waits until it answers PING. */
  public static RedisServerProcess start(String... extraArguments) {
    return startWith(List.of(extraArguments), List.of());
  }

  private static RedisServerProcess startWith(List<String> extraArguments, List<String> sentinelConfig) {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        RedisServerProcess server = new RedisServerProcess(resolveBinary(), freePort(), extraArguments, sentinelConfig);
        server.launch();
        return server;
      } catch (IOException e) {
        last = e; // most likely the free port was taken between probing and binding: try another
      }
    }
    throw new IllegalStateException("could not start redis-server: " + last.getMessage(), last);
  }

  /** Starts a server on a given port (for a test that starts one where a client already points). */
  public static RedisServerProcess startOn(int port, String... extraArguments) {
    try {
      RedisServerProcess server = new RedisServerProcess(resolveBinary(), port, List.of(extraArguments), List.of());
      server.launch();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("could not start redis-server on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** The port the server listens on (127.0.0.1). */
  public int port() {
    return port;
  }

  /** The server's URL. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The endpoint of the server. */
  public RedisEndpoint endpoint() {
    return RedisEndpoint.parse(url());
  }

  /** The binary this server runs. */
  public Path binary() {
    return binary;
  }

  /** True while the child process runs. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The operating-system process id, for signals such as SIGSTOP/SIGCONT. */
  public long pid() {
    return process.pid();
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
    }
  }

  /** Starts the server again on the same port after {@link #kill()}. */
  public void restart() throws IOException {
    kill();
    launch();
  }

  /** Stops the server and removes its working folder. */
  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      if (!waitFor(process)) {
        process.destroyForcibly();
        waitFor(process);
      }
    }
    deleteRecursively(directory.toFile());
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    if (!sentinelConfig.isEmpty()) {
      Path config = directory.resolve("sentinel.conf");
      if (!Files.exists(config)) { // a restarted sentinel keeps what it learnt
        Files.write(config, sentinelConfig);
      }
      command.addAll(List.of(config.toString(), "--sentinel"));
    }
    command.addAll(List.of(
        "--port", Integer.toString(port),
        "--bind", "127.0.0.1",
        "--save", "",
        "--appendonly", "no",
        "--protected-mode", "no",
        "--dir", directory.toString()));
    command.addAll(extraArguments);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("redis.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited at start: " + log());
      }
      if (answersPing()) {
        return;
      }
      sleep(20);
    }
    process.destroyForcibly();
    throw new IOException("redis-server did not answer within 10 s: " + log());
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] reply = new byte[16];
      int read = socket.getInputStream().read(reply);
      String text = read > 0 ? new String(reply, 0, read, StandardCharsets.US_ASCII) : "";
      return text.startsWith("+PONG") || text.startsWith("-NOAUTH"); // -NOAUTH: up, with requirepass
    } catch (IOException notYet) {
      return false;
    }
  }

  private String log() {
    try {
      String text = Files.readString(directory.resolve("redis.log"));
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static Path resolveBinary() throws IOException {
    String configured = System.getProperty("redline.redis.server", System.getenv("REDLINE_REDIS_SERVER"));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException("redis-server binary '" + configured + "' (redline.redis.server / REDLINE_REDIS_SERVER) is not an executable file");
      }
      return path;
    }
    return EmbeddedBinary.path();
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static boolean waitFor(Process p) {
    try {
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteRecursively(child);
      }
    }
    file.delete();
  }

  /** The redis-server binary shipped in the embedded-redis jar, extracted once per JVM. */
  private static final class EmbeddedBinary {
    private static Path extracted;

    static synchronized Path path() throws IOException {
      if (extracted == null) {
        File file = ExecutableProvider.newJarResourceProvider().get();
        extracted = file.toPath();
      }
      return extracted;
    }
  }
}
