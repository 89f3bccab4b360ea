package org.skydas.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;

/**
 * A camera's RTSP server for tests (Netty's RTSP codec), on a free loopback port: it answers OPTIONS, DESCRIBE (an SDP
 * with a video track and an ONVIF metadata track of payload type {@link #PAYLOAD_TYPE}), SETUP (RTP interleaved on
 * channels 0-1 only) and PLAY, then writes the session's RTP packets interleaved ({@code '$'}, channel 0, length,
 * packet) and, when asked, drops the connection after them. The n-th PLAY sends {@code sessions.get(n)} (the last
 * list again once they run out). It may ask for Digest (MD5, qop=auth) or Basic credentials and checks them itself.
 */
public final class RtspTestServer implements AutoCloseable {

    /** The credentials the server asks for. */
    public enum Auth { NONE, DIGEST, BASIC }

    public static final int PAYLOAD_TYPE = 98;
    public static final String REALM = "skydas-test";

    private final Auth auth;
    private final String user;
    private final String password;
    private final List<List<byte[]>> sessions;
    private final boolean dropAfterSending;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger plays = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> setupUrls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    private RtspTestServer(Auth auth, String user, String password, List<List<byte[]>> sessions,
                           boolean dropAfterSending) throws InterruptedException {
        this.auth = auth;
        this.user = user;
        this.password = password;
        this.sessions = List.copyOf(sessions);
        this.dropAfterSending = dropAfterSending;
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.incrementAndGet();
                        ch.pipeline().addLast(new RtspDecoder(), new HttpObjectAggregator(1 << 16), new RtspEncoder(),
                                new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /**
     * A server asking for {@code auth} with {@code user}/{@code password} (ignored for {@link Auth#NONE}), sending
     * {@code sessions.get(n)} at the n-th PLAY, and dropping the connection after each when {@code dropAfterSending}.
     */
    public static RtspTestServer start(Auth auth, String user, String password, List<List<byte[]>> sessions,
                                       boolean dropAfterSending) throws InterruptedException {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("at least one session's packets");
        }
        return new RtspTestServer(auth, user, password, sessions, dropAfterSending);
    }

    public int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    /** The stream's URL, with {@code userInfo} ({@code user:password}) when not null. */
    public String url(String userInfo) {
        return "rtsp://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port() + "/onvif/media";
    }

    public int connections() {
        return connections.get();
    }

    public int plays() {
        return plays.get();
    }

    /** Requests refused for missing or wrong credentials. */
    public int refused() {
        return refused.get();
    }

    /** The URLs the client SETUP. */
    public List<String> setupUrls() {
        return List.copyOf(setupUrls);
    }

    /** The Authorization headers the server accepted. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /**
     * {@code document} split into RTP packets of at most {@code maxPayload} bytes of payload: version 2, payload type
     * {@link #PAYLOAD_TYPE}, sequence numbers from {@code firstSequence}, one timestamp, the marker on the last packet
     * (ONVIF Streaming: the marker closes a document).
     */
    public static List<byte[]> packetise(byte[] document, int firstSequence, long timestamp, int maxPayload) {
        List<byte[]> out = new ArrayList<>();
        for (int off = 0, seq = firstSequence; off < document.length; off += maxPayload, seq++) {
            int len = Math.min(maxPayload, document.length - off);
            boolean last = off + len >= document.length;
            byte[] p = new byte[12 + len];
            p[0] = (byte) 0x80;
            p[1] = (byte) ((last ? 0x80 : 0) | PAYLOAD_TYPE);
            p[2] = (byte) (seq >> 8);
            p[3] = (byte) seq;
            for (int i = 0; i < 4; i++) {
                p[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            }
            p[8] = 0x1f;
            p[9] = (byte) 0x93;
            p[10] = (byte) 0xc2;
            p[11] = (byte) 0xba;
            System.arraycopy(document, off, p, 12, len);
            out.add(p);
        }
        return out;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final String nonce = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String cseq = req.headers().get(RtspHeaderNames.CSEQ, "0");
            if (!authorised(req)) {
                refused.incrementAndGet();
                FullHttpResponse res = response(RtspResponseStatuses.UNAUTHORIZED, cseq);
                res.headers().add(RtspHeaderNames.WWW_AUTHENTICATE, auth == Auth.DIGEST
                        ? "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=MD5"
                        : "Basic realm=\"" + REALM + "\"");
                ctx.writeAndFlush(res);
                return;
            }
            if (req.method().equals(RtspMethods.OPTIONS) || req.method().equals(RtspMethods.GET_PARAMETER)) {
                FullHttpResponse res = response(RtspResponseStatuses.OK, cseq);
                res.headers().set(RtspHeaderNames.PUBLIC, "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN");
                ctx.writeAndFlush(res);
            } else if (req.method().equals(RtspMethods.DESCRIBE)) {
                String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Skydas test camera\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                        + "a=control:*\r\n"
                        + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:trackID=1\r\n"
                        + "m=application 0 RTP/AVP " + PAYLOAD_TYPE + "\r\na=rtpmap:" + PAYLOAD_TYPE
                        + " vnd.onvif.metadata/90000\r\na=control:trackID=2\r\n";
                byte[] body = sdp.getBytes(StandardCharsets.US_ASCII);
                FullHttpResponse res = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, RtspResponseStatuses.OK,
                        Unpooled.wrappedBuffer(body));
                res.headers().set(RtspHeaderNames.CSEQ, cseq);
                res.headers().set(RtspHeaderNames.CONTENT_TYPE, "application/sdp");
                res.headers().set(RtspHeaderNames.CONTENT_BASE, url(null) + "/");
                res.headers().set(RtspHeaderNames.CONTENT_LENGTH, body.length);
                ctx.writeAndFlush(res);
            } else if (req.method().equals(RtspMethods.SETUP)) {
                setupUrls.add(req.uri());
                String transport = req.headers().get(RtspHeaderNames.TRANSPORT, "");
                if (!transport.contains("RTP/AVP/TCP") || !transport.contains("interleaved=")) {
                    ctx.writeAndFlush(response(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, cseq));
                    return;
                }
                FullHttpResponse res = response(RtspResponseStatuses.OK, cseq);
                res.headers().set(RtspHeaderNames.SESSION, "12345678;timeout=60");
                res.headers().set(RtspHeaderNames.TRANSPORT, "RTP/AVP/TCP;unicast;interleaved=0-1");
                ctx.writeAndFlush(res);
            } else if (req.method().equals(RtspMethods.PLAY)) {
                if (!"12345678".equals(req.headers().get(RtspHeaderNames.SESSION))) {
                    ctx.writeAndFlush(response(RtspResponseStatuses.SESSION_NOT_FOUND, cseq));
                    return;
                }
                int n = plays.getAndIncrement();
                ctx.write(response(RtspResponseStatuses.OK, cseq));
                for (byte[] p : sessions.get(Math.min(n, sessions.size() - 1))) {
                    ByteBuf frame = Unpooled.buffer(4 + p.length);
                    frame.writeByte('$').writeByte(0).writeShort(p.length).writeBytes(p);
                    ctx.write(frame);
                }
                var flushed = ctx.writeAndFlush(Unpooled.EMPTY_BUFFER);
                if (dropAfterSending) {
                    flushed.addListener(ChannelFutureListener.CLOSE);
                }
            } else {
                ctx.writeAndFlush(response(RtspResponseStatuses.METHOD_NOT_ALLOWED, cseq));
            }
        }

        private boolean authorised(FullHttpRequest req) {
            if (auth == Auth.NONE) {
                return true;
            }
            String h = req.headers().get(RtspHeaderNames.AUTHORIZATION);
            if (h == null) {
                return false;
            }
            boolean ok;
            if (auth == Auth.BASIC) {
                ok = h.equals("Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            } else {
                Map<String, String> p = new java.util.HashMap<>();
                Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))").matcher(h);
                while (m.find()) {
                    p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
                }
                String ha1 = md5(user + ":" + REALM + ":" + password);
                String ha2 = md5(req.method().name() + ":" + p.get("uri"));
                String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
                ok = h.startsWith("Digest ") && user.equals(p.get("username")) && nonce.equals(p.get("nonce"))
                        && req.uri().equals(p.get("uri")) && "auth".equals(p.get("qop")) && expected.equals(p.get("response"));
            }
            if (ok) {
                authorizations.add(h);
            }
            return ok;
        }
    }

    private static FullHttpResponse response(HttpResponseStatus status, String cseq) {
        FullHttpResponse res = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status);
        res.headers().set(RtspHeaderNames.CSEQ, cseq);
        return res;
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >> (56 - 8 * i));
        }
        return b;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
