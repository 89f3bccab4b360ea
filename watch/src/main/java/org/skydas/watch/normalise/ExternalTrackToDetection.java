package org.skydas.watch.normalise;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.asterix.ExternalTrack;
import org.skydas.track.Detection;

/**
 * A CAT062 system track (another surveillance system's fused track) as a tracker detection: its WGS84 position
 * (I062/105) in the grid, its velocity (I062/185) as a measured velocity, its geometric altitude (I062/130) as
 * height, its time of day (I062/070) on the UTC day nearest the receive time, and {@code cat062:SAC/SIC:TN} as
 * external id. No class hint: a system track is mostly an aircraft, and calling every airliner a drone would
 * drown the operator in incursion alerts. The sender states no accuracy here, so a system track's typical
 * position error is assumed.
 */
public final class ExternalTrackToDetection {

    /** Assumed one-sigma position error of a fused system track, m. */
    static final double SYSTEM_TRACK_SIGMA_M = 50;

    private ExternalTrackToDetection() {
    }

    public static Detection convert(ExternalTrack t, long receivedAtMillis, int sensorId) {
        double time = PlotToDetection.absoluteTime(t.timeOfDaySeconds(), receivedAtMillis);
        Coordinate grid = Lks94.toGrid(t.longitudeDeg(), t.latitudeDeg());
        double v = SYSTEM_TRACK_SIGMA_M * SYSTEM_TRACK_SIGMA_M;
        Detection d = new Detection(time, sensorId, grid.x, grid.y, Double.NaN, Double.NaN, v, 0, v,
                t.velocityEastMs(), t.velocityNorthMs(), null, Double.NaN,
                "cat062:" + t.sac() + "/" + t.sic() + ":" + t.trackNumber(), Double.NaN);
        if (Double.isFinite(t.geometricAltitudeM())) {
            d = d.withHeight(t.geometricAltitudeM(), SYSTEM_TRACK_SIGMA_M);
        }
        return d;
    }
}
