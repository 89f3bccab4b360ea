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
     * @param status      the track's life-cycle state ({@code confirmed}, {@code coasting}…), for the operators' picture;
     *                    null in records of nodes before it was added
     * @param existence   the track's existence probability (its quality on the picture), or null (as {@code status})
     * @param classProbabilities per target class ({@code person}, {@code vehicle}…), or null (as {@code status})
     */
    public record TrackRecord(long id, int node, int partition, String sector, double t, double x, double y, double vx,
                              double vy, String targetClass, boolean deleted, String externalId, long publishedMs,
                              String status, Double existence, java.util.Map<String, Double> classProbabilities) {

        /** Jackson reads the record through this (the canonical) constructor. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public TrackRecord {
        }

        /** A record without status, quality and class probabilities (as written before they were added). */
        public TrackRecord(long id, int node, int partition, String sector, double t, double x, double y, double vx,
                           double vy, String targetClass, boolean deleted, String externalId, long publishedMs) {
            this(id, node, partition, sector, t, x, y, vx, vy, targetClass, deleted, externalId, publishedMs, null, null,
                    null);
        }
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

    /** Readers and writers made once per record type (a tracker node writes and reads thousands a second). */
    private static final ClassValue<com.fasterxml.jackson.databind.ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected com.fasterxml.jackson.databind.ObjectReader computeValue(Class<?> type) {
            return JSON.readerFor(type);
        }
    };
    private static final ClassValue<com.fasterxml.jackson.databind.ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected com.fasterxml.jackson.databind.ObjectWriter computeValue(Class<?> type) {
            return JSON.writerFor(type);
        }
    };

    public static byte[] encode(Object record) {
        try {
            return WRITERS.get(record.getClass()).writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + record, e);
        }
    }

    /** The record, or null when {@code bytes} are not one (counted by the caller). */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return READERS.get(type).readValue(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
