package org.skydas.terrain.scenario;

import java.util.List;

import org.skydas.model.TargetClass;
import org.skydas.terrain.coverage.CoverageResult;
import org.skydas.terrain.coverage.SensorFootprint;

/** The scenario's coverage for one target class: rasters, the sensors used and the gaps per sector. */
public record ClassCoverage(TargetClass target, CoverageResult result, List<SensorFootprint> sensors,
        List<SectorGaps> sectors) {

    public ClassCoverage {
        sensors = List.copyOf(sensors);
        sectors = List.copyOf(sectors);
    }
}
