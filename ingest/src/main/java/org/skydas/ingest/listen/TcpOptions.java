package org.skydas.ingest.listen;

import io.netty.handler.ssl.SslContext;

/**
 * How a TCP feed port protects itself: at most {@code maxConnections} at once (more are closed at once and
 * counted), a connection silent for {@code idleSeconds} is closed (counted; 0 = never), and with
 * {@code tls} every connection must complete a TLS handshake first (with a client certificate when the
 * context requires one, as TAK Server's streaming port does); failed handshakes are counted and closed.
 */
public record TcpOptions(int maxConnections, int idleSeconds, SslContext tls) {

    /** 256 connections, 5 minutes of silence, no TLS. */
    public static final TcpOptions DEFAULTS = new TcpOptions(256, 300, null);

    public TcpOptions {
        if (maxConnections < 1 || idleSeconds < 0) {
            throw new IllegalArgumentException("maxConnections >= 1 and idleSeconds >= 0, are " + maxConnections
                    + " and " + idleSeconds);
        }
    }

    public TcpOptions withTls(SslContext context) {
        return new TcpOptions(maxConnections, idleSeconds, context);
    }
}
