package org.skydas.server.corridor;

import java.util.function.BooleanSupplier;

import org.skydas.model.TargetClass;
import org.skydas.server.coverage.CoverageService;
import org.skydas.server.coverage.CoverageSnapshot;
import org.skydas.terrain.corridor.CorridorAnalysis;

/**
 * Detection along corridors from the server's coverage: the latest finished map of the target class
 * (the one the planner view shows). While a coverage is being computed (the first, or a recomputation after a
 * plan was applied), a corridor job waits for it; when the coverage failed, the corridor job uses the previous map,
 * or fails with the reason when there is none.
 */
public final class CoverageDetection implements CorridorService.DetectionSource {

    private final CoverageService coverage;

    public CoverageDetection(CoverageService coverage) {
        this.coverage = coverage;
    }

    @Override
    public CorridorAnalysis.DetectionField field(TargetClass target, BooleanSupplier cancelled)
            throws InterruptedException {
        while (true) {
            CoverageService.State st = coverage.state();
            CoverageSnapshot snap = st.snapshot();
            if (snap != null && st.status() != CoverageService.Status.RUNNING) {
                CoverageSnapshot.ClassLayer layer = snap.classes().get(target);
                if (layer == null) {
                    throw new IllegalStateException("the coverage has no class " + CoverageSnapshot.wireName(target));
                }
                return CorridorAnalysis.DetectionField.of(layer.probability());
            }
            if (st.status() != CoverageService.Status.RUNNING) {
                throw new IllegalStateException("no coverage to detect corridors with: "
                        + (st.error() == null ? "coverage not computed" : st.error()));
            }
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("cancelled while waiting for the coverage");
            }
            Thread.sleep(100);
        }
    }
}
