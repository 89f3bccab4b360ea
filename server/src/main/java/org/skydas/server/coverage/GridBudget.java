package org.skydas.server.coverage;

import org.locationtech.jts.geom.Envelope;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.terrain.coverage.SensorFootprint;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.scenario.ScenarioSensors;
import org.skydas.terrain.scenario.SensorSelection;

/**
 * The cell size that keeps a scenario's coverage grid within a number of cells, chosen before the
 * grid exists (building a too-fine grid first would spend the memory the cap is there to save).
 */
final class GridBudget {

    private GridBudget() {
    }

    /**
     * {@code finest} when the grid fits in {@code maxCells}, else the next multiple of 10 m that does.
     * The extent is an upper bound of {@link ScenarioCoverage#prepare}'s: the border strip and the
     * sectors, widened by the longest sensor range (prepare only widens it to sensors that reach).
     */
    static double resolution(Scenario s, double finest, long maxCells) {
        Envelope area = new Envelope();
        boolean strip = false;
        for (Zone z : s.zones()) {
            if (z.kind() == ZoneKind.BORDER_STRIP) {
                area.expandToInclude(z.geometry().getEnvelopeInternal());
                strip = true;
            }
        }
        for (Sector sec : s.sectors()) {
            Envelope e = new Envelope(sec.geometry().getEnvelopeInternal());
            if (!strip) {
                e.expandBy(ScenarioCoverage.FALLBACK_STRIP_HALF_WIDTH_M);
            }
            area.expandToInclude(e);
        }
        if (area.isNull()) {
            return finest; // prepare will say what is missing
        }
        double reach = 0;
        for (TargetClass t : TargetClass.values()) {
            for (SensorFootprint f : ScenarioSensors.footprints(s, t, SensorSelection.PLANNED)) {
                reach = Math.max(reach, f.maxRange());
            }
        }
        area.expandBy(reach);
        double res = finest;
        while (cells(area, res) > maxCells) {
            res = Math.floor(res / 10) * 10 + 10;
        }
        return res;
    }

    /** Cells of the area's grid at {@code res}, with prepare's one cell of margin each side. */
    static double cells(Envelope area, double res) {
        return (Math.ceil(area.getWidth() / res) + 3) * (Math.ceil(area.getHeight() / res) + 3);
    }
}
