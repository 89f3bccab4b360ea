package org.skydas.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.listen.AsterixListener;
import org.skydas.ingest.listen.CotListener;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.ingest.listen.MqttDetectionListener;
import org.skydas.ingest.listen.RemoteIdListener;
import org.skydas.ingest.listen.TakStreamListener;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.feed.AsterixFeed;

/**
 * The sensor feeds a running Skydas listens to, all into one pipeline: CoT (TCP and UDP), TAK protocol v1
 * streaming (TCP), ASTERIX (UDP, unicast or multicast), Remote ID (UDP), when a broker is given JSON detections over
 * MQTT, SAPIENT, STANAG 4607 and ONVIF (pushed over HTTP, or pulled from cameras over RTSP: clients that reconnect). A port of -1 leaves a feed off; 0 picks any free port. A feed that cannot start stops
 * the start with a clear message (and closes what had started).
 */
final class Feeds implements AutoCloseable {

    /** Where to listen. */
    record Ports(int cot, int takIn, int asterix, String asterixGroup, String asterixInterface, int remoteId,
                 String mqttUrl, String mqttTopic, int sapient, int gmti, int onvif, List<String> onvifRtsp) {

        Ports {
            onvifRtsp = onvifRtsp == null ? List.of() : List.copyOf(onvifRtsp);
        }

        Ports(int cot, int takIn, int asterix, String asterixGroup, String asterixInterface, int remoteId,
              String mqttUrl, String mqttTopic) {
            this(cot, takIn, asterix, asterixGroup, asterixInterface, remoteId, mqttUrl, mqttTopic, -1, -1, -1,
                    List.of());
        }

        /** With the SAPIENT (TCP), STANAG 4607 GMTI (TCP and UDP) and ONVIF push (HTTP) ports; -1 leaves one off. */
        Ports withSensorStandards(int sapientPort, int gmtiPort, int onvifPort) {
            return new Ports(cot, takIn, asterix, asterixGroup, asterixInterface, remoteId, mqttUrl, mqttTopic,
                    sapientPort, gmtiPort, onvifPort, onvifRtsp);
        }

        /** With ONVIF metadata streams pulled over RTSP, each {@code <camera asset id>=rtsp://...}. */
        Ports withOnvifRtsp(List<String> cameraStreams) {
            return new Ports(cot, takIn, asterix, asterixGroup, asterixInterface, remoteId, mqttUrl, mqttTopic,
                    sapient, gmti, onvif, cameraStreams);
        }

        static Ports none() {
            return new Ports(-1, -1, -1, null, null, -1, null, null);
        }
    }

    /**
     * How the feeds protect themselves: options of the TCP ports (cap, idle timeout, TLS with client
     * certificates), the address UDP feeds bind to, and the MQTT login.
     */
    record Guard(org.skydas.ingest.listen.TcpOptions tcp, String udpHost,
                 org.skydas.ingest.listen.MqttDetectionListener.Credentials mqtt) {

        static Guard open(String host) {
            return new Guard(org.skydas.ingest.listen.TcpOptions.DEFAULTS, host,
                    org.skydas.ingest.listen.MqttDetectionListener.Credentials.NONE);
        }
    }

    private CotListener cot;
    private TakStreamListener tak;
    private AsterixListener asterix;
    private AsterixFeed asterixFeed;
    private RemoteIdListener remoteId;
    private MqttDetectionListener mqtt;
    private org.skydas.ingest.listen.SapientListener sapient;
    private org.skydas.watch.feed.SapientFeed sapientFeed;
    private org.skydas.ingest.listen.GmtiListener gmti;
    private org.skydas.watch.feed.GmtiFeed gmtiFeed;
    private org.skydas.ingest.listen.OnvifListener onvif;
    private org.skydas.watch.feed.OnvifFeed onvifFeed;
    private final List<org.skydas.ingest.listen.OnvifRtspClient> onvifRtsp = new ArrayList<>();

    static Feeds start(String host, Ports ports, LivePipeline pipeline) {
        return start(host, ports, pipeline, Guard.open(host));
    }

