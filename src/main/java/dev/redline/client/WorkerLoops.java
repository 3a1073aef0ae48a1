package dev.redline.client;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * A client's workers: netty I/O event loops that run their users' tasks and poll I/O and timers
 * again once {@link #IO_EVERY_MILLIS} ms of tasks have run (netty checks the time every 64 tasks).
 * A user in a loop of Redis requests queues its next iteration at once, so its worker's task queue
 * is rarely empty; with netty's default quantum (1 s) an HTTP response or a pause's end of another
 * user on the same worker could wait that long behind it.
 */
final class WorkerLoops extends MultiThreadIoEventLoopGroup {
  /** How long a worker runs queued tasks before it polls I/O and due timers again. */
  static final long IO_EVERY_MILLIS = 1;

  WorkerLoops(int workers, ThreadFactory threads, IoHandlerFactory io) {
    super(workers, threads, io);
  }

  @Override
  protected IoEventLoop newChild(Executor executor, IoHandlerFactory io, Object... args) {
    return new SingleThreadIoEventLoop(
        this, executor, io, Integer.MAX_VALUE, RejectedExecutionHandlers.reject(), IO_EVERY_MILLIS);
  }
}
