package org.skydas.watch.normalise;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.remoteid.OdidBasicId;
import org.skydas.ingest.remoteid.OdidLocation;
import org.skydas.ingest.remoteid.OdidMessage;
import org.skydas.ingest.remoteid.OdidMessagePack;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;

/**
 * What a Remote ID receiver heard from one drone (a message pack or single messages) as a tracker detection:
 * the Location/Vector message gives position, geodetic altitude, velocity and time (tenths past the hour,
 * resolved against the receive time); the Basic ID gives the serial that names the drone
 * ({@code rid:<serial>}). A drone that broadcasts Remote ID is a drone: the class hint is near certain. The
 * accuracies on the wire are 95 % bounds, so one sigma is half of them.
 */
public final class RemoteIdToDetection {

    static final double UNKNOWN_ACCURACY_M = 30;
    static final double MIN_SIGMA_M = 3;

    private RemoteIdToDetection() {
    }

    /** The detection, or null when the message carries no position. */
    public static Detection convert(OdidMessage m, long receivedAtMillis, int sensorId) {
        List<OdidMessage> parts = m instanceof OdidMessagePack pack ? pack.messages() : List.of(m);
        OdidLocation loc = null;
        String serial = null;
        for (OdidMessage part : parts) {
            if (part instanceof OdidLocation l && l.hasPosition()) {
                loc = l;
            } else if (part instanceof OdidBasicId b && serial == null && b.uasId() != null && !b.uasId().isBlank()) {
                serial = b.uasId().strip();
            }
        }
        if (loc == null) {
            return null;
        }
        Instant received = Instant.ofEpochMilli(receivedAtMillis);
        Instant when = loc.resolveTime(received);
        double t = (when != null ? when : received).toEpochMilli() / 1000.0;
        Coordinate grid = Lks94.toGrid(loc.lonDeg(), loc.latDeg());
        double acc = loc.horizontalAccuracyM();
        double sigma = Double.isFinite(acc) ? Math.max(MIN_SIGMA_M, acc / 2) : UNKNOWN_ACCURACY_M;
        double vx = Double.NaN;
        double vy = Double.NaN;
        if (Double.isFinite(loc.speedHorizontalMps()) && Double.isFinite(loc.directionDeg())) {
            double dir = Math.toRadians(loc.directionDeg());
            vx = loc.speedHorizontalMps() * Math.sin(dir);
            vy = loc.speedHorizontalMps() * Math.cos(dir);
        }
        double v = sigma * sigma;
        Detection d = new Detection(t, sensorId, grid.x, grid.y, Double.NaN, Double.NaN, v, 0, v, vx, vy,
                TargetKind.DRONE, 0.99, serial == null ? null : "rid:" + serial, Double.NaN)
                .withDimension(Dimension.AIR); // a Remote ID broadcast is an unmanned aircraft's
        if (Double.isFinite(loc.altitudeGeoM())) {
            double vAcc = loc.verticalAccuracyM();
            d = d.withHeight(loc.altitudeGeoM(), Double.isFinite(vAcc) ? Math.max(MIN_SIGMA_M, vAcc / 2) : UNKNOWN_ACCURACY_M);
        }
        return d;
    }
}
