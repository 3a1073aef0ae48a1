package dev.redline.client;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;

/**
 * The netty I/O transport of the workers' event loops: the one Gatling runs its own loops with
 * ({@code gatling.netty.useNativeTransport}, {@code gatling.netty.useIoUring}), chosen the way
 * Gatling chooses it. A virtual user lives on its Redis worker; with the same transport Gatling's
 * HTTP client (or any netty-based protocol) opens the user's channels on that worker too, so an
 * HTTP request between two Redis requests just works.
 *
 * @param nativeTransport use epoll (or io_uring) where the platform has it
 * @param ioUring prefer io_uring over epoll where it is available
 */
public record LoopTransport(boolean nativeTransport, boolean ioUring) {
  /** Java NIO, on any platform (for clients made outside a Gatling run). */
  public static final LoopTransport NIO = new LoopTransport(false, false);

  /** The I/O handlers of the workers' loops. */
  IoHandlerFactory ioHandlers() {
    if (nativeTransport) {
      if (ioUring && IoUring.isAvailable()) {
        return IoUringIoHandler.newFactory();
      }
      if (Epoll.isAvailable()) {
        return EpollIoHandler.newFactory();
      }
    }
    return NioIoHandler.newFactory();
  }
}
