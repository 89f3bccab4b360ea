package org.skydas.terrain.scenario;

import org.locationtech.jts.geom.Geometry;

/**
 * Coverage of one sector's part of the border strip for one target class.
 *
 * @param stripCells       grid cells of the strip assigned to this sector (nearest sector)
 * @param coveredCells     of those, cells with P(at least one) >= threshold
 * @param coveredPct       100 * covered / strip cells (0 when the sector has no strip cells)
 * @param borderLengthM    length of the sector's border line
 * @param longestGapM      longest continuous stretch of the border line with P below the threshold
 * @param gaps             uncovered strip cells merged into polygons, in the grid's CRS (may be empty)
 */
public record SectorGaps(String sectorId, String neighbour, long stripCells, long coveredCells, double stripAreaM2,
        double coveredPct, double borderLengthM, double longestGapM, Geometry gaps) {
}
