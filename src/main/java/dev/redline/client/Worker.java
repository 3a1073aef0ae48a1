package dev.redline.client;

import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread of a client: runs the blocking Jedis calls of the virtual users pinned to it,
 * so that Gatling's event loops never block on Redis.
 *
 * <p>Tasks submitted from another thread (an event loop) go through a blocking queue. A task
 * submitted by the worker itself — the next Redis request of a user whose previous request just
 * finished here — goes to a thread-confined local queue and runs next without any thread hand-off
 * or wake-up.
 */
final class Worker extends Thread {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final Runnable STOP = () -> {};

  private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final ArrayDeque<Runnable> local = new ArrayDeque<>();

  Worker(String name) {
    super(name);
    setDaemon(true);
  }

  /** Queues a task; never blocks and never runs the task on the caller's thread. */
  void submit(Runnable task) {
    if (Thread.currentThread() == this) {
      local.addLast(task);
    } else {
      inbox.add(task);
    }
  }

  /** True on this worker's own thread. */
  boolean isCurrent() {
    return Thread.currentThread() == this;
  }

  @Override
  public void run() {
    while (true) {
      Runnable task = local.pollFirst();
      if (task == null) {
        try {
          task = inbox.take();
        } catch (InterruptedException e) {
          return;
        }
      }
      if (task == STOP) {
        return;
      }
      try {
        task.run();
      } catch (Throwable t) {
        LOG.error("Redline worker task failed; the worker goes on", t);
      }
    }
  }

  /** Lets queued tasks finish, then stops; waits at most {@code timeoutMillis}. */
  void stopAndJoin(long timeoutMillis) {
    inbox.add(STOP);
    try {
      join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (isAlive()) {
      interrupt();
    }
  }

}
