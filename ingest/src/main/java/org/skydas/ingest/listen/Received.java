package org.skydas.ingest.listen;

import java.net.InetSocketAddress;

/** A decoded message with where and when it came in (receive time, epoch milliseconds). */
public record Received<T>(T message, String listener, InetSocketAddress peer, long receivedAtMillis) {
}
