package org.skydas.watch.normalise;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.stanag4607.Gmti;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;
import org.skydas.track.RangeRate;

/**
 * The target reports of a STANAG 4607 dwell as tracker detections.
 * <ul>
 * <li>Time: the dwell time (D6, ms) after midnight UTC of the Mission segment's reference date; without one, the
 * time of day on the UTC day nearest the receipt.
 * <li>Position: the target's high-resolution or delta position (D32.2/3 or D32.4/5 with D10/D11); a report with
 * neither is skipped. Height D32.6 (m above the ellipsoid, as sent) with D32.14 as its sigma (30 m without).
 * <li>Accuracy: one sigma = the larger of the slant-range (D32.12) and cross-range (D32.13) uncertainties, 50 m when
 * the radar states neither.
 * <li>Velocity: a GMTI radar measures only the line-of-sight (radial) component (D32.7, positive away from the
 * radar, corrected for the platform's motion), not a vector: the detection carries no velocity vector but a
 * {@link RangeRate} relative to the radar's position in that dwell (D7/D8, D9 above the ellipsoid as D32.6 is), with
 * the uncertainty D32.15 as its sigma ({@value #DEFAULT_RATE_SIGMA_MPS} m/s when absent) and the wrap velocity D32.8
 * as its Doppler ambiguity. The tracker's update uses it.
 * <li>Class (D32.10, less 128 for simulated targets): tracked, wheeled, amphibious vehicle and vehicle → vehicle;
 * person → person; rotary and fixed wing → drone, stated as air (what a ground-surveillance radar sees flying low
 * over a land border); the rest (animal, maritime, beacon, stationary rotator, multiple returns, other, unknown)
 * give no hint. The confidence is D32.11 (%), 0.6 when absent.
 * </ul>
 */
public final class GmtiToDetection {

    static final double DEFAULT_SIGMA_M = 50;
    static final double DEFAULT_HEIGHT_SIGMA_M = 30;
    static final double DEFAULT_RATE_SIGMA_MPS = 1.0;
    private static final double DAY_S = 86_400;

    private GmtiToDetection() {
    }

    public static List<Detection> convert(Gmti.Packet p, long receivedAtMillis) {
        List<Detection> out = new ArrayList<>();
        for (Gmti.Segment s : p.segments()) {
            if (!(s instanceof Gmti.Dwell d)) {
                continue;
            }
            double t = p.referenceDate() != null
                    ? p.referenceDate().toEpochDay() * DAY_S + d.dwellTimeMs() / 1000.0
                    : PlotToDetection.absoluteTime((d.dwellTimeMs() / 1000.0) % DAY_S, receivedAtMillis);
            Coordinate radar = Lks94.toGrid(Gmti.signedLon(d.sensorLonDeg()), d.sensorLatDeg());
            for (Gmti.Target g : d.targets()) {
                Detection det = convert(g, t);
                if (det != null) {
                    det = withRangeRate(det, g, radar, d.sensorAltitudeM());
                }
                if (det != null) {
                    out.add(det);
                }
            }
        }
        return out;
    }

    static Detection convert(Gmti.Target g, double t) {
        if (g.latDeg() == null || g.lonDeg() == null) {
            return null;
        }
        Coordinate grid = Lks94.toGrid(Gmti.signedLon(g.lonDeg()), g.latDeg());
        double sigma = Math.max(g.slantRangeUncertaintyM() == null ? 0 : g.slantRangeUncertaintyM(),
                g.crossRangeUncertaintyM() == null ? 0 : g.crossRangeUncertaintyM());
        if (!(sigma > 0)) {
            sigma = DEFAULT_SIGMA_M;
        }
        Detection det = Detection.position(t, 0, grid.x, grid.y, sigma);
        if (g.geodeticHeightM() != null) {
            det = det.withHeight(g.geodeticHeightM(),
                    g.heightUncertaintyM() != null && g.heightUncertaintyM() > 0 ? g.heightUncertaintyM() : DEFAULT_HEIGHT_SIGMA_M);
        }
        TargetKind k = g.classification() == null ? null : classOf(g.classification() & 0x7F);
        if (k != null) {
            double p = g.classProbabilityPct() != null && g.classProbabilityPct() > 0 && g.classProbabilityPct() <= 100
                    ? g.classProbabilityPct() / 100.0 : 0.6;
            det = det.withClassHint(k, p);
            if (k == TargetKind.DRONE) {
                det = det.withDimension(Dimension.AIR);
            }
        }
        return det;
    }

    /** {@code det} with the target's radial velocity (D32.7) from the radar at {@code radar}, when it has one. */
    static Detection withRangeRate(Detection det, Gmti.Target g, Coordinate radar, double radarAltitudeM) {
        if (g.radialVelocityMps() == null || !Double.isFinite(radar.x) || !Double.isFinite(radar.y)) {
            return det;
        }
        double sigma = g.radialVelocityUncertaintyMps() != null && g.radialVelocityUncertaintyMps() > 0
                ? g.radialVelocityUncertaintyMps() : DEFAULT_RATE_SIGMA_MPS;
        double wrap = g.wrapVelocityMps() != null && g.wrapVelocityMps() > 0 ? g.wrapVelocityMps() : Double.NaN;
        return det.withRangeRate(new RangeRate(g.radialVelocityMps(), sigma * sigma, radar.x, radar.y,
                Double.isFinite(radarAltitudeM) ? radarAltitudeM : Double.NaN, wrap));
    }

    /** D32.10 (live value, 0-127) as a Skydas class, or null. */
    static TargetKind classOf(int classification) {
        return switch (classification) {
            case 1, 2, 8, 10 -> TargetKind.VEHICLE;
            case 9 -> TargetKind.PERSON;
            case 3, 4 -> TargetKind.DRONE;
            default -> null;
        };
    }
}
