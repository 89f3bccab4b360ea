package org.skydas.ingest.cot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Cursor-on-Target event, whether it arrived as XML ("TAK protocol version 0") or as a TAK v1
 * protobuf. Immutable.
 *
 * @param version    the {@code version} attribute as sent ("2.0"; real UAS tools send "2")
 * @param how        null when the sender omitted it (schema-invalid but seen in the field)
 * @param access     optional attribute, may be null (as may {@code qos} and {@code opex})
 * @param deviations harmless departures from the MITRE base schema that were tolerated (missing
 *                   {@code how}, NaN numbers, text inside {@code <point>}...); empty for valid input
 */
public record CotEvent(String version, String uid, String type, String how,
                       Instant time, Instant start, Instant stale,
                       String access, String qos, String opex,
                       CotPoint point, CotDetail detail, List<String> deviations) {

    public CotEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stale, "stale");
        Objects.requireNonNull(point, "point");
        detail = detail == null ? CotDetail.EMPTY : detail;
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
        version = version == null ? "2.0" : version;
    }

    /** A schema-conforming event with no optional attributes. */
    public static CotEvent of(String uid, String type, String how, Instant time, Instant start, Instant stale,
                              CotPoint point, CotDetail detail) {
        return new CotEvent("2.0", uid, type, how, time, start, stale, null, null, null, point, detail, List.of());
    }

    /** The contact callsign, from the typed contact or else from a {@code <contact>} kept in xmlDetail. */
    public String callsign() {
        if (detail.contact() != null && detail.contact().callsign() != null) {
            return detail.contact().callsign();
        }
        return CotDetailScan.attribute(detail.xmlDetail(), "contact", "callsign");
    }

    /**
     * The track (speed m/s, course °), typed or read from a {@code <track>} kept in xmlDetail (UAS
     * tools add a {@code slope} attribute); null when there is none.
     */
    public CotTrack track() {
        if (detail.track() != null) {
            return detail.track();
        }
        String course = CotDetailScan.attribute(detail.xmlDetail(), "track", "course");
        String speed = CotDetailScan.attribute(detail.xmlDetail(), "track", "speed");
        if (course == null && speed == null) {
            return null;
        }
        return new CotTrack(CotNumbers.parseOrNaN(speed), CotNumbers.parseOrNaN(course));
    }

    /** True once {@code now} is at or after {@code stale}: the track should be dropped. */
    public boolean isStaleAt(Instant now) {
        return !now.isBefore(stale);
    }

    /** Copy with another detail (used by the TAK encoder and by tests). */
    public CotEvent withDetail(CotDetail newDetail) {
        return new CotEvent(version, uid, type, how, time, start, stale, access, qos, opex, point, newDetail, deviations);
    }
}
