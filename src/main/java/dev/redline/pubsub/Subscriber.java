package dev.redline.pubsub;

import dev.redline.command.RedisFailure;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;

/**
 * One subscriber: its own connection (a subscribed connection can run nothing else) and its own
 * thread, delivering to a {@link PubSubTracker.Receiver} until {@link #close()}.
 */
public final class Subscriber implements AutoCloseable {
  private final Jedis jedis;
  private final JedisPubSub listener;
  private final Thread thread;
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private volatile RuntimeException failure;

  /** Subscribes to the channels and waits (up to the socket timeout) until Redis confirms. */
  public Subscriber(HostAndPort node, java.time.Duration confirmTimeout, JedisClientConfig config, List<String> channels,
      PubSubTracker.Receiver receiver, String name) {
    this.jedis = new Jedis(node, config);
    this.listener = new JedisPubSub() {
      @Override
      public void onMessage(String channel, String message) {
        receiver.receive(message);
      }

      @Override
      public void onSubscribe(String channel, int count) {
        if (count == channels.size()) {
          subscribed.countDown();
        }
      }
    };
    this.thread = new Thread(() -> {
      try {
        jedis.subscribe(listener, channels.toArray(String[]::new));
      } catch (RuntimeException e) {
        failure = e;
        subscribed.countDown();
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    try {
      if (!subscribed.await(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new IllegalStateException("SUBSCRIBE was not confirmed within the socket timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing");
    }
    if (failure != null) {
      close();
      throw failure;
    }
  }

  /** Unsubscribes and closes the connection. */
  @Override
  public void close() {
    try {
      if (listener.isSubscribed()) {
        listener.unsubscribe();
      }
    } catch (RuntimeException e) {
      RedisFailure.of(e); // the connection may already be gone; closing it is all that is left
    }
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    jedis.close();
  }
}
