package org.skydas.sim.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.skydas.sim.Channel;
import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;

/**
 * Sends simulated messages to a Skydas server on this machine: each {@link Channel} goes to one endpoint, a UDP
 * port, a TCP port (a stream of messages back to back, as CoT over TCP) or an HTTP URL (one POST per message).
 * Only loopback addresses are accepted: the simulator must never spray fake sensor data onto a real network.
 * A failed send is counted and kept as the last error, never thrown: the run goes on, the operator sees the count.
 * Synchronous; one thread.
 */
public final class SimTransport implements MessageSink, AutoCloseable {

    /** Where a channel's messages go. */
    public sealed interface Endpoint permits Udp, Tcp, Http, SapientTcp, OnvifHttp {
    }

    /**
     * A SAPIENT fusion node's TCP port: each sending node (the message's source) gets its own session, and answers
     * the tasks it is sent ({@link SapientSessions}).
     */
    public record SapientTcp(int port) implements Endpoint {
    }

    /**
     * An ONVIF event listener: each message is POSTed as {@code application/xml} to
     * {@code http://127.0.0.1:port/onvif/<source>}, the sending camera's asset id.
     */
    public record OnvifHttp(int port) implements Endpoint {
    }

    public record Udp(int port) implements Endpoint {
    }

    public record Tcp(int port) implements Endpoint {
    }

    /**
     * {@code uri} must name a loopback host (localhost, 127.0.0.1, [::1]); {@code headers} are added to every
     * request (e.g. {@code Authorization: Bearer <token>} for the server's {@code /api/detections}).
     */
    public record Http(URI uri, String contentType, Map<String, String> headers) implements Endpoint {

        public Http {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public Http(URI uri, String contentType) {
            this(uri, contentType, Map.of());
        }
    }

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final Map<Channel, Endpoint> routes = new EnumMap<>(Channel.class);
    private final Map<Channel, Socket> tcp = new EnumMap<>(Channel.class);
    private SapientSessions sapient;
    private DatagramSocket udp;
    private HttpClient http;
    private long sent;
    private long failed;
    private long unrouted;
    private String lastError;

    /** Routes a channel; a channel without a route is counted as unrouted and dropped. */
    public SimTransport route(Channel channel, Endpoint endpoint) {
        if (endpoint instanceof Http h) {
            requireLoopback(h.uri());
        }
        if (endpoint instanceof Udp u) {
            checkPort(u.port());
        }
        if (endpoint instanceof Tcp t) {
            checkPort(t.port());
        }
        if (endpoint instanceof SapientTcp t) {
            checkPort(t.port());
        }
        if (endpoint instanceof OnvifHttp o) {
            checkPort(o.port());
        }
        routes.put(channel, endpoint);
        return this;
    }

    @Override
    public void accept(SimMessage m) {
        Endpoint e = routes.get(m.channel());
        if (e == null) {
            unrouted++;
            return;
        }
        try {
            switch (e) {
                case Udp u -> sendUdp(u, m.payload());
                case Tcp t -> sendTcp(m.channel(), t, m.payload());
                case Http h -> sendHttp(h, m.payload());
                case SapientTcp t -> sapient(t).send(m.sourceId(), m.payload());
                case OnvifHttp o -> sendHttp(new Http(URI.create("http://127.0.0.1:" + o.port() + "/onvif/"
                        + java.net.URLEncoder.encode(m.sourceId(), java.nio.charset.StandardCharsets.UTF_8)),
                        "application/xml"), m.payload());
            }
            sent++;
        } catch (IOException | RuntimeException ex) {
            failed++;
            lastError = m.channel().wire() + ": " + ex;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            failed++;
            lastError = "interrupted";
        }
    }

    private void sendUdp(Udp u, byte[] payload) throws IOException {
        if (udp == null) {
            udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        }
        udp.send(new DatagramPacket(payload, payload.length, loopback, u.port()));
    }

    private void sendTcp(Channel c, Tcp t, byte[] payload) throws IOException {
        Socket s = tcp.get(c);
        if (s == null || s.isClosed()) {
            s = new Socket();
            s.connect(new InetSocketAddress(loopback, t.port()), 2_000);
            s.setTcpNoDelay(true);
            tcp.put(c, s);
        }
        try {
            OutputStream out = s.getOutputStream();
            out.write(payload);
            out.flush();
        } catch (IOException ex) {
            s.close(); // reconnect on the next message
            tcp.remove(c);
            throw ex;
        }
    }

    private SapientSessions sapient(SapientTcp t) {
        if (sapient == null) {
            sapient = new SapientSessions(loopback, t.port());
        }
        return sapient;
    }

    /** SAPIENT sessions: registrations accepted and refused, Error replies, tasks answered; all zero without any. */
    public Map<String, Long> sapientCounts() {
        SapientSessions s = sapient;
        return s == null ? Map.of("accepted", 0L, "refused", 0L, "errors", 0L, "tasks_answered", 0L)
                : Map.of("accepted", s.accepted.get(), "refused", s.refused.get(), "errors", s.errors.get(),
                        "tasks_answered", s.tasksAnswered.get());
    }

    private void sendHttp(Http h, byte[] payload) throws IOException, InterruptedException {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", h.contentType() == null ? "application/json" : h.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        h.headers().forEach(b::header);
        HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + r.statusCode() + " from " + h.uri());
        }
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        boolean ok;
        try {
            ok = host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            ok = false;
        }
        if (!ok || uri.getScheme() == null || !uri.getScheme().equals("http")) {
            throw new IllegalArgumentException("the simulator sends only to http:// on loopback, not " + uri);
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 1..65535, is " + port);
        }
    }

    public long sent() {
        return sent;
    }

    public long failed() {
        return failed;
    }

    public long unrouted() {
        return unrouted;
    }

    /** The last send failure, or null. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        if (udp != null) {
            udp.close();
        }
        for (Socket s : tcp.values()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
        tcp.clear();
        if (sapient != null) {
            sapient.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
