package org.skydas.server;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.Alert;
import org.skydas.geo.Lks94;
import org.skydas.ingest.cot.CotContact;
import org.skydas.ingest.cot.CotDetail;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.cot.CotPoint;
import org.skydas.ingest.cot.CotTrack;
import org.skydas.ingest.cot.CotXmlWriter;
import org.skydas.model.TargetKind;
import org.skydas.track.TrackState;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Tracks and alerts out to TAK clients as Cursor-on-Target over a TCP stream (TAK's "streaming
 * XML"). A track's CoT type says only what Skydas observed: unknown affiliation (Skydas does not
 * decide friend or foe), the dimension, and nothing about unit or function: person {@code a-u-G},
 * vehicle {@code a-u-G-E-V} (ground equipment, vehicle), drone {@code a-u-A}, unknown class {@code a-u-G}.
 * Skydas's class and its probability go in {@code <skydas class=… probability=…/>} in the detail and in
 * the remarks. A person is never sent as a unit (no {@code -U-…}), a drone never as military
 * ({@code -M-…}). Tracks go stale 30 s after their time. Alerts are markers (b-m-p-s-p-i) with the message as
 * remarks, sent the moment they are committed, each change on its own and to every client (rare and urgent:
 * never coalesced, never skipped; Netty buffers them for a slow client). Each track is sent at most once a
 * second with its newest state; a client that cannot keep up misses track updates (counted), never waited for.
 *
 * <p>A slow client cannot make the server's memory grow without bound: each connection's outgoing buffer has
 * write-buffer water marks ({@link #LOW_WATER} / {@link #HIGH_WATER}); above the high mark the connection is
 * unwritable and gets no track updates (they are coalesced: the next second's newest state replaces them) until
 * it drains below the low mark; alerts are still queued for it. A client that stays unwritable for
 * {@link #STUCK_MS}, or whose queue passes {@link #MAX_PENDING} (alerts alone), is disconnected and counted: a
 * TAK client reconnects and gets the stream again.
 */
public final class CotOut implements AutoCloseable {

    static final long TRACK_STALE_S = 30;
    static final long ALERT_STALE_S = 600;
    /** Each track's newest state goes out this often, ms. */
    static final long TRACK_INTERVAL_MS = 1_000;
    /** A client's outgoing buffer above this is unwritable (no track updates) … */
    static final int HIGH_WATER = 1 << 20;
    /** … until it drains below this. */
    static final int LOW_WATER = 256 << 10;
    /** A client unwritable this long is disconnected, ms. */
    static final long STUCK_MS = 30_000;
    /** A client with this much queued (alerts keep being queued while it is unwritable) is disconnected, bytes. */
    static final long MAX_PENDING = 16L << 20;
    private static final io.netty.util.AttributeKey<long[]> UNWRITABLE_SINCE =
            io.netty.util.AttributeKey.valueOf("skydas-unwritable-since");

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("skydas-cot-out", true));
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final Map<String, CotEvent> dirty = new ConcurrentHashMap<>();
    private final CotXmlWriter writer = new CotXmlWriter();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong disconnectedStuck = new AtomicLong();
    private final long stuckMs;
    private volatile AlertLatency latency = new AlertLatency();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skydas-cot-out-flush");
        t.setDaemon(true);
        return t;
    });

    /** Connections, refusals over the cap and failed TLS handshakes of the TAK-out port. */
    private final org.skydas.ingest.listen.ListenerStats connections = new org.skydas.ingest.listen.ListenerStats("tak-out");

    private CotOut(String host, int port, org.skydas.ingest.listen.TcpOptions options, long trackIntervalMs,
                   long stuckMs) throws InterruptedException {
        this.stuckMs = stuckMs;
        server = org.skydas.ingest.listen.NettyServers.tcp(group, host, port, options, connections,
                () -> new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) throws Exception {
                        ctx.channel().config().setWriteBufferWaterMark(
                                new io.netty.channel.WriteBufferWaterMark(LOW_WATER, HIGH_WATER));
                        ctx.channel().attr(UNWRITABLE_SINCE).set(new long[] {-1});
                        // With TLS, a client gets tracks only once its certificate has been accepted.
                        io.netty.handler.ssl.SslHandler tls = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class);
                        if (tls == null) {
                            clients.add(ctx.channel());
                        } else {
                            tls.handshakeFuture().addListener(f -> {
                                if (f.isSuccess()) {
                                    clients.add(ctx.channel());
                                }
                            });
                        }
                        super.channelActive(ctx);
                    }

                    // Clients may talk (TAK pings); we only listen to keep the connection healthy.
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        io.netty.util.ReferenceCountUtil.release(msg);
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                });
        flusher.scheduleAtFixedRate(this::flush, trackIntervalMs, trackIntervalMs, TimeUnit.MILLISECONDS);
    }

    /** 64 connections, no TLS, no idle timeout (TAK clients only listen). */
    private static final org.skydas.ingest.listen.TcpOptions PLAIN = new org.skydas.ingest.listen.TcpOptions(64, 0, null);

    public static CotOut start(String host, int port) throws InterruptedException {
        return new CotOut(host, port, PLAIN, TRACK_INTERVAL_MS, STUCK_MS);
    }

    static CotOut start(String host, int port, long trackIntervalMs) throws InterruptedException {
        return new CotOut(host, port, PLAIN, trackIntervalMs, STUCK_MS);
    }

    /** With a shorter track interval and stuck-client limit (tests). */
    static CotOut start(String host, int port, long trackIntervalMs, long stuckMs) throws InterruptedException {
        return new CotOut(host, port, PLAIN, trackIntervalMs, stuckMs);
    }

    /** With a connection cap and TLS (client certificates) from {@code options}; TAK clients only listen, so no idle timeout. */
    public static CotOut start(String host, int port, org.skydas.ingest.listen.TcpOptions options)
            throws InterruptedException {
        return new CotOut(host, port, options, TRACK_INTERVAL_MS, STUCK_MS);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public void track(TrackState t) {
        CotEvent e = trackEvent(t);
        dirty.put(e.uid(), e);
    }

    /** Times each new alert's write to each TAK client into {@code l} ({@link AlertLatency.Stage#TAK}). */
    public CotOut withLatency(AlertLatency l) {
        this.latency = l;
        return this;
    }

    /** A committed alert change: written to every client now (from the committing thread; never blocks). */
    public void alertCommitted(WatchServices.AlertChange c) {
        Alert a = c.alert();
        if (!Double.isFinite(a.x()) || !Double.isFinite(a.y())) {
            return;
        }
        byte[] xml = writer.write(alertEvent(a)).getBytes(StandardCharsets.UTF_8);
        long receivedAt = c.receivedAtMillis();
        AlertLatency l = latency;
        for (Channel ch : clients) {
            if (ch.unsafe().outboundBuffer() != null
                    && ch.unsafe().outboundBuffer().totalPendingWriteBytes() + xml.length > MAX_PENDING) {
                disconnect(ch, "over " + (MAX_PENDING >> 20) + " MiB queued");
                continue;
            }
            ch.writeAndFlush(Unpooled.wrappedBuffer(xml)).addListener(f -> {
                if (f.isSuccess()) {
                    sent.incrementAndGet();
                    if (receivedAt > 0) {
                        l.record(AlertLatency.Stage.TAK, System.currentTimeMillis() - receivedAt);
                    }
                }
            });
        }
    }

    public Map<String, Long> stats() {
        return Map.of("clients", (long) clients.size(), "events_sent", sent.get(), "events_skipped_slow_client",
                skipped.get(), "clients_disconnected_stuck", disconnectedStuck.get(), "connections_refused", connections.refusedCount(), "tls_failed",
                connections.tlsFailedCount());
    }

    static String type(TrackState t) {
        return switch (t.mostLikelyClass()) {
            case PERSON, UNKNOWN -> "a-u-G";
            case VEHICLE -> "a-u-G-E-V";
            case DRONE -> "a-u-A";
        };
    }

    static CotEvent trackEvent(TrackState t) {
        Coordinate ll = Lks94.toWgs84(t.x(), t.y());
        Instant time = Instant.ofEpochMilli((long) (t.t() * 1000));
        double ce = Math.sqrt(Math.max(t.covariance(0, 0), t.covariance(1, 1)));
        double hae = Double.isFinite(t.z()) ? t.z() : CotPoint.UNKNOWN;
        double course = (Math.toDegrees(Math.atan2(t.vx(), t.vy())) + 360) % 360;
        String cls = className(t);
        String p = String.format(Locale.ROOT, "%.2f", t.classProbability(t.mostLikelyClass()));
        String classDetail = "<skydas class=\"" + cls + "\" probability=\"" + p + "\"/><remarks>"
                + escape("Skydas track " + t.id() + ": class " + cls + " (probability " + p
                        + "), affiliation unknown; observed by sensors, not identified") + "</remarks>";
        CotDetail detail = new CotDetail(new CotContact("skydas-" + t.id() + " " + cls, null),
                null, null, null, null, new CotTrack(Math.hypot(t.vx(), t.vy()), course), classDetail);
        return CotEvent.of("skydas-track-" + t.id(), type(t), "m-f", time, time, time.plusSeconds(TRACK_STALE_S),
                new CotPoint(ll.y, ll.x, hae, Double.isFinite(ce) ? ce : CotPoint.UNKNOWN, CotPoint.UNKNOWN), detail);
    }

    static CotEvent alertEvent(Alert a) {
        Coordinate ll = Lks94.toWgs84(a.x(), a.y());
        Instant time = Instant.ofEpochMilli((long) (a.updatedAt() * 1000));
        String remarks = "<remarks>" + escape(a.severity().name() + " " + a.rule().name().toLowerCase(Locale.ROOT)
                + " (" + a.status().name().toLowerCase(Locale.ROOT) + "): " + a.message()) + "</remarks>";
        CotDetail detail = new CotDetail(new CotContact("Skydas alert " + a.id(), null), null, null,
                null, null, null, remarks);
        return CotEvent.of("skydas-alert-" + a.id(), "b-m-p-s-p-i", "h-g-i-g-o", time, time,
                time.plusSeconds(a.isOpen() ? ALERT_STALE_S : 1),
                new CotPoint(ll.y, ll.x, CotPoint.UNKNOWN, CotPoint.UNKNOWN, CotPoint.UNKNOWN), detail);
    }

    private static String className(TrackState t) {
        return t.mostLikelyClass() == TargetKind.UNKNOWN ? "unknown" : t.mostLikelyClass().name().toLowerCase(Locale.ROOT);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Sends each dirty track's newest state to every writable client (one flush per client at the end), and
     * disconnects the clients that have stayed unwritable for {@link #stuckMs}.
     */
    private void flush() {
        try {
            long now = System.currentTimeMillis();
            for (Channel c : clients) {
                long[] since = c.attr(UNWRITABLE_SINCE).get();
                if (since == null) {
                    continue;
                }
                if (c.isWritable()) {
                    since[0] = -1;
                } else if (since[0] < 0) {
                    since[0] = now;
                } else if (now - since[0] >= stuckMs) {
                    disconnect(c, "unwritable for " + (now - since[0]) + " ms");
                }
            }
            if (dirty.isEmpty()) {
                return;
            }
            java.util.Set<Channel> wrote = new java.util.HashSet<>();
            for (String uid : List.copyOf(dirty.keySet())) {
                CotEvent e = dirty.remove(uid);
                if (e == null) {
                    continue;
                }
                byte[] xml = null;
                for (Channel c : clients) {
                    if (!c.isWritable()) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    if (xml == null) {
                        xml = writer.write(e).getBytes(StandardCharsets.UTF_8);
                    }
                    c.write(Unpooled.wrappedBuffer(xml));
                    wrote.add(c);
                    sent.incrementAndGet();
                }
            }
            wrote.forEach(Channel::flush);
        } catch (RuntimeException e) {
            // never let one bad event stop the flusher
            org.slf4j.LoggerFactory.getLogger(CotOut.class).warn("event=cot_out_flush_failed error=\"{}\"", e.toString());
        }
    }

    private void disconnect(Channel c, String why) {
        if (clients.remove(c)) {
            disconnectedStuck.incrementAndGet();
            org.slf4j.LoggerFactory.getLogger(CotOut.class).warn("event=tak_client_disconnected peer={} reason=\"{}\"",
                    c.remoteAddress(), why);
        }
        c.close();
    }

    /** Whether it is still listening (for /api/health). */
    public boolean isOpen() {
        return server.isActive();
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        clients.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
