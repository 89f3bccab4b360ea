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
import org.skydas.track.TargetClass;
import org.skydas.track.TrackState;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Tracks and alerts out to TAK clients as Cursor-on-Target over a TCP stream (TAK's "streaming
 * XML"). Tracks carry CoT types by class with unknown affiliation (Skydas observes; it does not
 * decide friend or foe): person a-u-G-U-C, vehicle a-u-G-E-V, drone a-u-A-M-F-Q, other a-u-G; they go
 * stale 30 s after their time. Alerts are markers (b-m-p-s-p-i) with the message as remarks, sent the moment
 * they are committed, each change on its own and to every client (rare and urgent: never coalesced, never
 * skipped; Netty buffers them for a slow client). Each track is sent at most once a second with its newest
 * state; a client that cannot keep up misses track updates (counted), never waited for.
 */
public final class CotOut implements AutoCloseable {

    static final long TRACK_STALE_S = 30;
    static final long ALERT_STALE_S = 600;
    /** Each track's newest state goes out this often, ms. */
    static final long TRACK_INTERVAL_MS = 1_000;

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("skydas-cot-out", true));
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final Map<String, CotEvent> dirty = new ConcurrentHashMap<>();
    private final CotXmlWriter writer = new CotXmlWriter();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile AlertLatency latency = new AlertLatency();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skydas-cot-out-flush");
        t.setDaemon(true);
        return t;
    });

    private CotOut(String host, int port, long trackIntervalMs) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        // Clients may talk (TAK pings); we only listen to keep the connection healthy.
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                io.netty.util.ReferenceCountUtil.release(msg);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                    }
                }).bind(new InetSocketAddress(host, port)).sync().channel();
        flusher.scheduleAtFixedRate(this::flush, trackIntervalMs, trackIntervalMs, TimeUnit.MILLISECONDS);
    }

    public static CotOut start(String host, int port) throws InterruptedException {
        return new CotOut(host, port, TRACK_INTERVAL_MS);
    }

    static CotOut start(String host, int port, long trackIntervalMs) throws InterruptedException {
        return new CotOut(host, port, trackIntervalMs);
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
                skipped.get());
    }

    static String type(TrackState t) {
        return switch (t.mostLikelyClass()) {
            case PERSON -> "a-u-G-U-C";
            case VEHICLE -> "a-u-G-E-V";
            case DRONE -> "a-u-A-M-F-Q";
            default -> "a-u-G";
        };
    }

    static CotEvent trackEvent(TrackState t) {
        Coordinate ll = Lks94.toWgs84(t.x(), t.y());
        Instant time = Instant.ofEpochMilli((long) (t.t() * 1000));
        double ce = Math.sqrt(Math.max(t.covariance()[0], t.covariance()[5]));
        double hae = Double.isFinite(t.z()) ? t.z() : CotPoint.UNKNOWN;
        double course = (Math.toDegrees(Math.atan2(t.vx(), t.vy())) + 360) % 360;
        CotDetail detail = new CotDetail(new CotContact("skydas-" + t.id() + " " + className(t), null),
                null, null, null, null, new CotTrack(Math.hypot(t.vx(), t.vy()), course), "");
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
        return t.mostLikelyClass() == TargetClass.UNKNOWN ? "unknown" : t.mostLikelyClass().name().toLowerCase(Locale.ROOT);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        for (String uid : List.copyOf(dirty.keySet())) {
            CotEvent e = dirty.remove(uid);
            if (e == null) {
                continue;
            }
            byte[] xml = writer.write(e).getBytes(StandardCharsets.UTF_8);
            for (Channel c : clients) {
                if (!c.isWritable()) {
                    skipped.incrementAndGet();
                    continue;
                }
                c.writeAndFlush(Unpooled.wrappedBuffer(xml));
                sent.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        clients.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
