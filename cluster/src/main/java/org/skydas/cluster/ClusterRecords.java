package org.skydas.cluster;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON records of the tracks and alerts topics ({@link ClusterTopics}); readers ignore fields they do not know.
 */
public final class ClusterRecords {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ClusterRecords() {
    }

    /**
     * A track update on the tracks topic, published by the tracker node that owns the track's position.
     *
     * @param id          the global track id (kept across hand-overs between owners)
     * @param node        the tracker node that published it
     * @param partition   the sector partition whose watch loop holds the track
     * @param sector      the sector that owns the position
     * @param deleted     the track ended (its last estimate)
     * @param externalId  the track's external id (CoT uid, Remote ID serial…), or null
     * @param publishedMs when it was published, ms since the epoch
     */
    public record TrackRecord(long id, int node, int partition, String sector, double t, double x, double y, double vx,
                              double vy, String targetClass, boolean deleted, String externalId, long publishedMs) {
    }

    /**
     * A new alert committed to the store by a tracker node.
     *
     * @param receivedMs  receipt (ms since the epoch) of the detection that raised it, 0 when unknown
     * @param committedMs when the store committed it
     * @param externalId  the external id of the track it is about, or null
     */
    public record AlertRecord(long id, String rule, String severity, String subject, String sector, int node, double t,
                              double x, double y, long receivedMs, long committedMs, String externalId) {

        /** The record of new alert {@code a} committed by node {@code node}. */
        public static AlertRecord of(org.skydas.alert.Alert a, int node, long receivedMs, long committedMs,
                                     String externalId) {
            return new AlertRecord(a.id(), a.rule().name().toLowerCase(java.util.Locale.ROOT), a.severity().name(),
                    a.subject(), a.sectorId(), node, a.raisedAt(), a.x(), a.y(), receivedMs, committedMs, externalId);
        }
    }

    public static byte[] encode(Object record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + record, e);
        }
    }

    /** The record, or null when {@code bytes} are not one (counted by the caller). */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            return null;
        }
    }
}
