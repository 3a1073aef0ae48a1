package dev.redline.client;

import dev.redline.config.ConfigError;
import dev.redline.config.RedisEndpoint;
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
 * names no Redis (and the base the tests' server controls extend). No persistence; its working
 * files live in a temporary folder that is removed on {@link #close()}.
 *
 * <p>The binary is, in order: system property {@code redline.redis.server}, environment variable
 * {@code REDLINE_REDIS_SERVER}, else the redis-server shipped inside the embedded-redis jar.
 */
public class RedisServerProcess implements AutoCloseable {
  private final Path binary;
  private final Path directory;
  private final int port;
  private final List<String> extraArguments;
  private Process process;

  /** A server not started yet: {@link #launch()} starts it. */
  protected RedisServerProcess(int port, List<String> extraArguments) throws IOException {
    this.binary = resolveBinary();
    this.port = port;
    this.extraArguments = List.copyOf(extraArguments);
    this.directory = Files.createTempDirectory("redline-redis-");
  }

  /** Starts a server on a free port and waits until it answers PING. */
  public static RedisServerProcess start() {
    return startOnFreePort(port -> new RedisServerProcess(port, List.of()));
  }

  /** A server of a subclass, made for a port and not yet launched. */
  @FunctionalInterface
  protected interface Maker<S extends RedisServerProcess> {
    S make(int port) throws IOException;
  }

  /**
   * Makes and launches a server on a free port, trying another port if this one was taken
   * meanwhile.
   */
  protected static <S extends RedisServerProcess> S startOnFreePort(Maker<S> maker) {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        S server = maker.make(freePort());
        server.launch();
        return server;
      } catch (IOException e) {
        last = e; // most likely the free port was taken between probing and binding: try another
      }
    }
    throw new IllegalStateException("could not start redis-server: " + last.getMessage(), last);
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

  /** The child process, once launched. */
  protected final Process process() {
    return process;
  }

  /** The server's working folder. */
  protected final Path directory() {
    return directory;
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

  /** What comes between the binary and the standard arguments (a config file, for instance). */
  protected List<String> leadingArguments() throws IOException {
    return List.of();
  }

  /** Starts the child process and waits until it answers PING. */
  protected final void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(leadingArguments());
    command.addAll(
        List.of(
            "--port", Integer.toString(port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--protected-mode", "no",
            "--dir", directory.toString()));
    command.addAll(extraArguments);
    process =
        new ProcessBuilder(command)
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
      return text.startsWith("+PONG")
          || text.startsWith("-NOAUTH"); // -NOAUTH: up, with requirepass
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
    String configured =
        System.getProperty("redline.redis.server", System.getenv("REDLINE_REDIS_SERVER"));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(
            "redis-server binary '"
                + configured
                + "' (redline.redis.server / REDLINE_REDIS_SERVER) is not an executable file");
      }
      return path;
    }
    if (!EmbeddedBinary.available()) {
      throw new ConfigError(
          "no Redis is named (redis().url(...), -Dredline.url or REDIS_URL) and there is no"
              + " embedded redis-server to start: name one, or add "
              + EmbeddedBinary.ARTIFACT
              + " (test scope) to the project for a redis-server started for each run, or set"
              + " -Dredline.redis.server to a redis-server binary");
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

  /** Waits up to 10 s for the process to end; false if it did not. */
  protected static boolean waitFor(Process p) {
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
  /**
   * The redis-server binaries of the embedded-redis jar, an optional dependency of Redline: this
   * repository's own runs have it, a project that depends on Redline only when it adds it.
   */
  private static final class EmbeddedBinary {
    static final String ARTIFACT = "com.github.codemonstur:embedded-redis:1.4.3";
    private static Path extracted;

    static boolean available() {
      try {
        Class.forName(
            "redis.embedded.core.ExecutableProvider", false, EmbeddedBinary.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        return false;
      }
    }

    static synchronized Path path() throws IOException {
      if (extracted == null) {
        File file = ExecutableProvider.newJarResourceProvider().get();
        extracted = file.toPath();
      }
      return extracted;
    }
  }
}
