package org.skydas.server.coverage;

import org.skydas.alert.CoverageVerdict;
import org.skydas.model.TargetKind;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.watch.port.CoverageLookup;

/**
 * Whether a place in the LKS-94 grid is covered for a tracked kind, from the server's latest computed coverage:
 * P(at least one sensor detects) at the cell against the coverage threshold, in the coverage class of the kind
 * ({@link TargetKind#coverageClass()}; an untyped track counts as unknown). Null while no coverage is ready or when
 * the place is outside the computed grid.
 */
public final class CoverageAtPoint implements CoverageLookup {

    private final CoverageService service;

    public CoverageAtPoint(CoverageService service) {
        this.service = service;
    }

    /** Covered or gap, or null when unknown. */
    @Override
    public CoverageVerdict at(double x, double y, TargetKind tracked) {
        if (service == null || !Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        CoverageSnapshot snap = service.state().snapshot();
        if (snap == null) {
            return null;
        }
        TargetKind kind = tracked == null ? TargetKind.UNKNOWN : tracked;
        CoverageSnapshot.ClassLayer layer = snap.classes().get(kind.coverageClass());
        if (layer == null) {
            return null;
        }
        CoverageResult r = layer.probability();
        int col = (int) Math.floor(r.transform().col(x, y));
        int row = (int) Math.floor(r.transform().row(x, y));
        if (col < 0 || row < 0 || col >= r.width() || row >= r.height()) {
            return null;
        }
        return r.probability(col, row) >= snap.threshold() ? CoverageVerdict.COVERED : CoverageVerdict.GAP;
    }
}
