package org.skydas.ingest.listen;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientFrames;
import org.skydas.ingest.sapient.SapientLink;
import org.skydas.ingest.sapient.SapientReport;
import org.skydas.ingest.sapient.SapientSession;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * SAPIENT (BSI Flex 335 v2.0, and v1.0 by the registration's ICD version) sensor nodes in, over TCP: Skydas is their fusion node. Each connection carries one
 * node's length-prefixed messages ({@link SapientFrames}) and is one {@link SapientSession}: registration and its
 * acknowledgement, status and detection reports, alerts and their acknowledgements, and an {@code Error} reply for
 * each refused message (counted by reason; the connection stays open). A frame longer than the maximum cannot be
 * skipped safely: it is counted and that connection closed; other nodes are unaffected. The listener remembers which
 * connection each registered node is on, so that an operator's task can be sent to it ({@link SapientLink}); it sends
 * nothing of its own accord but replies.
 */
public final class SapientListener implements AutoCloseable, SapientLink {

    /** Apex's default {@code messageMaxSizeKb}: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

    private final EventLoopGroup group = NettyServers.group("sapient");
    private final ListenerStats stats = new ListenerStats("sapient");
    private final SapientCodec codec = new SapientCodec();
    private final String fusionNodeId;
    private final int maxMessageBytes;
    private final Channel tcp;
    /** The connection of each node that registered (and is still connected). */
    private final java.util.Map<String, Handler> nodes = new java.util.concurrent.ConcurrentHashMap<>();

    private SapientListener(String host, int port, Sink<Received<SapientReport>> sink, TcpOptions options,
                            int maxMessageBytes, String fusionNodeId) throws InterruptedException {
        this.maxMessageBytes = maxMessageBytes;
        this.fusionNodeId = fusionNodeId;
        try {
            tcp = NettyServers.tcp(group, host, port, options, stats, () -> new Handler(sink));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** Listens on {@code host:port} (0: any free port) with a new random fusion-node UUID. */
    public static SapientListener start(String host, int port, Sink<Received<SapientReport>> sink, TcpOptions options,
                                        int maxMessageBytes) throws InterruptedException {
        return new SapientListener(host, port, sink, options, maxMessageBytes, UUID.randomUUID().toString());
    }

    public int port() {
        return NettyServers.port(tcp);
    }

    /** The UUID Skydas answers from. */
    @Override
    public String fusionNodeId() {
        return fusionNodeId;
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    public boolean isOpen() {
        return tcp.isActive();
    }

    @Override
    public boolean connected(String nodeId) {
        Handler h = nodes.get(nodeId);
        return h != null && h.channel != null && h.channel.isActive();
    }

    /** Sends in the version the node's connection speaks (a v1.0 node gets the v1.0 form). */
    @Override
    public boolean send(String nodeId, SapientMessage message) {
        Handler h = nodes.get(nodeId);
        if (h == null || h.channel == null || !h.channel.isActive()) {
            return false;
        }
        h.channel.writeAndFlush(Unpooled.wrappedBuffer(SapientFrames.frame(h.session.wire(message))));
        return true;
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final SapientFrames frames = new SapientFrames(maxMessageBytes);
        private final SapientSession session = new SapientSession(codec, fusionNodeId);
        private final Sink<Received<SapientReport>> sink;
        private String registeredHere;
        private volatile Channel channel;

        Handler(Sink<Received<SapientReport>> sink) {
            this.sink = sink;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] bytes = ByteBufUtil.getBytes(buf);
                InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
                boolean ok = frames.feed(bytes, 0, bytes.length, frame -> onFrame(ctx, frame, peer));
                if (!ok) {
                    stats.received();
                    stats.malformed("message longer than " + maxMessageBytes + " bytes");
                    ctx.close();
                }
            } finally {
                buf.release();
            }
        }

        private void onFrame(ChannelHandlerContext ctx, byte[] frame, InetSocketAddress peer) {
            stats.received();
            SapientSession.Outcome out;
            try {
                out = session.handle(frame, Instant.now());
            } catch (RuntimeException e) {
                stats.malformed("decoder failure: " + e.getClass().getSimpleName());
                return;
            }
            // Counted and handed on before the reply goes out: a node that reads its answer finds the counters up to date.
            if (out.refusal() != null) {
                stats.malformed(out.refusal());
            } else {
                stats.decoded();
                if (out.report() != null && !sink.offer(new Received<>(out.report(), stats.name(), peer,
                        System.currentTimeMillis()))) {
                    stats.dropped();
                }
            }
            if (session.node() != null) {
                // The node that registered on this connection is reached through it (a newer connection wins).
                if (!session.node().nodeId().equals(registeredHere)) {
                    if (registeredHere != null) {
                        nodes.remove(registeredHere, this);
                    }
                    registeredHere = session.node().nodeId();
                    channel = ctx.channel();
                    nodes.put(registeredHere, this);
                }
            }
            for (SapientMessage reply : out.replies()) {
                ctx.write(Unpooled.wrappedBuffer(SapientFrames.frame(session.wire(reply))));
            }
            ctx.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (registeredHere != null) {
                nodes.remove(registeredHere, this);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            stats.malformed("connection error: " + cause.getClass().getSimpleName());
            ctx.close();
        }
    }

    @Override
    public void close() {
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
