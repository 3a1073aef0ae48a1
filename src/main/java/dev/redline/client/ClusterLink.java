package dev.redline.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A link through a client instance's Jedis cluster client (its own pools per node). Each command is
 * routed by the slot of its keys; Jedis follows MOVED and ASK. A command or transaction whose keys
 * hash to different slots fails before it is sent, with a {@code CROSSSLOT} error that names the
 * keys and their slots. Pipelines are split by node by Jedis and the nodes are read in parallel on
 * the client's pipeline threads. With read_from replica or any, reads (and batches of reads only)
 * go to read nodes of their slots instead (see {@link ClusterReads}).
 */
final class ClusterLink implements RedisLink {
  private final RedisClusterClient cluster;
  private final ClusterConnectionProvider slots;
  private final NodeOutages outages;
  private final CommandKeys keys;
  private final ExecutorService pipelineThreads;
  private final ClusterReads reads;
  private final ClusterReadPipeline readPipeline;

  /**
   * @param reads where reads go with read_from replica or any; null: every command to its slot's
   *     primary
   */
  ClusterLink(
      RedisClusterClient cluster,
      ClusterConnectionProvider slots,
      NodeOutages outages,
      CommandKeys keys,
      ExecutorService pipelineThreads,
      ClusterReads reads) {
    this.reads = reads;
    this.readPipeline =
        reads == null ? null : new ClusterReadPipeline(reads, outages, slots, pipelineThreads);
    this.cluster = cluster;
    this.slots = slots;
    this.outages = outages;
    this.keys = keys;
    this.pipelineThreads = pipelineThreads;
  }

  /**
   * Sends one command to its slot's primary (a read with read_from replica or any: to a read node
   * of the slot); while that node is in an outage, fails at once instead ({@link NodeOutages}), so
   * that a dead node holds no worker and no other node's requests wait behind it.
   */
  @Override
  public Object send(ProtocolCommand command, String[] arguments) {
    return reads != null && reads.isRead(command)
        ? read(commandObject(command, arguments))
        : send(commandObject(command, arguments));
  }

  /**
   * Sends a read to a node its slot's reads go to (read_from replica or any; a keyless read: slot
   * 0's). A node in an outage fails at once, as a primary does. A node that cannot be reached, or a
   * MOVED reply (the slot moved since the map was read), is KO and has the slot map read again.
   */
  private Object read(CommandObject<Object> object) {
    ClusterReads.ReadNode target = reads.nodeFor(Math.max(slotOf(object), 0));
    outages.checkUp(target.node());
    try (Connection connection = target.pool().getResource()) {
      target.sent().increment();
      Object reply = connection.executeCommand(object);
      outages.answered(target.node());
      return reply;
    } catch (JedisConnectionException e) {
      outages.failed(target.node());
      slots.renewSlotCache();
      throw e;
    } catch (JedisMovedDataException e) {
      slots.renewSlotCache();
      throw e;
    }
  }

  /**
   * A blocking command in a cluster: Jedis lifts the node connection's socket timeout while it
   * waits (its cluster client has no per-command timeout), and restores it after.
   */
  @Override
  public Object sendBlocking(ProtocolCommand command, String[] arguments, long blockMillis) {
    CommandObject<Object> object = commandObject(command, arguments);
    object.getArguments().blocking();
    return send(object);
  }

  private Object send(CommandObject<Object> object) {
    int slot = slotOf(object);
    HostAndPort node = slot < 0 ? null : slots.getNode(slot);
    if (node == null) {
      return cluster.executeCommand(object);
    }
    outages.checkUp(node);
    try {
      countRead(object, node);
      Object reply = cluster.executeCommand(object);
      outages.answered(node);
      return reply;
    } catch (JedisConnectionException | JedisClusterOperationException e) {
      outages.failed(node);
      throw e;
    }
  }

  /**
   * With read_from replica or any, counts a read that goes to a primary all the same (in a
   * transaction, a batch with a write, a blocking read): the primary's commandstats count it too.
   */
  private void countRead(CommandObject<Object> object, HostAndPort node) {
    if (reads != null && node != null && reads.isRead(object.getArguments().getCommand())) {
      reads.sent(node, 1);
    }
  }

  /** A batch with a blocking command in it (XREAD BLOCK flags readonly) stays on the primaries. */
  @Override
  public void pipeline(
      ProtocolCommand[] commands,
      String[][] arguments,
      Response<Object>[] replies,
      long blockMillis) {
    if (blockMillis > 0) {
      primaryPipeline(commands, arguments, replies);
    } else {
      pipeline(commands, arguments, replies);
    }
  }

  @Override
  public void pipeline(
      ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    if (reads != null && reads.allRead(commands)) {
      readPipeline(commands, arguments, replies);
    } else {
      primaryPipeline(commands, arguments, replies);
    }
  }

  private void primaryPipeline(
      ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    try (ClusterPipeline pipeline = cluster.pipelined(pipelineThreads)) {
      for (int i = 0; i < replies.length; i++) {
        CommandObject<Object> object = commandObject(commands[i], arguments[i]);
        if (reads != null && slotOf(object) >= 0) {
          countRead(object, slots.getNode(slotOf(object)));
        }
        replies[i] = pipeline.executeCommand(object);
      }
      pipeline.sync();
    }
  }

