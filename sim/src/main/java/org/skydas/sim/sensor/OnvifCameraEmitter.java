package org.skydas.sim.sensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.OnvifEncoder;

/**
 * A scenario camera asset reporting as an ONVIF camera with object analytics: each scan that it sees something, one
 * {@code tt:MetadataStream} frame on {@link Channel#ONVIF} with an object per walker, vehicle or animal (the same
 * object id for the same object while the camera follows it), its box across the image from its bearing in the
 * camera's sector, its class and its geolocation. No false alarms.
 */
public final class OnvifCameraEmitter extends SensorEmitter {

    private final Map<String, Integer> objectIds = new HashMap<>();
    private final double fromDeg;
    private final double spanDeg;

    public OnvifCameraEmitter(Asset camera, SplittableRandom random, Visibility visibility) {
        super(camera, random, visibility, List.of());
        double span = ((sensor.azimuthToDeg() - sensor.azimuthFromDeg()) % 360 + 360) % 360;
        this.fromDeg = sensor.azimuthFromDeg();
        this.spanDeg = span == 0 ? 360 : span;
    }

    @Override
    protected boolean reportsFalseAlarms() {
        return false;
    }

    @Override
    protected void report(double t, List<Hit> hits, EmitContext ctx) {
        if (hits.isEmpty()) {
            return;
        }
        List<OnvifEncoder.FrameObject> objects = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            Coordinate w = Lks94.toWgs84(h.x(), h.y());
            double az = Math.toDegrees(Math.atan2(h.x() - x, h.y() - y));
            double across = ((az - fromDeg) % 360 + 360) % 360 / spanDeg; // 0 .. 1 left to right
            double range = Math.max(1, Math.hypot(h.x() - x, h.y() - y));
            String type = switch (h.object().kind()) {
                case PERSON -> "Human";
                case VEHICLE -> "Vehicle";
                case ANIMAL -> "Animal";
                case DRONE -> "Unknown";
            };
            int id = objectIds.computeIfAbsent(h.object().id(), k -> objectIds.size() + 1);
            objects.add(new OnvifEncoder.FrameObject(id, Math.max(-1, Math.min(1, 2 * across - 1)),
                    Math.min(0.5, 30 / range), type, 0.75 + 0.2 * random.nextDouble(), w.x, w.y, h.heightM()));
        }
        ctx.send(t, asset.id(), Channel.ONVIF, OnvifEncoder.frame(ctx.timeAt(t), "VideoSource_1", objects));
    }
}
