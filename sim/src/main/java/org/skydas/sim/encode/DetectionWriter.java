package org.skydas.sim.encode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes Skydas JSON detections (ingest's {@code detection.schema.json}). Positions are rounded to 1e-7° (1 cm),
 * other numbers to 0.1; times to the millisecond, so the same run always writes the same text.
 */
public final class DetectionWriter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private final ObjectMapper mapper = new ObjectMapper();

    /** What a detection says; {@code bearingDeg}, {@code line*} may be NaN/null when not reported. */
    public record Fields(String sensorId, Instant time, String kind, double lat, double lon, double altM,
                         double bearingDeg, String lineId, double lineDistanceM, String classHint,
                         double confidence, double positionErrorM, String externalId) {
    }

    public String write(Fields f) {
        ObjectNode o = mapper.createObjectNode();
        o.put("sensor_id", f.sensorId());
        o.put("time", TIME.format(f.time().truncatedTo(ChronoUnit.MILLIS)));
        o.put("kind", f.kind());
        if (!Double.isNaN(f.lat())) {
            ObjectNode p = o.putObject("position");
            p.put("lat", round(f.lat(), 7));
            p.put("lon", round(f.lon(), 7));
            if (!Double.isNaN(f.altM())) {
                p.put("alt_m", round(f.altM(), 1));
            }
        }
        if (f.lineId() != null) {
            ObjectNode l = o.putObject("line");
            l.put("line_id", f.lineId());
            l.put("distance_m", round(Math.max(0, f.lineDistanceM()), 1));
        }
        if (!Double.isNaN(f.bearingDeg())) {
            double b = round(((f.bearingDeg() % 360) + 360) % 360, 2);
            o.put("bearing_deg", b >= 360 ? 0 : b);
        }
        if (f.classHint() != null) {
            o.put("class_hint", f.classHint());
            if (!Double.isNaN(f.confidence())) {
                o.put("confidence", round(f.confidence(), 2));
            }
        }
        if (f.positionErrorM() > 0 && (f.lineId() != null || !Double.isNaN(f.lat()))) {
            o.put("position_error_m", Math.max(0.1, round(f.positionErrorM(), 1)));
        }
        if (f.externalId() != null) {
            o.put("external_id", f.externalId());
        }
        return o.toString();
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
