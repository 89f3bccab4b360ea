package org.skydas.ingest.listen;

import java.net.InetSocketAddress;
import java.util.List;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.tak.TakMessage;
import org.skydas.ingest.tak.TakMessageCodec;
import org.skydas.ingest.tak.TakStreamFramer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;

/**
 * TAK protocol version 1 over TCP, streaming framing (0xbf, varint length, protobuf). The framing
 * comes from the transport, never from sniffing: this port speaks only TAK v1 streams. A frame that
 * does not decode is counted and skipped; broken framing (a lying length) closes that connection,
 * since nothing after it can be trusted, and is counted too.
 */
public final class TakStreamListener implements AutoCloseable {

    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private final EventLoopGroup group = NettyServers.group("tak");
    private final ListenerStats stats = new ListenerStats("tak-stream");
    private final Channel tcp;

    private TakStreamListener(String host, int port, Sink<Received<CotEvent>> sink, TcpOptions options)
            throws InterruptedException {
        try {
            tcp = NettyServers.tcp(group, host, port, options, stats, () -> new Handler(sink));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    public static TakStreamListener start(String host, int port, Sink<Received<CotEvent>> sink)
            throws InterruptedException {
        return new TakStreamListener(host, port, sink, TcpOptions.DEFAULTS);
    }

    /** With {@code options}: connection cap, idle timeout and TLS (client certificates) on the stream port. */
    public static TakStreamListener start(String host, int port, Sink<Received<CotEvent>> sink, TcpOptions options)
            throws InterruptedException {
        return new TakStreamListener(host, port, sink, options);
    }

    public int port() {
        return NettyServers.port(tcp);
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final TakStreamFramer framer = new TakStreamFramer(MAX_PAYLOAD_BYTES);
        private final TakMessageCodec codec = new TakMessageCodec();
        private final Sink<Received<CotEvent>> sink;

        Handler(Sink<Received<CotEvent>> sink) {
            this.sink = sink;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
            try {
                byte[] bytes = ByteBufUtil.getBytes(buf);
                framer.feed(bytes, 0, bytes.length, (b, off, len) -> {
                    stats.received();
                    TakMessage m;
                    try {
                        m = codec.decode(b, off, len);
                    } catch (DecodeException e) {
                        stats.malformed(CotListener.reason(e.getMessage()));
                        return;
                    }
                    if (m.cotEvent() == null) {
                        stats.malformed("TAK message without a CoT event (control only)");
                        return;
                    }
                    stats.decoded();
                    if (!sink.offer(new Received<>(m.cotEvent(), stats.name(), peer, System.currentTimeMillis()))) {
                        stats.dropped();
                    }
                });
            } catch (DecodeException e) {
                stats.received();
                stats.malformed("framing: " + CotListener.reason(e.getMessage()));
                ctx.close();
            } finally {
                buf.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            stats.malformed("connection error: " + cause.getClass().getSimpleName());
            ctx.close();
        }
    }

    /** Whether it is still listening (for /api/health). */
    public boolean isOpen() {
        return tcp.isActive();
    }

    @Override
    public void close() {
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
