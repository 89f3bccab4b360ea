package org.skydas.ingest.pcap;

/**
 * One captured frame as stored in the file.
 *
 * @param interfaceId     pcapng interface index (always 0 for classic pcap)
 * @param linkType        LINKTYPE_ value of that interface, see {@link LinkType}
 * @param timestampNanos  capture time in nanoseconds since the Unix epoch ({@code Long.MIN_VALUE} when the
 *                        block carries none, as in a pcapng Simple Packet Block)
 * @param originalLength  length of the frame on the wire (may exceed {@code data.length} when truncated
 *                        by the snap length)
 * @param data            the captured bytes, starting with the link-layer header, taken over without a copy (one
 *                        record per frame: the reader hands a fresh array over and keeps no reference);
 *                        {@link #data()} returns a copy
 */
public record CapturedPacket(int interfaceId, int linkType, long timestampNanos, int originalLength, byte[] data) {

    /** A copy of the captured bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Sentinel of {@link #timestampNanos()} for packets without a timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public boolean truncated() {
        return originalLength > data.length;
    }
}
