package org.skydas.ingest.listen;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.skydas.ingest.DecodeException;
import org.skydas.ingest.onvif.OnvifMetadataParser;
import org.skydas.ingest.onvif.OnvifPush;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * ONVIF camera events in, pushed over HTTP: {@code POST /onvif/<camera>} with a {@code tt:MetadataStream} document
 * or the SOAP {@code wsnt:Notify} that an ONVIF event service sends to the consumer address of a subscription
 * (WS-BaseNotification push; point the camera's subscription, or its HTTP event recipient, at this URL with the
 * scenario's camera asset id). Answers 202 when read, 400 (counted by reason) when the body is no metadata, 404 for
 * another path, 405 for another method, 413 over 1 MiB. Keep-alive connections are served in turn.
 */
public final class OnvifListener implements AutoCloseable {

    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern PATH = Pattern.compile("/onvif/([A-Za-z0-9_.:-]{1,64})/?");

    private final EventLoopGroup group = NettyServers.group("onvif");
    private final ListenerStats stats = new ListenerStats("onvif-http");
    private final OnvifMetadataParser parser = new OnvifMetadataParser();
    private final Channel tcp;

    private OnvifListener(String host, int port, Sink<Received<OnvifPush>> sink, TcpOptions options)
            throws InterruptedException {
        try {
            tcp = NettyServers.tcp(group, host, port, options, stats, () -> new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY_BYTES), new Handler(sink));
                }
            });
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    public static OnvifListener start(String host, int port, Sink<Received<OnvifPush>> sink, TcpOptions options)
            throws InterruptedException {
        return new OnvifListener(host, port, sink, options);
    }

    public int port() {
        return NettyServers.port(tcp);
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    public boolean isOpen() {
        return tcp.isActive();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Sink<Received<OnvifPush>> sink;

        Handler(Sink<Received<OnvifPush>> sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (!req.decoderResult().isSuccess()) {
                stats.received();
                stats.malformed("bad HTTP request");
                answer(ctx, req, HttpResponseStatus.BAD_REQUEST, "bad HTTP request");
                return;
            }
            String path = req.uri();
            int q = path.indexOf('?');
            java.util.regex.Matcher m = PATH.matcher(q < 0 ? path : path.substring(0, q));
            if (!m.matches()) {
                answer(ctx, req, HttpResponseStatus.NOT_FOUND, "POST to /onvif/<camera id>");
                return;
            }
            if (!req.method().equals(HttpMethod.POST)) {
                answer(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "POST only");
                return;
            }
            stats.received();
            try {
                OnvifPush push = new OnvifPush(m.group(1), parser.parse(ByteBufUtil.getBytes(req.content())));
                stats.decoded();
                if (!sink.offer(new Received<>(push, stats.name(), (InetSocketAddress) ctx.channel().remoteAddress(),
                        System.currentTimeMillis()))) {
                    stats.dropped();
                }
                answer(ctx, req, HttpResponseStatus.ACCEPTED, "");
            } catch (DecodeException e) {
                stats.malformed(CotListener.reason(e.getMessage()));
                answer(ctx, req, HttpResponseStatus.BAD_REQUEST, CotListener.reason(e.getMessage()));
            } catch (RuntimeException e) {
                stats.malformed("decoder failure: " + e.getClass().getSimpleName());
                answer(ctx, req, HttpResponseStatus.BAD_REQUEST, "undecodable");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
                stats.received();
                stats.malformed("body over " + MAX_BODY_BYTES + " bytes");
            } else {
                stats.malformed("connection error: " + cause.getClass().getSimpleName());
            }
            ctx.close();
        }
    }

    private static void answer(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String text) {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                io.netty.buffer.Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        HttpUtil.setContentLength(res, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(req) && status.code() < 400;
        HttpUtil.setKeepAlive(res, keepAlive);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }
}
