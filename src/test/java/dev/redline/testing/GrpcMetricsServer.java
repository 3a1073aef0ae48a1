package dev.redline.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrame;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A gRPC endpoint over cleartext HTTP/2 (prior knowledge), enough to receive OTLP/gRPC exports:
 * each unary call's message (a 5-byte gRPC frame header, then the protobuf bytes) goes to {@code
 * onMessage}; the answer is an empty message and {@code grpc-status: 0}.
 */
final class GrpcMetricsServer implements AutoCloseable {
  private final MultiThreadIoEventLoopGroup loops =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;

  GrpcMetricsServer(Consumer<byte[]> onMessage) throws InterruptedException {
    server =
        new ServerBootstrap()
            .group(loops)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            Http2FrameCodecBuilder.forServer().build(),
                            new Http2MultiplexHandler(
                                new ChannelInitializer<Http2StreamChannel>() {
                                  @Override
                                  protected void initChannel(Http2StreamChannel stream) {
                                    stream.pipeline().addLast(new UnaryCall(onMessage));
                                  }
                                }));
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One call on one stream: collects the request's data, answers at its end. */
  private static final class UnaryCall extends SimpleChannelInboundHandler<Http2StreamFrame> {
    private final Consumer<byte[]> onMessage;
    private final ByteBuf body = Unpooled.buffer();

    UnaryCall(Consumer<byte[]> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
      boolean end = false;
      if (frame instanceof Http2DataFrame data) {
        body.writeBytes(data.content());
        end = data.isEndStream();
      } else if (frame instanceof Http2HeadersFrame headers) {
        end = headers.isEndStream();
      }
      if (!end) {
        return;
      }
      body.skipBytes(1); // compressed flag: the exporter sends uncompressed messages by default
      byte[] message = new byte[body.readInt()];
      body.readBytes(message);
      body.release();
      onMessage.accept(message);
      ctx.write(
          new DefaultHttp2HeadersFrame(
              new DefaultHttp2Headers().status("200").set("content-type", "application/grpc")));
      ctx.write(
          new DefaultHttp2DataFrame(
              Unpooled.wrappedBuffer(new byte[5]))); // an empty ExportMetricsServiceResponse
      ctx.writeAndFlush(
          new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().set("grpc-status", "0"), true));
    }
  }
}
