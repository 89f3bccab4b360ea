package org.skydas.server.coverage;

import org.skydas.alert.Finding;
import org.skydas.model.TargetClass;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.watch.port.CoverageLookup;

/**
 * Whether a place in the LKS-94 grid is covered for a tracked class, from the server's latest computed coverage:
 * P(at least one sensor detects) at the cell against the coverage threshold. A person or unknown track is judged
 * by person coverage (the hardest ground target), a vehicle by vehicle coverage, a drone by coverage of drones at
 * 120 m (the altitude Remote ID drones usually fly; 50 m coverage is stricter). Null while no coverage is ready
 * or when the place is outside the computed grid.
 */
public final class CoverageAtPoint implements CoverageLookup {

    private final CoverageService service;

    public CoverageAtPoint(CoverageService service) {
        this.service = service;
    }

    /** {@link Finding#COVERED}, {@link Finding#GAP}, or null when unknown. */
    @Override
    public String at(double x, double y, org.skydas.track.TargetClass tracked) {
        if (service == null || !Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        CoverageSnapshot snap = service.state().snapshot();
        if (snap == null) {
            return null;
        }
        TargetClass target = switch (tracked == null ? org.skydas.track.TargetClass.UNKNOWN : tracked) {
            case VEHICLE -> TargetClass.VEHICLE;
            case DRONE -> TargetClass.DRONE_120M;
            default -> TargetClass.PERSON;
        };
        CoverageSnapshot.ClassLayer layer = snap.classes().get(target);
        if (layer == null) {
            return null;
        }
        CoverageResult r = layer.probability();
        int col = (int) Math.floor(r.transform().col(x, y));
        int row = (int) Math.floor(r.transform().row(x, y));
        if (col < 0 || row < 0 || col >= r.width() || row >= r.height()) {
            return null;
        }
        return r.probability(col, row) >= snap.threshold() ? Finding.COVERED : Finding.GAP;
    }
}
