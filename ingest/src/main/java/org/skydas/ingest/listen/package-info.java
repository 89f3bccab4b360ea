/**
 * Network listeners (Netty, Paho MQTT) that receive sensor feeds, decode them on the I/O thread and hand each
 * message, stamped with listener, peer and receipt time ({@code Received}), to a non-blocking {@code Sink}: CoT over
 * TCP/UDP, TAK v1 streams, ASTERIX over UDP (multicast too), Remote ID over UDP, JSON over MQTT. Each keeps
 * {@code ListenerStats} (received, decoded, malformed by reason, dropped); TCP ports are protected by connection caps,
 * idle timeouts and TLS with client certificates ({@code TcpOptions}, {@code TlsContexts}). Listeners only receive.
 */
package org.skydas.ingest.listen;