    static Feeds start(String host, Ports ports, LivePipeline pipeline, Guard guard) {
        Feeds f = new Feeds();
        String udpHost = guard.udpHost();
        try {
            if (ports.cot() >= 0) {
                f.cot = open("CoT", host, ports.cot(), () -> CotListener.start(host, ports.cot(), pipeline::offerCot,
                        guard.tcp(), udpHost, 0));
            }
            if (ports.takIn() >= 0) {
                f.tak = open("TAK protocol streams", host, ports.takIn(),
                        () -> TakStreamListener.start(host, ports.takIn(), pipeline::offerCot, guard.tcp()));
            }
            if (ports.asterix() >= 0) {
                f.asterixFeed = new AsterixFeed(pipeline);
                f.asterix = open("ASTERIX", ports.asterixGroup() != null ? ports.asterixGroup() : udpHost, ports.asterix(),
                        () -> ports.asterixGroup() != null
                                ? AsterixListener.startMulticast(ports.asterixGroup(), ports.asterix(),
                                        ports.asterixInterface(), f.asterixFeed)
                                : AsterixListener.start(udpHost, ports.asterix(), f.asterixFeed));
            }
            if (ports.remoteId() >= 0) {
                f.remoteId = open("Remote ID", udpHost, ports.remoteId(),
                        () -> RemoteIdListener.start(udpHost, ports.remoteId(), pipeline::offerRemoteId));
            }
            if (ports.sapient() >= 0) {
                f.sapientFeed = new org.skydas.watch.feed.SapientFeed(pipeline);
                f.sapient = open("SAPIENT", host, ports.sapient(), () -> org.skydas.ingest.listen.SapientListener.start(host,
                        ports.sapient(), f.sapientFeed, guard.tcp(),
                        org.skydas.ingest.listen.SapientListener.DEFAULT_MAX_MESSAGE_BYTES));
            }
            if (ports.gmti() >= 0) {
                f.gmtiFeed = new org.skydas.watch.feed.GmtiFeed(pipeline);
                f.gmti = open("STANAG 4607 GMTI", host, ports.gmti(), () -> org.skydas.ingest.listen.GmtiListener.start(host,
                        ports.gmti(), f.gmtiFeed, guard.tcp(), udpHost));
            }
            if (ports.onvif() >= 0 || !ports.onvifRtsp().isEmpty()) {
                f.onvifFeed = new org.skydas.watch.feed.OnvifFeed(pipeline);
            }
            if (ports.onvif() >= 0) {
                f.onvif = open("ONVIF events", host, ports.onvif(), () -> org.skydas.ingest.listen.OnvifListener.start(host,
                        ports.onvif(), f.onvifFeed, guard.tcp()));
            }
            for (String spec : ports.onvifRtsp()) {
                f.onvifRtsp.add(startRtsp(spec, f.onvifFeed));
            }
            if (ports.mqttUrl() != null) {
                try {
                    f.mqtt = MqttDetectionListener.start(ports.mqttUrl(), ports.mqttTopic(), pipeline::offerJson, guard.mqtt());
                } catch (Exception e) {
                    throw new UserError("cannot subscribe to " + ports.mqttTopic() + " at MQTT broker " + ports.mqttUrl()
                            + ": " + e.getMessage());
                }
            }
            return f;
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** {@code <camera asset id>=rtsp://...}: that camera's metadata stream, pulled over RTSP into the ONVIF feed. */
    private static org.skydas.ingest.listen.OnvifRtspClient startRtsp(String spec, org.skydas.watch.feed.OnvifFeed feed) {
        int eq = spec.indexOf('=');
        int scheme = spec.indexOf("://");
        if (eq <= 0 || scheme >= 0 && eq > scheme) {
            throw new UserError("--onvif-rtsp " + org.skydas.ingest.listen.OnvifRtspClient.redact(spec)
                    + ": give the camera asset id the stream is from, as <camera id>=rtsp://host[:port]/path");
        }
        String camera = spec.substring(0, eq).strip();
        if (!feed.knows(camera)) {
            throw new UserError("--onvif-rtsp: " + camera + " is not a camera asset of the scenario");
        }
        try {
            return org.skydas.ingest.listen.OnvifRtspClient.start(camera, spec.substring(eq + 1).strip(), feed,
                    org.skydas.ingest.listen.OnvifRtspClient.Options.DEFAULTS);
        } catch (IllegalArgumentException e) {
            throw new UserError("--onvif-rtsp " + camera + ": " + e.getMessage());
        }
    }

    private interface Opener<T> {
        T open() throws Exception;
    }

    private static <T> T open(String what, String host, int port, Opener<T> opener) {
        try {
            return opener.open();
        } catch (Exception e) {
            throw new UserError("cannot listen for " + what + " on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    CotListener cot() {
        return cot;
    }

    int cotPort() {
        return cot == null ? -1 : cot.port();
    }

    int takInPort() {
        return tak == null ? -1 : tak.port();
    }

    int asterixPort() {
        return asterix == null ? -1 : asterix.port();
    }

    int remoteIdPort() {
        return remoteId == null ? -1 : remoteId.port();
    }

    int sapientPort() {
        return sapient == null ? -1 : sapient.port();
    }

    int gmtiPort() {
        return gmti == null ? -1 : gmti.port();
    }

    int onvifPort() {
        return onvif == null ? -1 : onvif.port();
    }

    org.skydas.watch.feed.SapientFeed sapientFeed() {
        return sapientFeed;
    }

    /** The way back to registered SAPIENT nodes (an operator's tasks), or null when SAPIENT is off. */
    org.skydas.ingest.sapient.SapientLink sapientLink() {
        return sapient;
    }

    /** Every listener's counters (and the ASTERIX plot counters), for /api/ingest/stats. */
    List<ListenerStats> stats() {
        List<ListenerStats> all = new ArrayList<>();
        if (cot != null) {
            all.addAll(cot.stats());
        }
        if (tak != null) {
            all.addAll(tak.stats());
        }
        if (asterix != null) {
            all.addAll(asterix.stats());
            all.add(asterixFeed.stats());
        }
        if (remoteId != null) {
            all.addAll(remoteId.stats());
        }
        if (mqtt != null) {
            all.addAll(mqtt.stats());
        }
        if (sapient != null) {
            all.addAll(sapient.stats());
            all.add(sapientFeed.stats());
        }
        if (gmti != null) {
            all.addAll(gmti.stats());
            all.add(gmtiFeed.stats());
        }
        if (onvif != null) {
            all.addAll(onvif.stats());
        }
        for (var c : onvifRtsp) {
            all.addAll(c.stats());
        }
        if (onvifFeed != null) {
            all.add(onvifFeed.stats());
        }
        return all;
    }

    /** Each running listener: whether it is still listening (for /api/health). */
    java.util.Map<String, Boolean> health() {
        java.util.Map<String, Boolean> m = new java.util.LinkedHashMap<>();
        if (cot != null) {
            m.put("cot", cot.isOpen());
        }
        if (tak != null) {
            m.put("tak", tak.isOpen());
        }
        if (asterix != null) {
            m.put("asterix", asterix.isOpen());
        }
        if (remoteId != null) {
            m.put("remoteid", remoteId.isOpen());
        }
        if (mqtt != null) {
            m.put("mqtt", mqtt.isOpen());
        }
        if (sapient != null) {
            m.put("sapient", sapient.isOpen());
        }
        if (gmti != null) {
            m.put("gmti", gmti.isOpen());
        }
        if (onvif != null) {
            m.put("onvif", onvif.isOpen());
        }
        for (var c : onvifRtsp) {
            m.put("onvif-rtsp:" + c.cameraId(), c.isPlaying());
        }
        return m;
    }

    void announce(PrintStream out) {
        if (cot != null) {
            out.println("Cursor-on-Target in on tcp/udp port " + cot.port());
        }
        if (tak != null) {
            out.println("TAK protocol v1 streams in on tcp port " + tak.port());
        }
        if (asterix != null) {
            out.println("ASTERIX in on udp port " + asterix.port());
        }
        if (remoteId != null) {
            out.println("Remote ID (F3411 messages) in on udp port " + remoteId.port());
        }
        if (mqtt != null) {
            out.println("JSON detections from MQTT topic " + mqtt.topic());
        }
        if (sapient != null) {
            out.println("SAPIENT (BSI Flex 335 v2.0 and v1.0) sensor nodes in on tcp port " + sapient.port()
                    + ", fusion node " + sapient.fusionNodeId());
        }
        if (gmti != null) {
            out.println("STANAG 4607 GMTI in on tcp/udp port " + gmti.port());
        }
        if (onvif != null) {
            out.println("ONVIF camera events in on http port " + onvif.port() + " (POST /onvif/<camera asset id>)");
        }
        for (var c : onvifRtsp) {
            out.println("ONVIF metadata of camera " + c.cameraId() + " pulled over RTSP from " + c.url());
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(java.util.Arrays.asList(cot, tak, asterix, remoteId, mqtt, sapient,
                gmti, onvif));
        all.addAll(onvifRtsp);
        for (AutoCloseable c : all) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("skydas: closing a listener: " + e.getMessage());
                }
            }
        }
    }
}
