package org.skydas.watch.normalise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.skydas.geo.Lks94;
import org.skydas.ingest.onvif.Onvif;
import org.skydas.model.Asset;
import org.skydas.model.SensorParameters;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;

/**
 * ONVIF camera metadata as tracker detections, placed in the camera's ground footprint from the scenario's camera
 * asset (its point, azimuth sector and range): a camera reports image coordinates, not ground positions.
 * <ul>
 * <li>Events: a {@code Changed} event of a motion, line-crossing, field or object rule ({@code
 * tns1:RuleEngine/CellMotionDetector/Motion}, {@code MotionRegionDetector}, {@code LineDetector/Crossed},
 * {@code FieldDetector}, {@code tns1:VideoSource/MotionAlarm}, Axis VMD, Motion/Fence/Loitering Guard and Object
 * Analytics) whose state is on ({@code IsMotion}, {@code State}, {@code IsInside}, {@code active} true; a crossing
 * has no state) is one detection at the centre of the footprint: on the sector's middle bearing at half the
 * camera's range, one sigma a third of that range. {@code Initialized} is state at subscription, not news, and
 * {@code Deleted} and "off" changes report nothing. Axis {@code classTypes} (human, vehicle) give the class.
 * <li>Analytics frames: each object with a geolocation is a detection there (10 m sigma); one without is placed on
 * the bearing of its box centre across the sector, at half range, with the same broad sigma.
 * </ul>
 * Other events (PIR, I/O, storage, PTZ, day/night) are journalled and count as the camera's sign of life only.
 */
public final class OnvifToDetection {

    static final double GEO_SIGMA_M = 10;

    private OnvifToDetection() {
    }

    /** The camera's footprint: position (grid), middle bearing, half the sector width, and range, degrees and m. */
    record Footprint(double x, double y, double bearingDeg, double halfWidthDeg, double rangeM) {

        static Footprint of(Asset camera) {
            if (!(camera.geometry() instanceof Point p) || camera.sensor() == null) {
                return null;
            }
            SensorParameters s = camera.sensor();
            double span = ((s.azimuthToDeg() - s.azimuthFromDeg()) % 360 + 360) % 360;
            if (span == 0) {
                span = 360;
            }
            double range = s.rangeM().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (!(range > 0)) {
                return null;
            }
            return new Footprint(p.getX(), p.getY(), s.azimuthFromDeg() + span / 2, span / 2, range);
        }

        Detection at(double t, double bearingDeg) {
            double b = Math.toRadians(bearingDeg);
            double r = rangeM / 2;
            return Detection.position(t, 0, x + r * Math.sin(b), y + r * Math.cos(b), rangeM / 3);
        }
    }

    static boolean isDetectionRule(String topic) {
        String t = topic.toLowerCase(Locale.ROOT);
        return t.contains("motion") || t.contains("linedetector") || t.contains("fielddetector") || t.contains("/vmd")
                || t.contains("vmd3") || t.contains("fenceguard") || t.contains("loiteringguard")
                || t.contains("objectanalytics") && !t.contains("xinternal");
    }

    /** Whether the event says something is there now. */
    static boolean isOn(Onvif.Event e) {
        if (!"Changed".equals(e.operation())) {
            return false;
        }
        if (e.topic().endsWith("LineDetector/Crossed")) {
            return true;
        }
        for (String k : List.of("IsMotion", "State", "IsInside", "active")) {
            if (e.data().containsKey(k)) {
                return e.isTrue(k);
            }
        }
        return false;
    }

    static TargetKind classOf(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "human", "person", "humanbody", "face" -> TargetKind.PERSON;
            case "vehicle", "vehical", "car", "truck", "bus", "motorcycle", "bike", "licenseplate" -> TargetKind.VEHICLE;
            default -> null;
        };
    }

    public static List<Detection> convert(Onvif.Document d, Asset camera, long receivedAtMillis) {
        Footprint fp = Footprint.of(camera);
        List<Detection> out = new ArrayList<>();
        if (fp == null) {
            return out;
        }
        for (Onvif.Event e : d.events()) {
            if (!isDetectionRule(e.topic()) || !isOn(e)) {
                continue;
            }
            Detection det = fp.at(time(e.utcTime(), receivedAtMillis), fp.bearingDeg());
            String types = e.data().get("classTypes");
            TargetKind k = types == null ? null : classOf(types.split(",")[0]);
            if (k != null) {
                det = det.withClassHint(k, 0.7);
            }
            String object = e.data().get("objectId") != null ? e.data().get("objectId") : e.key().get("ObjectId");
            out.add(object == null ? det : det.withExternalId("onvif:" + camera.id() + ":" + object));
        }
        for (Onvif.Frame f : d.frames()) {
            double t = time(f.utcTime(), receivedAtMillis);
            for (Onvif.Object o : f.objects()) {
                Detection det;
                if (o.lonDeg() != null && o.latDeg() != null && Math.abs(o.latDeg()) <= 90 && Math.abs(o.lonDeg()) <= 180) {
                    Coordinate g = Lks94.toGrid(o.lonDeg(), o.latDeg());
                    det = Detection.position(t, 0, g.x, g.y, GEO_SIGMA_M);
                } else if (o.left() != null && o.right() != null) {
                    double cx = Math.max(-1, Math.min(1, (o.left() + o.right()) / 2));
                    det = fp.at(t, fp.bearingDeg() + cx * fp.halfWidthDeg());
                } else {
                    continue;
                }
                Onvif.ClassLikelihood best = null;
                for (Onvif.ClassLikelihood c : o.classes()) {
                    if (classOf(c.type()) != null && (best == null || value(c) > value(best))) {
                        best = c;
                    }
                }
                if (best != null) {
                    det = det.withClassHint(classOf(best.type()), best.likelihood() != null && best.likelihood() > 0
                            ? Math.min(1, best.likelihood()) : 0.7);
                }
                out.add(o.objectId() == null ? det : det.withExternalId("onvif:" + camera.id() + ":" + o.objectId()));
            }
        }
        return out;
    }

    private static double value(Onvif.ClassLikelihood c) {
        return c.likelihood() == null ? 0.5 : c.likelihood();
    }

    private static double time(Instant t, long receivedAtMillis) {
        return (t != null ? t.toEpochMilli() : receivedAtMillis) / 1000.0;
    }

    /** The scenario's cameras by asset id. */
    public static Map<String, Asset> cameras(List<Asset> assets) {
        Map<String, Asset> m = new java.util.HashMap<>();
        for (Asset a : assets) {
            if (a.type().name().contains("CAMERA")) {
                m.put(a.id(), a);
            }
        }
        return m;
    }
}