  /** A batch of reads only (read_from replica or any): to read nodes of its keys' slots. */
  private void readPipeline(
      ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
    CommandObject<Object>[] objects = new CommandObject[commands.length];
    for (int i = 0; i < commands.length; i++) {
      objects[i] = commandObject(commands[i], arguments[i]);
    }
    readPipeline.run(objects, replies);
  }

  /** The slot of a command's keys (one slot: commandObject checked), or -1 for a keyless one. */
  static int slotOf(CommandObject<?> object) {
    Set<Integer> keySlots = object.getArguments().getKeyHashSlots();
    return keySlots.isEmpty() ? -1 : keySlots.iterator().next();
  }

  @Override
  public void transaction(
      ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
    CommandObject<Object>[] objects = new CommandObject[commands.length];
    for (int c = 0; c < commands.length; c++) {
      objects[c] = commandObject(commands[c], arguments[c]);
    }
    transaction(objects, replies);
  }

  @Override
  public Object sendBytes(ProtocolCommand command, byte[][] arguments) {
    return reads != null && reads.isRead(command)
        ? read(commandObject(command, arguments))
        : send(commandObject(command, arguments));
  }

  @Override
  public Object sendBlockingBytes(ProtocolCommand command, byte[][] arguments, long blockMillis) {
    CommandObject<Object> object = commandObject(command, arguments);
    object.getArguments().blocking();
    return send(object);
  }

  @Override
  public void transactionBytes(
      ProtocolCommand[] commands, byte[][][] arguments, Response<Object>[] replies) {
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: made raw, used typed
    CommandObject<Object>[] objects = new CommandObject[commands.length];
    for (int c = 0; c < commands.length; c++) {
      objects[c] = commandObject(commands[c], arguments[c]);
    }
    transaction(objects, replies);
  }

  /** The commands on their one slot's primary, between MULTI and EXEC. */
  private void transaction(CommandObject<Object>[] objects, Response<Object>[] replies) {
    int slot = -1;
    Object slotKey = null;
    for (CommandObject<Object> object : objects) {
      CommandArguments args = object.getArguments();
      if (args.isKeyless()) {
        continue;
      }
      int commandSlot = args.getKeyHashSlots().iterator().next(); // one slot: commandObject checked
      if (slot == -1) {
        slot = commandSlot;
        slotKey = args.getKeys().get(0);
      } else if (commandSlot != slot) {
        throw crossSlot(
            "the transaction's keys", slotKey, slot, args.getKeys().get(0), commandSlot);
      }
    }
    try (Connection connection = cluster.getConnectionFromSlot(Math.max(slot, 0))) {
      for (CommandObject<Object> object : objects) {
        countRead(object, connection.getHostAndPort());
      }
      Transaction transaction = new Transaction(connection);
      for (int i = 0; i < replies.length; i++) {
        replies[i] = transaction.executeCommand(objects[i]);
      }
      transaction.exec();
    }
  }

  /**
   * The command with its keys marked, so that Jedis routes it by their slot (which it computes once
   * and caches in the arguments); keys of different slots fail here, before sending.
   */
  private CommandObject<Object> commandObject(ProtocolCommand command, String[] arguments) {
    return commandObject(command, arguments, arguments);
  }

  /** The same for arguments given as bytes (read as ISO-8859-1 where the keys are looked for). */
  private CommandObject<Object> commandObject(ProtocolCommand command, byte[][] arguments) {
    String[] text = new String[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      text[i] = new String(arguments[i], StandardCharsets.ISO_8859_1);
    }
    return commandObject(command, text, arguments);
  }

  private CommandObject<Object> commandObject(
      ProtocolCommand command, String[] text, Object[] arguments) {
    int[] keyPositions = keys.keyPositions(command, text);
    CommandArguments args = new CommandArguments(command);
    int k = 0;
    for (int i = 0; i < arguments.length; i++) {
      if (k < keyPositions.length && keyPositions[k] == i) {
        k++;
        args.key(arguments[i]);
      } else {
        args.add(arguments[i]);
      }
    }
    if (keyPositions.length > 1 && args.getKeyHashSlots().size() > 1) {
      throw crossSlot(
          "the keys of " + new String(command.getRaw(), StandardCharsets.UTF_8), args.getKeys());
    }
    return new CommandObject<>(args, BuilderFactory.RAW_OBJECT);
  }

  /** The first key, and the first key after it that hashes to another slot. */
  private static JedisDataException crossSlot(String what, List<Object> keys) {
    Object first = keys.get(0);
    int firstSlot = slotOf(first);
    for (Object key : keys) {
      int keySlot = slotOf(key);
      if (keySlot != firstSlot) {
        return crossSlot(what, first, firstSlot, key, keySlot);
      }
    }
    throw new IllegalStateException("keys of one slot reported as several: " + keys);
  }

  private static int slotOf(Object key) {
    return key instanceof byte[] bytes
        ? JedisClusterCRC16.getSlot(bytes)
        : JedisClusterCRC16.getSlot(String.valueOf(key));
  }

  private static String shown(Object key) {
    return key instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.ISO_8859_1)
        : String.valueOf(key);
  }

  private static JedisDataException crossSlot(
      String what, Object firstKey, int firstSlot, Object key, int keySlot) {
    return new JedisDataException(
        "CROSSSLOT "
            + what
            + " hash to different slots ('"
            + shown(firstKey)
            + "' to "
            + firstSlot
            + ", '"
            + shown(key)
            + "' to "
            + keySlot
            + "); in a cluster they must share a hash tag, e.g. {user1}:a and {user1}:b");
  }
}
