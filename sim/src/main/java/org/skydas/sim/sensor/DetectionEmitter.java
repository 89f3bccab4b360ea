package org.skydas.sim.sensor;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.DetectionWriter;
import org.skydas.sim.motion.SimObject;
import org.skydas.sim.script.ObjectKind;

/**
 * Sensors that report Skydas JSON detections: cameras and observation posts (position, bearing and class),
 * fence and seismic lines (distance along the line), acoustic and RF detectors (bearing only; RF hears drones
 * only). One message per detection, posted over HTTP.
 */
public final class DetectionEmitter extends SensorEmitter {

    private final String kind;
    private final DetectionWriter writer = new DetectionWriter();
    private final Map<String, Integer> localIds = new HashMap<>();
    private int nextLocal = 1;

    public DetectionEmitter(Asset asset, SplittableRandom random, Visibility visibility, List<double[]> clutter) {
        super(asset, random, visibility, clutter);
        kind = kindOf(asset.type());
    }

    /** The JSON {@code kind} for an asset type, or null when the type does not report JSON detections. */
    public static String kindOf(AssetType type) {
        return switch (type) {
            case EO_IR_CAMERA, THERMAL_CAMERA, OBSERVATION_POST -> "camera";
            case FENCE_SENSOR -> "fence";
            case SEISMIC_LINE -> "seismic";
            case ACOUSTIC -> "acoustic";
            case RF_DETECTOR -> "rf";
            default -> null;
        };
    }

    @Override
    protected boolean senses(SimObject o) {
        return super.senses(o) && (!kind.equals("rf") || o.kind() == ObjectKind.DRONE);
    }

    @Override
    protected void report(double t, List<Hit> hits, EmitContext ctx) {
        for (Hit h : hits) {
            Coordinate w = Lks94.toWgs84(h.x(), h.y());
            double lat = Double.NaN;
            double lon = Double.NaN;
            double alt = Double.NaN;
            double bearing = Double.NaN;
            String lineId = null;
            double sigma = Math.max(0.1, sensor.positionNoiseM());
            switch (kind) {
                case "camera" -> {
                    lat = w.y;
                    lon = w.x;
                    alt = h.heightM();
                    bearing = trueBearing(w);
                }
                case "fence", "seismic" -> lineId = asset.id();
                default -> bearing = trueBearing(w);
            }
            String hint = null;
            double confidence = Double.NaN;
            if (!kind.equals("fence") && !kind.equals("seismic")) {
                hint = hint(h.object());
                confidence = h.object() == null ? 0.2 + 0.3 * random.nextDouble() : 0.6 + 0.35 * random.nextDouble();
            }
            String external = asset.id() + "/" + (h.object() == null ? nextLocal++
                    : localIds.computeIfAbsent(h.object().id(), k -> nextLocal++));
            String json = writer.write(new DetectionWriter.Fields(asset.id(), ctx.timeAt(t), kind, lat, lon, alt,
                    bearing, lineId, h.alongLineM(), hint, confidence, lineId != null || !Double.isNaN(lat) ? sigma : 0,
                    external));
            ctx.send(t, asset.id(), Channel.DETECTION_JSON, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private double trueBearing(Coordinate target) {
        Coordinate site = Lks94.toWgs84(x, y);
        return Geodesy.rangeAzimuth(site.y, site.x, 0, target.y, target.x, 0)[1];
    }

    private static String hint(SimObject o) {
        if (o == null) {
            return "unknown";
        }
        return switch (o.kind()) {
            case PERSON -> o.groupSize() > 1 ? "group" : "person";
            case VEHICLE -> "vehicle";
            case DRONE -> "drone";
            case ANIMAL -> "animal";
        };
    }
}
