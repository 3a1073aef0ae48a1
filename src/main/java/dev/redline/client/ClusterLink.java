package dev.redline.client;

import java.util.concurrent.ExecutorService;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A link through a client instance's Jedis cluster client (its own pools per node). Each command
 * is routed by the slot of its keys; Jedis follows MOVED and ASK. A command or transaction whose
 * keys hash to different slots fails before it is sent, with a {@code CROSSSLOT} error that names
 * the keys and their slots. Pipelines are split by node by Jedis and the nodes are read in
 * parallel on the client's pipeline threads.
 */
final class ClusterLink implements RedisLink {
  private final JedisCluster cluster;
  private final CommandKeys keys;
  private final ExecutorService pipelineThreads;

  ClusterLink(JedisCluster cluster, CommandKeys keys, ExecutorService pipelineThreads) {
    this.cluster = cluster;
    this.keys = keys;
    this.pipelineThreads = pipelineThreads;
  }

  @Override
  public Object send(ProtocolCommand command, String[] arguments) {
    return cluster.executeCommand(commandObject(command, arguments));
  }

  @Override
  public void pipeline(ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    try (ClusterPipeline pipeline = cluster.pipelined(pipelineThreads)) {
      for (int i = 0; i < replies.length; i++) {
        replies[i] = pipeline.executeCommand(commandObject(commands[i], arguments[i]));
      }
      pipeline.sync();
    }
  }

  @Override
  public void transaction(ProtocolCommand[] commands, String[][] arguments, Response<Object>[] replies) {
    int slot = -1;
    String slotKey = null;
    for (int c = 0; c < commands.length; c++) {
      for (int position : keys.keyPositions(commands[c], arguments[c])) {
        String key = arguments[c][position];
        int keySlot = JedisClusterCRC16.getSlot(key);
        if (slot == -1) {
          slot = keySlot;
          slotKey = key;
        } else if (keySlot != slot) {
          throw crossSlot("the transaction's keys", slotKey, slot, key, keySlot);
        }
      }
    }
    try (Connection connection = cluster.getConnectionFromSlot(Math.max(slot, 0))) {
      Transaction transaction = new Transaction(connection);
      for (int i = 0; i < replies.length; i++) {
        replies[i] = transaction.executeCommand(commandObject(commands[i], arguments[i]));
      }
      transaction.exec();
    }
  }

  private CommandObject<Object> commandObject(ProtocolCommand command, String[] arguments) {
    int[] keyPositions = keys.keyPositions(command, arguments);
    CommandArguments args = new CommandArguments(command);
    int k = 0;
    int slot = -1;
    for (int i = 0; i < arguments.length; i++) {
      if (k < keyPositions.length && keyPositions[k] == i) {
        k++;
        int keySlot = JedisClusterCRC16.getSlot(arguments[i]);
        if (slot != -1 && keySlot != slot) {
          throw crossSlot("the keys of " + new String(command.getRaw(), java.nio.charset.StandardCharsets.UTF_8),
              arguments[keyPositions[0]], slot, arguments[i], keySlot);
        }
        slot = keySlot;
        args.key(arguments[i]);
      } else {
        args.add(arguments[i]);
      }
    }
    return new CommandObject<>(args, BuilderFactory.RAW_OBJECT);
  }

  private static JedisDataException crossSlot(String what, String firstKey, int firstSlot, String key, int keySlot) {
    return new JedisDataException("CROSSSLOT " + what + " hash to different slots ('" + firstKey + "' to " + firstSlot
        + ", '" + key + "' to " + keySlot + "); in a cluster they must share a hash tag, e.g. {user1}:a and {user1}:b");
  }
}
