package org.skydas.ingest.listen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.onvif.OnvifMetadataParser;
import org.skydas.ingest.onvif.OnvifPush;
import org.skydas.ingest.onvif.OnvifRtp;
import org.skydas.ingest.onvif.RtspAuth;
import org.skydas.ingest.onvif.RtspSdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * A camera's ONVIF metadata stream pulled over RTSP (ONVIF Streaming specification; RFC 2326): the client connects
 * to {@code rtsp://[user:password@]host[:port]/path}, asks {@code OPTIONS}, {@code DESCRIBE}s the stream, picks the
 * metadata track from the SDP ({@link RtspSdp}), {@code SETUP}s it with RTP interleaved in the RTSP connection
 * ({@code RTP/AVP/TCP}) and {@code PLAY}s; the RTP packets of that track are reassembled into documents by
 * {@link OnvifRtp}, parsed ({@link OnvifMetadataParser}) and handed to the sink as the camera's, as if it had pushed
 * them ({@link OnvifPush}). RTSP messages are Netty's ({@link io.netty.handler.codec.rtsp}); only the interleaving is
 * framed here ({@link RtspInterleavedDecoder}).
 *
 * <p>A camera that asks for credentials (401) gets Digest (MD5) or Basic from the URL's user and password
 * ({@link RtspAuth}). The session is kept alive with {@code GET_PARAMETER} (or {@code OPTIONS} when the camera does not
 * list it) at half the session timeout. A connection that fails, is refused, answers an error, goes silent for the
 * read timeout, or closes, is opened again after a back-off that doubles from {@link Options#minBackoff()} up to
 * {@link Options#maxBackoff()} and starts over once a stream plays. Counters ({@code onvif-rtsp:<camera>}): documents
 * received and decoded; malformed input by reason (an RTP packet that is not RTP, a document that is not metadata, an
 * error answer), dropped when the sink is full; connections made.
 */
public final class OnvifRtspClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnvifRtspClient.class);
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;
    private static final int MAX_RTSP_BODY_BYTES = 64 * 1024;
    private static final int DEFAULT_SESSION_TIMEOUT_S = 60;

    /** Timeouts and back-off of a client. */
    public record Options(Duration connectTimeout, Duration readTimeout, Duration minBackoff, Duration maxBackoff) {

        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(60));

        public Options {
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
                    || minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
                throw new IllegalArgumentException("timeouts must be > 0 and the maximum back-off at least the minimum");
            }
        }
    }

    private final String cameraId;
    /** The URL without its user information (what is sent and logged). */
    private final String url;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Sink<Received<OnvifPush>> sink;
    private final Options options;
    private final ListenerStats stats;
    private final EventLoopGroup group;
    private final OnvifMetadataParser parser = new OnvifMetadataParser();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong plays = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean playing;
    private volatile Channel channel;
    /** Failed attempts since the last stream that played (drives the back-off). */
    private int failures;

    private OnvifRtspClient(String cameraId, URI uri, Sink<Received<OnvifPush>> sink, Options options) {
        this.cameraId = cameraId;
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 554;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            this.user = decode(colon < 0 ? info : info.substring(0, colon));
            this.password = colon < 0 ? "" : decode(info.substring(colon + 1));
        } else {
            this.user = null;
            this.password = null;
        }
        try {
            this.url = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath().isEmpty() ? "/"
                    : uri.getPath(), uri.getQuery(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an rtsp:// URL: " + e.getMessage(), e);
        }
        this.sink = sink;
        this.options = options;
        this.stats = new ListenerStats("onvif-rtsp:" + cameraId);
        this.group = NettyServers.group("onvif-rtsp");
    }

    /**
     * Starts pulling camera {@code cameraId}'s metadata from {@code rtspUrl} (connecting in the background; a
     * camera that is not there yet is retried).
     *
     * @throws IllegalArgumentException for a URL that is not {@code rtsp://host[:port]/path}
     */
    public static OnvifRtspClient start(String cameraId, String rtspUrl, Sink<Received<OnvifPush>> sink,
                                        Options options) {
        URI uri;
        try {
            uri = new URI(rtspUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an rtsp:// URL: " + e.getMessage(), e);
        }
        if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an rtsp://host[:port]/path URL: " + redact(rtspUrl));
        }
        OnvifRtspClient c = new OnvifRtspClient(cameraId, uri, sink, options);
        c.group.execute(c::connect);
        return c;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code url} with any password replaced by {@code ***}. */
    public static String redact(String url) {
        return url.replaceFirst("^(\\w+://[^:/@]*):[^@/]*@", "$1:***@");
    }

    public String cameraId() {
        return cameraId;
    }

    /** The stream's URL, without credentials. */
    public String url() {
        return url;
    }

    /** Whether a metadata stream is playing now. */
    public boolean isPlaying() {
        return playing;
    }

    /** TCP connections made so far (the first, then every reconnection). */
    public long connections() {
        return connections.get();
    }

    /** Streams that reached PLAY so far. */
    public long plays() {
        return plays.get();
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    private void connect() {
        if (closed) {
            return;
        }
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new RtspEncoder(), new RtspInterleavedDecoder(MAX_RTSP_BODY_BYTES),
                                new HttpObjectAggregator(MAX_RTSP_BODY_BYTES),
                                new IdleStateHandler(options.readTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new Session());
                    }
                })
                .connect(host, port).addListener(f -> {
                    if (f.isSuccess()) {
                        connections.incrementAndGet();
                        stats.connectionAccepted();
                    } else {
                        stats.malformed("cannot connect");
                        // Once per outage at warn (then debug: the back-off retries quietly; health shows it down).
                        String error = f.cause() == null ? "" : f.cause().getMessage();
                        if (failures == 0) {
                            LOG.warn("event=onvif_rtsp_connect_failed camera={} url={} error=\"{}\"", cameraId, url,
                                    error);
                        } else {
                            LOG.debug("event=onvif_rtsp_connect_failed camera={} url={} error=\"{}\"", cameraId, url,
                                    error);
                        }
                        retry();
                    }
                });
    }

    /** Schedules the next attempt after the back-off (on the event loop). */
    private void retry() {
        if (closed) {
            return;
        }
        long min = options.minBackoff().toMillis();
        long delay = Math.min(options.maxBackoff().toMillis(), min << Math.min(failures, 20));
        failures++;
        try {
            group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** The RTSP dialogue and the stream of one connection. */
    private final class Session extends SimpleChannelInboundHandler<Object> {

        private enum Step { OPTIONS, DESCRIBE, SETUP, PLAY, KEEPALIVE }

        private int cseq;
        private int pendingCseq = -1;
        private Step pending;
        private String pendingUrl;
        private HttpMethod pendingMethod;
        private boolean authRetried;
        private RtspAuth auth;
        private String base;
        private RtspSdp.MetadataTrack track;
        private String sessionId;
        private int sessionTimeoutS = DEFAULT_SESSION_TIMEOUT_S;
        private int rtpChannel = 0;
        private boolean getParameter;
        private OnvifRtp rtp;
        private ScheduledFuture<?> keepAlive;
        private boolean played;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            if (closed) {
                ctx.close();
                return;
            }
            send(ctx, Step.OPTIONS, RtspMethods.OPTIONS, url);
        }

        private void send(ChannelHandlerContext ctx, Step step, HttpMethod method, String target) {
            FullHttpRequest req = new DefaultFullHttpRequest(RtspVersions.RTSP_1_0, method, target);
            req.headers().set(RtspHeaderNames.CSEQ, ++cseq);
            req.headers().set(RtspHeaderNames.USER_AGENT, "Skydas");
            if (auth != null) {
                req.headers().set(RtspHeaderNames.AUTHORIZATION, auth.header(method.name(), target));
            }
            if (sessionId != null) {
                req.headers().set(RtspHeaderNames.SESSION, sessionId);
            }
            switch (step) {
                case DESCRIBE -> req.headers().set(RtspHeaderNames.ACCEPT, "application/sdp");
                case SETUP -> req.headers().set(RtspHeaderNames.TRANSPORT, "RTP/AVP/TCP;unicast;interleaved=0-1");
                case PLAY -> req.headers().set(RtspHeaderNames.RANGE, "npt=0.000-");
                default -> {
                }
            }
            if (step != Step.KEEPALIVE) {
                pendingCseq = cseq;
                pending = step;
                pendingUrl = target;
                pendingMethod = method;
            }
            ctx.writeAndFlush(req);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof RtspInterleavedDecoder.Frame f) {
                frame(f);
            } else if (msg instanceof io.netty.handler.codec.http.HttpObject o && !o.decoderResult().isSuccess()) {
                fail(ctx, "bad RTSP answer");
            } else if (msg instanceof FullHttpResponse res) {
                response(ctx, res);
            } else if (msg instanceof io.netty.handler.codec.http.FullHttpRequest) {
                // A server request (ANNOUNCE, SET_PARAMETER...): nothing this client acts on.
                stats.malformed("RTSP request from the camera ignored");
            }
        }

        private void response(ChannelHandlerContext ctx, FullHttpResponse res) {
            int seq = res.headers().getInt(RtspHeaderNames.CSEQ, -1);
            if (seq != pendingCseq || pending == null) {
                return; // a keep-alive's answer, or one of no request of ours
            }
            Step step = pending;
            pending = null;
            int code = res.status().code();
            if (code == 401) {
                if (user == null) {
                    fail(ctx, "camera asks for credentials (none in the URL)");
                    return;
                }
                List<String> challenges = res.headers().getAll(RtspHeaderNames.WWW_AUTHENTICATE);
                boolean stale = challenges.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("stale=true"));
                if (authRetried && !stale) {
                    fail(ctx, "credentials refused");
                    return;
                }
                auth = RtspAuth.answer(challenges, user, password);
                if (auth == null) {
                    fail(ctx, "authentication scheme not supported");
                    return;
                }
                authRetried = true;
                send(ctx, step, pendingMethod, pendingUrl);
                return;
            }
            authRetried = false;
            if (code < 200 || code > 299) {
                fail(ctx, "RTSP " + code + " to " + pendingMethod.name());
                return;
            }
            switch (step) {
                case OPTIONS -> {
                    String methods = res.headers().get(RtspHeaderNames.PUBLIC, "");
                    getParameter = methods.toUpperCase(Locale.ROOT).contains("GET_PARAMETER");
                    send(ctx, Step.DESCRIBE, RtspMethods.DESCRIBE, url);
                }
                case DESCRIBE -> {
                    base = res.headers().get(RtspHeaderNames.CONTENT_BASE,
                            res.headers().get(RtspHeaderNames.CONTENT_LOCATION, url));
                    try {
                        track = RtspSdp.metadataTrack(res.content().toString(StandardCharsets.UTF_8), base);
                    } catch (DecodeException e) {
                        fail(ctx, e.getMessage());
                        return;
                    }
                    send(ctx, Step.SETUP, RtspMethods.SETUP, track.controlUrl());
                }
                case SETUP -> {
                    String session = res.headers().get(RtspHeaderNames.SESSION);
                    if (session == null) {
                        fail(ctx, "SETUP answer without a session");
                        return;
                    }
                    String[] parts = session.split(";");
                    sessionId = parts[0].strip();
                    for (int i = 1; i < parts.length; i++) {
                        String p = parts[i].strip().toLowerCase(Locale.ROOT);
                        if (p.startsWith("timeout=")) {
                            try {
                                sessionTimeoutS = Math.max(2, Integer.parseInt(p.substring(8).strip()));
                            } catch (NumberFormatException e) {
                                sessionTimeoutS = DEFAULT_SESSION_TIMEOUT_S;
                            }
                        }
                    }
                    rtpChannel = interleavedChannel(res.headers().get(RtspHeaderNames.TRANSPORT, ""));
                    send(ctx, Step.PLAY, RtspMethods.PLAY, base);
                }
                case PLAY -> {
                    rtp = new OnvifRtp(MAX_DOCUMENT_BYTES);
                    played = true;
                    playing = true;
                    plays.incrementAndGet();
                    failures = 0;
                    long every = Math.max(1, sessionTimeoutS / 2);
                    keepAlive = ctx.executor().scheduleAtFixedRate(() -> send(ctx, Step.KEEPALIVE,
                            getParameter ? RtspMethods.GET_PARAMETER : RtspMethods.OPTIONS, base), every, every,
                            TimeUnit.SECONDS);
                    LOG.info("event=onvif_rtsp_playing camera={} url={} track={} auth={}", cameraId, url,
                            track.controlUrl(), auth == null ? "none" : auth.scheme());
                }
                default -> {
                }
            }
        }

        private void frame(RtspInterleavedDecoder.Frame f) {
            if (rtp == null || f.channel() != rtpChannel) {
                return; // RTCP (the odd channel), or a track not set up here
            }
            byte[] p = f.data();
            if (p.length >= 2 && (p[1] & 0x7F) != track.payloadType()) {
                stats.received();
                stats.malformed("RTP payload type " + (p[1] & 0x7F) + " is not the metadata track's");
                return;
            }
            byte[] document;
            try {
                document = rtp.add(p, 0, p.length);
            } catch (DecodeException e) {
                stats.received();
                stats.malformed(CotListener.reason(e.getMessage()));
                return;
            }
            if (document == null) {
                return;
            }
            stats.received();
            try {
                byte[] xml = track.gzip() ? gunzip(document) : document;
                OnvifPush push = new OnvifPush(cameraId, parser.parse(xml));
                stats.decoded();
                if (!sink.offer(new Received<>(push, stats.name(), (InetSocketAddress) channel.remoteAddress(),
                        System.currentTimeMillis()))) {
                    stats.dropped();
                }
            } catch (DecodeException e) {
                stats.malformed(CotListener.reason(e.getMessage()));
            } catch (RuntimeException e) {
                stats.malformed("decoder failure: " + e.getClass().getSimpleName());
            }
        }

        private void fail(ChannelHandlerContext ctx, String reason) {
            stats.malformed(reason);
            LOG.warn("event=onvif_rtsp_failed camera={} url={} reason=\"{}\"", cameraId, url, reason);
            ctx.close();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                stats.idleClosed();
                LOG.warn("event=onvif_rtsp_silent camera={} url={} seconds={}", cameraId, url,
                        options.readTimeout().toSeconds());
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
                stats.malformed("RTSP answer too long");
            } else {
                stats.malformed("connection error: " + cause.getClass().getSimpleName());
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            playing = false;
            if (played) {
                LOG.warn("event=onvif_rtsp_closed camera={} url={}", cameraId, url);
            }
            retry();
        }
    }

    /** The RTP channel of a SETUP answer's {@code Transport: ...;interleaved=a-b}, 0 when it names none. */
    static int interleavedChannel(String transport) {
        for (String p : transport.split(";")) {
            String s = p.strip().toLowerCase(Locale.ROOT);
            if (s.startsWith("interleaved=")) {
                String v = s.substring("interleaved=".length());
                int dash = v.indexOf('-');
                try {
                    return Integer.parseInt((dash < 0 ? v : v.substring(0, dash)).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static byte[] gunzip(byte[] gz) throws DecodeException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_DOCUMENT_BYTES) {
                    throw new DecodeException("document longer than " + MAX_DOCUMENT_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DecodeException("GZIP metadata: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
