package dev.redline.client;

import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * A link over one pooled connection to one server (standalone, or the primary of a sentinel
 * deployment).
 */
final class ServerLink implements RedisLink {
  private final Connection connection;
  private final HostAndPort server;
  private final boolean kept;

  ServerLink(Connection connection, HostAndPort server, boolean kept) {
    this.connection = connection;
    this.server = server;
    this.kept = kept;
  }

  /** Whether a worker keeps this link across requests (else it goes back to the pool after one). */
  boolean kept() {
    return kept;
  }

  Connection connection() {
    return connection;
  }

  /** The server the connection was opened to (a sentinel failover changes the pool's primary). */
  HostAndPort server() {
    return server;
  }

  @Override
  public Object send(ProtocolCommand command, String[] arguments) {
    connection.sendCommand(command, arguments);
    return connection.getOne();
  }

  @Override
  public Object sendBlocking(ProtocolCommand command, String[] arguments, long blockMillis) {
    int base = extendTimeout(blockMillis);
    try {
      return send(command, arguments);
    } finally {
      restoreTimeout(base);
    }
  }

  @Override
  public void pipeline(
      ProtocolCommand[] commands,
      String[][] arguments,
      Response<Object>[] replies,
      long blockMillis) {
    if (blockMillis <= 0) {
      pipeline(commands, arguments, replies);
      return;
    }
    int base = extendTimeout(blockMillis);
    try {
      pipeline(commands, arguments, replies);
    } finally {
      restoreTimeout(base);
    }
  }

  /**
   * Extends the connection's socket timeout by {@code blockMillis} (too long: never expires);
   * returns the timeout to restore.
   */
  private int extendTimeout(long blockMillis) {
    int base = connection.getSoTimeout();
    connection.setSoTimeout(
        blockMillis >= Integer.MAX_VALUE - (long) base ? 0 : (int) (base + blockMillis));
    return base;
  }

  private void restoreTimeout(int base) {
    try {
      connection.setSoTimeout(base);
    } catch (RuntimeException brokenAlready) {
      // the call broke the connection; it is discarded when it goes back
    }
  }

  @Override
  public void pipeline(
      ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    Pipeline pipeline = new Pipeline(connection);
    queue(pipeline, commands, arguments, replies);
    pipeline.sync();
  }

  @Override
  public void transaction(
      ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    Transaction transaction = new Transaction(connection);
    queue(transaction, commands, arguments, replies);
    transaction.exec();
  }

  @Override
  public Object sendBytes(ProtocolCommand command, byte[][] arguments) {
    connection.sendCommand(command, arguments);
    return connection.getOne();
  }

  @Override
  public Object sendBlockingBytes(ProtocolCommand command, byte[][] arguments, long blockMillis) {
    int base = extendTimeout(blockMillis);
    try {
      return sendBytes(command, arguments);
    } finally {
      restoreTimeout(base);
    }
  }

  @Override
  public void transactionBytes(
      ProtocolCommand[] commands, byte[][][] arguments, Response<Object>[] replies) {
    Transaction transaction = new Transaction(connection);
    for (int i = 0; i < replies.length; i++) {
      replies[i] = transaction.sendCommand(commands[i], arguments[i]);
    }
    transaction.exec();
  }

  static void queue(
      PipeliningBase batch,
      ProtocolCommand[] commands,
      String[][] arguments,
      Response<Object>[] replies) {
    for (int i = 0; i < replies.length; i++) {
      replies[i] = batch.sendCommand(commands[i], arguments[i]);
    }
  }
}
