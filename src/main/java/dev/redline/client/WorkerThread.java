package dev.redline.client;

import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * A client's worker thread, the thread of one netty event loop (a {@link FastThreadLocalThread}, as
 * netty's own loop threads are, for netty's thread-locals). It counts how deep requests run inline
 * on its stack, so that a user's chain goes from one Redis request to the next without a trip
 * through the task queue, yet unwinds every {@link #MAX_INLINE_DEPTH} requests (a loop of requests
 * never overflows the stack, and the other users of the worker get their turn).
 */
final class WorkerThread extends FastThreadLocalThread {
  /** How many requests may run nested on one stack before the next is queued instead. */
  static final int MAX_INLINE_DEPTH = 16;

  private int depth;

  WorkerThread(Runnable task, String name) {
    super(task, name);
    setDaemon(true);
  }

  /** The calling thread, when it is a worker that may run one more request inline; else null. */
  static WorkerThread inlineCapable() {
    return Thread.currentThread() instanceof WorkerThread worker && worker.depth < MAX_INLINE_DEPTH
        ? worker
        : null;
  }

  /** Runs a task on this (the current) thread, one level deeper. */
  void runNested(Runnable task) {
    depth++;
    try {
      task.run();
    } finally {
      depth--;
    }
  }
}
