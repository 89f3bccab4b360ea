package org.skydas.ingest.onvif;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Decoded ONVIF metadata ({@code tt:MetadataStream}): events and video-analytics frames. */
public final class Onvif {

    private Onvif() {
    }

    /** One document: its event notifications and analytics frames, in document order. */
    public record Document(List<Event> events, List<Frame> frames) {
    }

    /**
     * An event notification. {@code topic} has each segment's prefix replaced by a fixed one for its namespace
     * ({@code tns1} ONVIF, {@code tnsaxis} Axis, else {@code {uri}}), so topics compare whatever prefixes the camera
     * chose. {@code operation} is Initialized, Changed or Deleted; items are the Source, Key and Data SimpleItems.
     */
    public record Event(String topic, Instant utcTime, String operation, Map<String, String> source,
                        Map<String, String> key, Map<String, String> data) {

        /** Whether the data item {@code name} says true ("true" or "1"). */
        public boolean isTrue(String name) {
            String v = data.get(name);
            return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
        }
    }

    /** A class opinion: type (Human, Vehicle, Face, ...) and likelihood 0-1 (null when not given). */
    public record ClassLikelihood(String type, Double likelihood) {
    }

    /**
     * An analytics object: id, bounding box in normalised image coordinates ([-1, 1], y up; after the frame's and the
     * appearance's transformations; null when absent), class opinions, and geolocation when the camera gives one.
     */
    public record Object(String objectId, Double left, Double top, Double right, Double bottom,
                         List<ClassLikelihood> classes, Double lonDeg, Double latDeg) {
    }

    /** A video-analytics frame. */
    public record Frame(Instant utcTime, String source, List<Object> objects) {
    }
}
