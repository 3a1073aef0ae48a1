package dev.redline.client;

import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * What one request reaches Redis through, on a worker thread: a connection to one server
 * (standalone, or the primary the sentinels name), or a cluster client that routes every command by
 * its key's slot. Replies are Jedis's raw replies; error replies come back as {@code
 * JedisDataException}s, in batches inside their own {@link Response}.
 */
public interface RedisLink {

  /** Sends one command and waits for its reply. */
  Object send(ProtocolCommand command, String[] arguments);

  /**
   * Sends one blocking command (BLPOP, ...) that may wait {@code blockMillis} on the server ({@code
   * Long.MAX_VALUE}: for ever), with the socket timeout extended by that much.
   */
  Object sendBlocking(ProtocolCommand command, String[] arguments, long blockMillis);

  /**
   * Sends the commands in one pipeline and waits for every reply, with the socket timeout extended
   * by {@code blockMillis} for blocking commands among them (0: none).
   */
  default void pipeline(
      ProtocolCommand[] commands,
      String[][] arguments,
      Response<Object>[] replies,
      long blockMillis) {
    pipeline(commands, arguments, replies);
  }

  /** Sends the commands in one pipeline and waits for every reply. */
  void pipeline(ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies);

  /** Sends the commands between MULTI and EXEC and waits for EXEC's reply. */
  void transaction(ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies);

  /** Sends one command whose arguments are bytes (a replayed capture's, byte for byte). */
  Object sendBytes(ProtocolCommand command, byte[][] arguments);

  /**
   * Sends one blocking command whose arguments are bytes, with the socket timeout extended by
   * {@code blockMillis}.
   */
  Object sendBlockingBytes(ProtocolCommand command, byte[][] arguments, long blockMillis);

  /** Sends commands whose arguments are bytes between MULTI and EXEC; waits for EXEC's reply. */
  void transactionBytes(
      ProtocolCommand[] commands, byte[][][] arguments, Response<Object>[] replies);
}
