package org.skydas.ingest.listen;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.skydas.ingest.stanag4607.Gmti;
import org.skydas.ingest.stanag4607.Gmti4607Stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * STANAG 4607 GMTI in, over TCP and UDP on one port number: a stream of packets each as long as its header says
 * ({@link Gmti4607Stream}), the Mission segment's reference date kept per connection (TCP) or per sender (UDP).
 * Packets that do not decode are counted by reason and skipped; a packet size that cannot be right closes that TCP
 * connection (counted), as the stream cannot be resynchronised.
 */
public final class GmtiListener implements AutoCloseable {

    /** Longest packet accepted. */
    public static final int MAX_PACKET_BYTES = 1 << 20;
    private static final int MAX_UDP_SENDERS = 1024;

    private final EventLoopGroup group = NettyServers.group("gmti");
    private final ListenerStats tcpStats = new ListenerStats("gmti-tcp");
    private final ListenerStats udpStats = new ListenerStats("gmti-udp");
    private final Channel tcp;
    private final Channel udp;

    private GmtiListener(String host, int port, Sink<Received<Gmti.Packet>> sink, TcpOptions options, String udpHost)
            throws InterruptedException {
        try {
            tcp = NettyServers.tcp(group, host, port, options, tcpStats, () -> new StreamHandler(sink));
            udp = NettyServers.udp(group, udpHost, NettyServers.port(tcp), new DatagramHandler(sink));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** TCP on {@code host:port} (0: any free), UDP on {@code udpHost} and the same port number. */
    public static GmtiListener start(String host, int port, Sink<Received<Gmti.Packet>> sink, TcpOptions options,
                                     String udpHost) throws InterruptedException {
        return new GmtiListener(host, port, sink, options, udpHost);
    }

    public int port() {
        return NettyServers.port(tcp);
    }

    public int udpPort() {
        return NettyServers.port(udp);
    }

    public List<ListenerStats> stats() {
        return List.of(tcpStats, udpStats);
    }

    public boolean isOpen() {
        return tcp.isActive() && udp.isActive();
    }

    private static Gmti4607Stream.Handler handler(ListenerStats stats, InetSocketAddress peer,
                                                  Sink<Received<Gmti.Packet>> sink) {
        return new Gmti4607Stream.Handler() {
            @Override
            public void packet(Gmti.Packet p) {
                stats.received();
                stats.decoded();
                if (!sink.offer(new Received<>(p, stats.name(), peer, System.currentTimeMillis()))) {
                    stats.dropped();
                }
            }

            @Override
            public void malformed(String reason) {
                stats.received();
                stats.malformed(CotListener.reason(reason));
            }
        };
    }

    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        private final Gmti4607Stream stream = new Gmti4607Stream(MAX_PACKET_BYTES);
        private final Sink<Received<Gmti.Packet>> sink;

        StreamHandler(Sink<Received<Gmti.Packet>> sink) {
            this.sink = sink;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] bytes = ByteBufUtil.getBytes(buf);
                stream.feed(bytes, 0, bytes.length,
                        handler(tcpStats, (InetSocketAddress) ctx.channel().remoteAddress(), sink));
                if (stream.stopped() != null) {
                    ctx.close();
                }
            } finally {
                buf.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            tcpStats.malformed("connection error: " + cause.getClass().getSimpleName());
            ctx.close();
        }
    }

    private final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Sink<Received<Gmti.Packet>> sink;
        /** Per sender, its stream (for the Mission date); the oldest forgotten past a bound. */
        private final Map<InetSocketAddress, Gmti4607Stream> senders = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Gmti4607Stream> eldest) {
                return size() > MAX_UDP_SENDERS;
            }
        };

        DatagramHandler(Sink<Received<Gmti.Packet>> sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] bytes = ByteBufUtil.getBytes(packet.content());
            Gmti4607Stream s = senders.computeIfAbsent(packet.sender(), k -> new Gmti4607Stream(MAX_PACKET_BYTES));
            s.feed(bytes, 0, bytes.length, handler(udpStats, packet.sender(), sink));
            if (s.stopped() != null || s.buffered() > 0) {
                // A datagram holds whole packets: what is left over is a fault, and the next datagram starts afresh.
                if (s.stopped() == null) {
                    udpStats.received();
                    udpStats.malformed("truncated packet in datagram");
                }
                senders.put(packet.sender(), new Gmti4607Stream(MAX_PACKET_BYTES, s.referenceDate()));
            }
        }
    }

    @Override
    public void close() {
        tcp.close().syncUninterruptibly();
        udp.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
