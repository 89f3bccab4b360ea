package org.skydas.sim;

/**
 * Where a simulated message goes, i.e. which Skydas ingest feed reads it. The transport maps each channel to
 * an endpoint; the core only labels messages.
 */
public enum Channel {
    /** ASTERIX data blocks (CAT034 service, CAT048 plots), one UDP datagram per message. */
    ASTERIX("asterix", false),
    /** One Skydas JSON detection per message, sent as an HTTP POST body. */
    DETECTION_JSON("detection_json", true),
    /** One Open Drone ID message pack (25-byte messages, no transport framing), one UDP datagram per message. */
    REMOTE_ID("remote_id", false),
    /** One CoT XML event per message (declaration included), over a TCP stream or UDP. */
    COT("cot", true),
    /**
     * One SAPIENT (BSI Flex 335 v2.0) message per message, framed (4-byte little-endian length, then the protobuf):
     * each sending node has its own TCP session with the fusion node.
     */
    SAPIENT("sapient", false),
    /** One STANAG 4607 packet (Mission and Dwell segments) per message, one UDP datagram each. */
    GMTI("gmti", false),
    /**
     * One ONVIF {@code tt:MetadataStream} document (object analytics) per message, pushed as an HTTP POST to the
     * listener's {@code /onvif/<camera asset id>}.
     */
    ONVIF("onvif", true);

    private final String wire;
    private final boolean text;

    Channel(String wire, boolean text) {
        this.wire = wire;
        this.text = text;
    }

    /** Name in journals and configuration. */
    public String wire() {
        return wire;
    }

    /** Whether the payload is UTF-8 text (journals then keep it readable). */
    public boolean isText() {
        return text;
    }

    public static Channel fromWire(String s) {
        for (Channel c : values()) {
            if (c.wire.equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + s + "'");
    }
}
