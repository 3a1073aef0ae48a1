package dev.redline.pubsub;

import dev.redline.command.RedisFailure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;

/**
 * One subscriber: its own connection (a subscribed connection can run nothing else) and its own
 * thread, delivering to a {@link PubSubTracker.Receiver} until {@link #close()}. When its
 * connection fails mid-run (a restart, a failover, CLIENT KILL) it says so on the console, connects
 * again with the protocol's backoff and subscribes again, as an application would; the receiver
 * owes messages only while Redis confirms it is listening.
 */
public final class Subscriber implements AutoCloseable {
  /**
   * How long closing waits for subscribers to end (all of them together, see {@link
   * #startClosing}).
   */
  public static final Duration CLOSING_TIME = Duration.ofSeconds(2);

  private final Supplier<HostAndPort> node;
  private final JedisClientConfig config;
  private final List<String> channels;
  private final PubSubTracker.Receiver receiver;
  private final Counters counters;
  private final Duration backoffMin;
  private final Duration backoffMax;
  private final Thread thread;
  private final CountDownLatch firstConfirmation = new CountDownLatch(1);
  private volatile JedisPubSub listener;
  private volatile boolean closing;
  private volatile RuntimeException firstFailure;
  private volatile long lostAtNanos;
  private JedisPubSub unsubscribed;

  /**
   * The cross-check's counters of what subscribers send (SUBSCRIBE also when subscribing again).
   */
  public record Counters(LongAdder subscribes, LongAdder unsubscribes) {}

  /**
   * Subscribes to the channels and waits (up to {@code confirmTimeout}) until Redis confirms.
   *
   * @param node where to subscribe (asked again on every reconnection)
   * @param backoffMin first wait before connecting again after a failure (doubles up to {@code
   *     backoffMax})
   */
  public Subscriber(
      Supplier<HostAndPort> node,
      Duration confirmTimeout,
      JedisClientConfig config,
      List<String> channels,
      PubSubTracker.Receiver receiver,
      Counters counters,
      Duration backoffMin,
      Duration backoffMax,
      String name) {
    this.node = node;
    this.config = config;
    this.channels = List.copyOf(channels);
    this.receiver = receiver;
    this.counters = counters;
    this.backoffMin = backoffMin;
    this.backoffMax = backoffMax;
    this.thread = new Thread(this::listen, name);
    thread.setDaemon(true);
    thread.start();
    try {
      if (!firstConfirmation.await(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new IllegalStateException("SUBSCRIBE was not confirmed within the socket timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while subscribing");
    }
    if (firstFailure != null) {
      close();
      throw firstFailure;
    }
  }

  /**
   * The subscriber thread: subscribe, and after a lost connection subscribe again, until closed.
   */
  private void listen() {
    int failures = 0;
    while (!closing) {
      JedisPubSub current = newListener();
      listener = current;
      Jedis jedis = null;
      try {
        jedis = new Jedis(node.get(), config);
        if (!closing) {
          jedis.subscribe(current, channels.toArray(String[]::new)); // returns once unsubscribed
        }
        return;
      } catch (RuntimeException e) {
        if (firstConfirmation.getCount() > 0) {
          firstFailure = e;
          firstConfirmation.countDown();
          return;
        }
        if (closing) {
          return;
        }
        if (lostAtNanos == 0) {
          lostAtNanos = System.nanoTime();
          System.out.println(
              "Redline: subscriber "
                  + Thread.currentThread().getName()
                  + " lost its connection ("
                  + RedisFailure.of(e).kind()
                  + "); subscribing again");
        }
        failures = current.isSubscribed() ? 1 : failures + 1;
        LockSupport.parkNanos(
            Math.min(backoffMax.toNanos(), backoffMin.toNanos() << Math.min(20, failures - 1)));
      } finally {
        // under the lock unsubscribe() holds while it writes: the reply to UNSUBSCRIBE can come
        // back before that write has reset Jedis's output buffer, and closing flushes that buffer,
        // which would send UNSUBSCRIBE a second time
        synchronized (this) {
          if (jedis != null) {
            jedis.close();
          }
        }
        receiver.stoppedListening();
      }
    }
  }

  private JedisPubSub newListener() {
    return new JedisPubSub() {
      @Override
      public void onMessage(String channel, String message) {
        receiver.receive(message);
      }

      @Override
      public void onSubscribe(String channel, int count) {
        if (count == channels.size()) {
          counters.subscribes().increment();
          receiver.listening(channels);
          firstConfirmation.countDown();
          if (lostAtNanos != 0) {
            System.out.printf(
                Locale.ROOT,
                "Redline: subscriber %s listens again, %d ms after losing its connection%n",
                Thread.currentThread().getName(),
                (System.nanoTime() - lostAtNanos) / 1_000_000);
            lostAtNanos = 0;
          }
          if (closing) {
            Subscriber.this.unsubscribe(
                this); // confirmed just as closing began: end it here, or it would listen until the
            // JVM exits
          }
        }
      }
    };
  }

  /**
   * Starts closing without waiting: unsubscribes and stops subscribing again. Closing many
   * subscribers calls this on each, then {@link #awaitClosed} with one deadline for all, so that an
   * outage at the end (connects that take their timeout) costs that time once, not once each.
   */
  public void startClosing() {
    closing = true;
    unsubscribe(listener);
    thread.interrupt();
  }

  /**
   * Waits until the subscriber thread has ended or {@code deadlineNanos} ({@code
   * System.nanoTime()}) has passed; a subscription made while closing began is ended too. The
   * thread is a daemon: one still connecting at the deadline does not keep the JVM alive.
   */
  public void awaitClosed(long deadlineNanos) {
    try {
      thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
      if (thread.isAlive()) {
        unsubscribe(listener); // it was connecting again while closing began
        thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unsubscribes and closes the connection, waiting up to {@link #CLOSING_TIME}. */
  @Override
  public void close() {
    startClosing();
    awaitClosed(System.nanoTime() + CLOSING_TIME.toNanos());
  }

  private synchronized void unsubscribe(JedisPubSub current) {
    if (current == null || current == unsubscribed) {
      return; // once per subscription: a second UNSUBSCRIBE racing the connection's close may reach
      // the server uncounted
    }
    try {
      if (current.isSubscribed()) {
        unsubscribed = current;
        current.unsubscribe();
        counters.unsubscribes().increment(); // the server counts it: so does the cross-check
      }
    } catch (RuntimeException e) {
      RedisFailure.of(e); // the connection may already be gone; closing it is all that is left
    }
  }
}
