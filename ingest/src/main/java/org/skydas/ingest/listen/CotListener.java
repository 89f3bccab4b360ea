package org.skydas.ingest.listen;

import java.net.InetSocketAddress;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotStreamSplitter;
import org.skydas.ingest.cot.CotXmlParser;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * Cursor-on-Target in: XML events over TCP (a stream of {@code <event>}s, split after each
 * {@code </event>}) and over UDP (one event per datagram), on the same port number (TAK's default is
 * 8087). Malformed events are counted by reason and skipped; the connection stays open.
 */
public final class CotListener implements AutoCloseable {

    /** Longest event accepted on a stream; longer ones are skipped and counted. */
    static final int MAX_EVENT_BYTES = 256 * 1024;

    private final EventLoopGroup group = NettyServers.group("cot");
    private final ListenerStats tcpStats = new ListenerStats("cot-tcp");
    private final ListenerStats udpStats = new ListenerStats("cot-udp");
    private final Channel tcp;
    private final Channel udp;

    private CotListener(String host, int port, Sink<Received<CotEvent>> sink, TcpOptions options)
            throws InterruptedException {
        // Port 0: let TCP pick, then bind UDP to the same number.
        this(host, port, sink, options, host, 0);
    }

    public static CotListener start(String host, int port, Sink<Received<CotEvent>> sink) throws InterruptedException {
        return new CotListener(host, port, sink, TcpOptions.DEFAULTS);
    }

    /**
     * With {@code options} on the TCP side (cap, idle timeout, TLS). UDP cannot carry TLS: bind it where
     * only trusted senders reach ({@code udpHost}, e.g. 127.0.0.1), or give a negative {@code udpPort} to
     * leave it off; 0 takes the TCP port's number.
     */
    public static CotListener start(String host, int port, Sink<Received<CotEvent>> sink, TcpOptions options,
                                    String udpHost, int udpPort) throws InterruptedException {
        return new CotListener(host, port, sink, options, udpHost, udpPort);
    }

    private CotListener(String host, int port, Sink<Received<CotEvent>> sink, TcpOptions options, String udpHost,
                        int udpPort) throws InterruptedException {
        try {
            tcp = NettyServers.tcp(group, host, port, options, tcpStats, () -> new StreamHandler(sink));
            udp = udpPort < 0 ? null
                    : NettyServers.udp(group, udpHost, udpPort == 0 ? NettyServers.port(tcp) : udpPort, new DatagramHandler(sink));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** Where UDP listens, or null when it is off. */
    public java.net.SocketAddress udpLocalAddress() {
        return udp == null ? null : udp.localAddress();
    }

    /** The UDP port, or -1 when UDP is off. */
    public int udpPort() {
        return udp == null ? -1 : NettyServers.port(udp);
    }

    public int port() {
        return NettyServers.port(tcp);
    }

    public List<ListenerStats> stats() {
        return List.of(tcpStats, udpStats);
    }

    static void deliver(byte[] xml, int off, int len, CotXmlParser parser, ListenerStats stats, InetSocketAddress peer,
                        Sink<Received<CotEvent>> sink) {
        stats.received();
        CotEvent e;
        try {
            e = parser.parse(xml, off, len);
        } catch (DecodeException ex) {
            stats.malformed(reason(ex.getMessage()));
            return;
        } catch (RuntimeException ex) {
            stats.malformed("decoder failure: " + ex.getClass().getSimpleName());
            return;
        }
        stats.decoded();
        if (!sink.offer(new Received<>(e, stats.name(), peer, System.currentTimeMillis()))) {
            stats.dropped();
        }
    }

    /** The class of an error, without the variable details, so that counters group well. */
    static String reason(String message) {
        if (message == null) {
            return "unknown";
        }
        int colon = message.indexOf(':');
        return colon > 0 && colon < 60 ? message.substring(0, colon) : message;
    }

    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        private final CotStreamSplitter splitter = new CotStreamSplitter(MAX_EVENT_BYTES);
        private final CotXmlParser parser = new CotXmlParser();
        private final Sink<Received<CotEvent>> sink;
        private long oversizedSeen;

        StreamHandler(Sink<Received<CotEvent>> sink) {
            this.sink = sink;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] bytes = ByteBufUtil.getBytes(buf);
                InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
                splitter.feed(bytes, 0, bytes.length, event -> deliver(event, 0, event.length, parser, tcpStats, peer, sink));
                for (; oversizedSeen < splitter.oversizedEvents(); oversizedSeen++) {
                    tcpStats.received();
                    tcpStats.malformed("event longer than " + MAX_EVENT_BYTES + " bytes");
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
        private final CotXmlParser parser = new CotXmlParser();
        private final Sink<Received<CotEvent>> sink;

        DatagramHandler(Sink<Received<CotEvent>> sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] bytes = ByteBufUtil.getBytes(packet.content());
            deliver(bytes, 0, bytes.length, parser, udpStats, packet.sender(), sink);
        }
    }

    /** Whether it is still listening (for /api/health). */
    public boolean isOpen() {
        return tcp.isActive() && (udp == null || udp.isActive());
    }

    @Override
    public void close() {
        tcp.close().syncUninterruptibly();
        if (udp != null) {
            udp.close().syncUninterruptibly();
        }
        group.shutdownGracefully().syncUninterruptibly();
    }
}
