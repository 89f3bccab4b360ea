package org.skydas.ingest.listen;

import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.remoteid.OdidDecoder;
import org.skydas.ingest.remoteid.OdidMessage;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * Open Drone ID (ASTM F3411) messages forwarded by Remote ID receivers over UDP. There is no standard network
 * protocol for this, so Skydas takes the simplest faithful one: each datagram carries what one receiver heard
 * from one drone in one broadcast, as the 25-byte F3411 messages themselves — a single message or a message pack
 * (type 0xF) — without the Bluetooth/Wi-Fi framing, which the receiver has already checked (its CRC verdict is
 * the receiver's business). The sending receiver is known by the datagram's source address.
 */
public final class RemoteIdListener implements AutoCloseable {

    private final EventLoopGroup group = NettyServers.group("remoteid");
    private final ListenerStats stats = new ListenerStats("remoteid-udp");
    private final Channel udp;

    private RemoteIdListener(String host, int port, Sink<Received<OdidMessage>> sink) throws InterruptedException {
        try {
            udp = NettyServers.udp(group, host, port, new Handler(sink));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    public static RemoteIdListener start(String host, int port, Sink<Received<OdidMessage>> sink)
            throws InterruptedException {
        return new RemoteIdListener(host, port, sink);
    }

    public int port() {
        return NettyServers.port(udp);
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final OdidDecoder decoder = new OdidDecoder();
        private final Sink<Received<OdidMessage>> sink;

        Handler(Sink<Received<OdidMessage>> sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] bytes = ByteBufUtil.getBytes(packet.content());
            long now = System.currentTimeMillis();
            stats.received();
            OdidMessage m;
            try {
                m = decoder.decode(bytes);
            } catch (DecodeException e) {
                stats.malformed(CotListener.reason(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                // A decoder bug must not take the listener down: count it under its own name.
                stats.malformed("decoder failure: " + e.getClass().getSimpleName());
                return;
            }
            stats.decoded();
            if (!sink.offer(new Received<>(m, "remoteid-udp", packet.sender(), now))) {
                stats.dropped();
            }
        }
    }

    /** Whether it is still listening (for /api/health). */
    public boolean isOpen() {
        return udp.isActive();
    }

    @Override
    public void close() {
        udp.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
