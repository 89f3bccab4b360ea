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
final class NettyServers {

    private NettyServers() {
    }

    static EventLoopGroup group(String name) {
        return new NioEventLoopGroup(1, new DefaultThreadFactory("skydas-" + name, true));
    }

    static Channel tcp(EventLoopGroup group, String host, int port, Supplier<ChannelHandler> perConnection)
            throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
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
