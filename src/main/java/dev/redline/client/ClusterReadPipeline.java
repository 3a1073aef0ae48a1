package dev.redline.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/**
 * A cluster batch of reads only (read_from replica or any): each command to a read node of its
 * key's slot, one pipeline per node; the nodes are read in parallel, the first on the worker. A
 * keyless read goes to a node of slot 0's.
 */
final class ClusterReadPipeline {
  private final ClusterReads reads;
  private final NodeOutages outages;
  private final ClusterConnectionProvider slots;
  private final ExecutorService pipelineThreads;

  ClusterReadPipeline(
      ClusterReads reads,
      NodeOutages outages,
      ClusterConnectionProvider slots,
      ExecutorService pipelineThreads) {
    this.reads = reads;
    this.outages = outages;
    this.slots = slots;
    this.pipelineThreads = pipelineThreads;
  }

  /** Sends the commands and reads every reply into {@code replies}. */
  void run(CommandObject<Object>[] objects, Response<Object>[] replies) {
    // in one order of nodes for every request: two workers that share a pool of fewer connections
    // than workers never each hold one node's connection while waiting for the other's
    Map<ClusterReads.ReadNode, List<Integer>> byNode =
        new TreeMap<>(
            Comparator.comparing((ClusterReads.ReadNode n) -> n.node().getHost())
                .thenComparingInt(n -> n.node().getPort()));
    for (int i = 0; i < objects.length; i++) {
      ClusterReads.ReadNode node = reads.nodeFor(Math.max(ClusterLink.slotOf(objects[i]), 0));
      byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
    }
    List<Connection> connections = new ArrayList<>();
    try {
      // every node checked before anything is queued: no connection goes back with a half batch
      for (ClusterReads.ReadNode node : byNode.keySet()) {
        outages.checkUp(node.node());
      }
      for (ClusterReads.ReadNode node : byNode.keySet()) {
        try {
          connections.add(node.pool().getResource());
        } catch (JedisConnectionException e) {
          outages.failed(node.node());
          slots.renewSlotCache();
          throw e;
        }
      }
      List<Runnable> syncs = new ArrayList<>();
      boolean[] unread = new boolean[connections.size()]; // queued and not read to its end
      try {
        int n = 0;
        for (Map.Entry<ClusterReads.ReadNode, List<Integer>> group : byNode.entrySet()) {
          HostAndPort node = group.getKey().node();
          LongAdder sent = group.getKey().sent();
          int index = n++;
          int size = group.getValue().size();
          Pipeline pipeline = new Pipeline(connections.get(index));
          syncs.add(
              () -> {
                try {
                  pipeline.sync();
                  unread[index] = false;
                  sent.add(size);
                  outages.answered(node);
                } catch (JedisConnectionException e) {
                  outages.failed(node);
                  throw e;
                }
              });
          unread[index] = true;
          for (int i : group.getValue()) {
            replies[i] = pipeline.appendCommand(objects[i]);
          }
        }
        syncAll(syncs);
      } catch (RuntimeException e) {
        // a connection whose batch was not read to its end must never serve another request
        for (int k = 0; k < unread.length; k++) {
          if (unread[k]) {
            connections.get(k).setBroken();
          }
        }
        if (e instanceof JedisConnectionException) {
          slots.renewSlotCache();
        }
        throw e;
      }
    } finally {
      connections.forEach(Connection::close);
    }
  }

  /**
   * Reads every node's pipeline: the first on this thread, the others on the pipeline threads (on
   * this one too when those take no more work); waits for all before it throws the first failure.
   */
  private void syncAll(List<Runnable> syncs) {
    List<Future<?>> others = new ArrayList<>();
    List<Runnable> here = new ArrayList<>(List.of(syncs.get(0)));
    for (Runnable sync : syncs.subList(1, syncs.size())) {
      try {
        others.add(pipelineThreads.submit(sync));
      } catch (RejectedExecutionException shuttingDown) {
        here.add(sync);
      }
    }
    RuntimeException failure = null;
    for (Runnable sync : here) {
      try {
        sync.run();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    for (Future<?> other : others) { // every one, before any goes back
      try {
        awaitSync(other);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void awaitSync(Future<?> sync) {
    try {
      sync.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a node's pipeline", e);
    }
  }
}
