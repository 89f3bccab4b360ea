package org.skydas.watch.normalise;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.asterix.PlotHeight;
import org.skydas.ingest.asterix.PlotReport;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.watch.port.GroundHeight;

/**
 * A located CAT048 plot as a tracker detection in the LKS-94 grid. A radar measures range well and azimuth
 * less well, so the noise is an ellipse: {@code rangeSigmaM} along the line of sight and
 * {@code range × azimuthSigma} across it (never less than the range sigma). Time is I048/140's time of day
 * on the UTC day that puts it nearest to the receive time (a report from 23:59:59.9 received at 00:00:00.1
 * belongs to the previous day); without I048/140 it is the receive time.
 *
 * <p>Class: a plot whose measured height is more than {@link #AIRBORNE_ABOVE_GROUND_M} above the ground is hinted
 * a drone. The height above ground is the reported height less the DEM's ground ({@link GroundHeight}):
 * I048/110 is above mean sea level as ASTERIX defines it, a validated I048/090 flight level is a pressure altitude
 * taken through the standard atmosphere. Without a DEM (or outside it) nothing is concluded from height.
 */
public final class PlotToDetection {

    /** Height above ground from which a radar plot is taken as airborne. */
    static final double AIRBORNE_ABOVE_GROUND_M = 30;
    static final double DEFAULT_RANGE_SIGMA_M = 15;
    static final double DEFAULT_AZIMUTH_SIGMA_DEG = 0.2;
    private static final double DAY_S = 86_400;

    private PlotToDetection() {
    }

    /**
     * @param rangeSigmaM radial noise of the radar, m (the scenario's position noise; default 15 m)
     */
    public static Detection convert(PlotReport p, long receivedAtMillis, int sensorId, double rangeSigmaM,
                                    GroundHeight ground) {
        double t = absoluteTime(p.timeOfDayS(), receivedAtMillis);
        Coordinate grid = Lks94.toGrid(p.position().longitudeDeg(), p.position().latitudeDeg());
        double sr = rangeSigmaM > 0 ? rangeSigmaM : DEFAULT_RANGE_SIGMA_M;
        double sc = Math.max(sr, p.rangeM() * Math.toRadians(DEFAULT_AZIMUTH_SIGMA_DEG));
        // Rotate diag(sc², sr²) (x across, y along the line of sight) to east/north by the azimuth.
        double az = Math.toRadians(p.azimuthDeg());
        double s = Math.sin(az);
        double c = Math.cos(az);
        double vr = sr * sr;
        double vc = sc * sc;
        double varX = vr * s * s + vc * c * c;
        double varY = vr * c * c + vc * s * s;
        double covXY = (vr - vc) * s * c;
        Detection d = new Detection(t, sensorId, grid.x, grid.y, Double.NaN, Double.NaN, varX, covXY, varY,
                Double.NaN, Double.NaN, null, Double.NaN, null, Double.NaN);
        if (p.trackNumber() >= 0) {
            d = d.withExternalId("asterix:" + p.radar() + ":" + p.trackNumber());
        }
        if (p.measuredHeight()) {
            d = d.withHeight(p.position().altitudeM(), 30);
            if (aboveGround(p, ground) > AIRBORNE_ABOVE_GROUND_M) {
                // Nothing on the ground flies: a measured height well above it is strong evidence, stronger
                // than a speed that a fast car could also have.
                d = d.withClassHint(TargetKind.DRONE, 0.9);
            }
        }
        return d;
    }

    /** The plot's height above the ground below it, m, or NaN (no measured height, no DEM there). */
    static double aboveGround(PlotReport p, GroundHeight ground) {
        double lon = p.position().longitudeDeg();
        double lat = p.position().latitudeDeg();
        double h = p.position().altitudeM();
        return p.height() == PlotHeight.MEASURED_MSL ? ground.fromMslHeight(lon, lat, h)
                : p.height() == PlotHeight.FLIGHT_LEVEL ? ground.fromPressureAltitude(lon, lat, h) : Double.NaN;
    }

    /** Epoch seconds of a UTC time of day, on the day nearest to the receive time. */
    static double absoluteTime(double timeOfDayS, long receivedAtMillis) {
        double received = receivedAtMillis / 1000.0;
        if (!Double.isFinite(timeOfDayS)) {
            return received;
        }
        double midnight = Math.floor(received / DAY_S) * DAY_S;
        double t = midnight + timeOfDayS;
        if (t - received > DAY_S / 2) {
            t -= DAY_S;
        } else if (received - t > DAY_S / 2) {
            t += DAY_S;
        }
        return t;
    }
}
