package org.skydas.ingest.listen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.List;

import org.skydas.ingest.asterix.AsterixDecoder;
import org.skydas.ingest.asterix.AsterixRecord;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;

/**
 * ASTERIX over UDP, unicast or multicast. Each datagram is decoded on the I/O thread; every record
 * goes to the consumer (the record view is reused: the consumer must copy what it keeps), and a
 * datagram with undecodable parts counts as malformed with the first reason, after its good records.
 */
public final class AsterixListener implements AutoCloseable {

    /** Receives the records of one datagram; {@code record} is valid only during the call. */
    @FunctionalInterface
    public interface RecordSink {
        boolean offer(AsterixRecord record, InetSocketAddress peer, long receivedAtMillis);
    }

    private final EventLoopGroup group = NettyServers.group("asterix");
    private final ListenerStats stats = new ListenerStats("asterix-udp");
    private final Channel udp;

    private AsterixListener(String host, int port, String multicastGroup, String networkInterface, RecordSink sink)
            throws Exception {
        try {
            udp = NettyServers.udp(group, multicastGroup != null ? "0.0.0.0" : host, port, new Handler(sink));
            if (multicastGroup != null) {
                NetworkInterface nif = networkInterface != null ? NetworkInterface.getByName(networkInterface)
                        : NetworkInterface.getByInetAddress(InetAddress.getByName(host));
                if (nif == null) {
                    throw new IllegalArgumentException("no network interface for multicast on " + host);
                }
                ((DatagramChannel) udp).joinGroup(new InetSocketAddress(InetAddress.getByName(multicastGroup), port), nif).sync();
            }
        } catch (Exception e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** Unicast on host:port. */
    public static AsterixListener start(String host, int port, RecordSink sink) throws Exception {
        return new AsterixListener(host, port, null, null, sink);
    }

    /** Joins {@code multicastGroup} on {@code networkInterface} (by name) and listens on its port. */
    public static AsterixListener startMulticast(String multicastGroup, int port, String networkInterface,
                                                 RecordSink sink) throws Exception {
        return new AsterixListener("0.0.0.0", port, multicastGroup, networkInterface, sink);
    }

    public int port() {
        return NettyServers.port(udp);
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final AsterixDecoder decoder = new AsterixDecoder();
        private final RecordSink sink;

        Handler(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] bytes = ByteBufUtil.getBytes(packet.content());
            long now = System.currentTimeMillis();
            stats.received();
            String[] firstError = new String[1];
            int[] good = new int[1];
            decoder.decode(bytes, 0, bytes.length, new AsterixDecoder.Listener() {
                @Override
                public void record(AsterixRecord record) {
                    good[0]++;
                    if (!sink.offer(record, packet.sender(), now)) {
                        stats.dropped();
                    }
                }

                @Override
                public void error(int offset, String reason) {
                    if (firstError[0] == null) {
                        firstError[0] = reason;
                    }
                }
            });
            if (firstError[0] != null) {
                stats.malformed(CotListener.reason(firstError[0]));
            } else if (good[0] == 0) {
                stats.malformed("no ASTERIX record in the datagram");
            } else {
                stats.decoded();
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
