package org.skydas.ingest.cot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;

/**
 * The attributes of one {@code <event>} as read (raw text), turned into a {@link CotEvent} once
 * {@code </event>} is reached: refuses what is useless for tracking and records each tolerated
 * departure from the schema. Shared by both parse paths so that they cannot disagree on meaning.
 */
final class CotEventBuilder {

    String version;
    String uid;
    String type;
    String how;
    String time;
    String start;
    String stale;
    String access;
    String qos;
    String opex;
    boolean pointSeen;
    String lat;
    String lon;
    String hae;
    String ce;
    String le;
    CotDetail detail;
    final List<String> deviations = new ArrayList<>(0);

    /** Takes an {@code <event>} attribute; ones the schema allows but we do not use are dropped. */
    void eventAttribute(String name, String value) {
        switch (name) {
            case "version" -> version = value;
            case "uid" -> uid = value;
            case "type" -> type = value;
            case "how" -> how = value;
            case "time" -> time = value;
            case "start" -> start = value;
            case "stale" -> stale = value;
            case "access" -> access = value;
            case "qos" -> qos = value;
            case "opex" -> opex = value;
            default -> {
                // other attributes are allowed by the schema and carry nothing we use
            }
        }
    }

    /** Takes a {@code <point>} attribute; others are dropped. */
    void pointAttribute(String name, String value) {
        switch (name) {
            case "lat" -> lat = value;
            case "lon" -> lon = value;
            case "hae" -> hae = value;
            case "ce" -> ce = value;
            case "le" -> le = value;
            default -> {
            }
        }
    }

    CotEvent build() throws DecodeException {
        if (uid == null || uid.isBlank()) {
            throw new DecodeException("event has no uid");
        }
        if (type == null || type.isBlank()) {
            throw new DecodeException("event " + uid + " has no type");
        }
        if (version == null) {
            deviations.add("attribute version missing");
        } else if (!CotNumbers.isXsDecimal(version) || Double.parseDouble(version.strip()) < 2) {
            deviations.add("version '" + version + "' is not a decimal >= 2");
        }
        if (how == null) {
            deviations.add("attribute how missing");
        }
        Instant t = time(time, "time");
        Instant s;
        if (start == null) {
            deviations.add("attribute start missing, taken as time");
            s = t;
        } else {
            s = time(start, "start");
        }
        Instant st = time(stale, "stale");
        if (!pointSeen) {
            throw new DecodeException("event " + uid + " has no <point>");
        }
        double la = coordinate(lat, "lat", 90);
        double lo = coordinate(lon, "lon", 180);
        CotPoint p = new CotPoint(la, lo, optional(hae, "hae"), optional(ce, "ce"), optional(le, "le"));
        return new CotEvent(version, uid, type, how, t, s, st, access, qos, opex, p,
                detail == null ? CotDetail.EMPTY : detail, deviations);
    }

    private Instant time(String value, String name) throws DecodeException {
        if (value == null) {
            throw new DecodeException("event " + uid + " has no " + name + " attribute");
        }
        try {
            return CotTime.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("event " + uid + " attribute " + name + ": " + e.getMessage());
        }
    }

    private double coordinate(String value, String name, double limit) throws DecodeException {
        if (value == null) {
            throw new DecodeException("event " + uid + " <point> has no " + name);
        }
        double v = CotNumbers.parseOrNaN(value);
        if (!(Math.abs(v) <= limit)) {
            throw new DecodeException("event " + uid + " <point> " + name + " '" + value + "' is not in [-" + limit + ", " + limit + "]");
        }
        if (!CotNumbers.isXsDecimal(value)) {
            deviations.add("point " + name + " '" + value + "' is not an xs:decimal");
        }
        return v;
    }

    private double optional(String value, String name) {
        if (value == null) {
            deviations.add("point attribute " + name + " missing, taken as unknown");
            return CotPoint.UNKNOWN;
        }
        if (!CotNumbers.isXsDecimal(value)) {
            deviations.add("point " + name + " '" + value + "' is not an xs:decimal");
        }
        return CotNumbers.parseOrNaN(value);
    }
}
