package org.skydas.ingest.listen;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Small helpers to bind Netty TCP and UDP servers on one shared, small event loop. */
public final class NettyServers {

    private NettyServers() {
    }

    static EventLoopGroup group(String name) {
        return new NioEventLoopGroup(1, new DefaultThreadFactory("skydas-" + name, true));
    }

    /**
     * A TCP server whose connections pass, in order: the connection cap, TLS (when {@code options} has it),
     * the idle timeout, then {@code perConnection}'s handler. Refusals, idle closes and failed handshakes
     * are counted in {@code stats}; none of them is fatal to the listener.
     */
    public static Channel tcp(EventLoopGroup group, String host, int port, TcpOptions options, ListenerStats stats,
                       Supplier<ChannelHandler> perConnection) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (open.incrementAndGet() > options.maxConnections()) {
                            open.decrementAndGet();
                            stats.connectionRefused();
                            ch.close();
                            return;
                        }
                        stats.connectionAccepted();
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        if (options.tls() != null) {
                            io.netty.handler.ssl.SslHandler ssl = options.tls().newHandler(ch.alloc());
                            ssl.setHandshakeTimeoutMillis(10_000);
                            ssl.handshakeFuture().addListener(f -> {
                                if (!f.isSuccess()) {
                                    stats.tlsFailed();
                                    ch.close();
                                }
                            });
                            ch.pipeline().addLast("tls", ssl);
                        }
                        if (options.idleSeconds() > 0) {
                            ch.pipeline().addLast("idle", new io.netty.handler.timeout.IdleStateHandler(
                                    options.idleSeconds(), 0, 0));
                            ch.pipeline().addLast("idle-close", new io.netty.channel.ChannelInboundHandlerAdapter() {
                                @Override
                                public void userEventTriggered(io.netty.channel.ChannelHandlerContext ctx, Object evt)
                                        throws Exception {
                                    if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
                                        stats.idleClosed();
                                        ctx.close();
                                    } else {
                                        super.userEventTriggered(ctx, evt);
                                    }
                                }
                            });
                        }
                        ch.pipeline().addLast(perConnection.get());
                    }
                })
                .bind(new InetSocketAddress(host, port)).sync().channel();
    }

    static Channel udp(EventLoopGroup group, String host, int port, ChannelHandler handler) throws InterruptedException {
        return new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .handler(handler)
                .bind(new InetSocketAddress(host, port)).sync().channel();
    }

    static int port(Channel ch) {
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }
}
