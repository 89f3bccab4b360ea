package org.skydas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skydas.geo.Lks94;

class ProgrammeReportTest {

    static Asset asset(String id, AssetStatus status, double capex, int year) {
        return new Asset(id, null, AssetType.BARRIER_FENCE,
                Lks94.GRID.createLineString(new org.locationtech.jts.geom.Coordinate[] {
                    new org.locationtech.jts.geom.Coordinate(0, 0), new org.locationtech.jts.geom.Coordinate(1, 1)}),
                status, capex, 10, null, year, null, Map.of());
    }

    @Test
    void rollsUpPlannedCommittedSpentByStatus() {
        Programme p = Programme.evenlySpread("p", Map.of(Category.BARRIERS_FORTIFICATIONS, 1000.0), 2026, 2027);
        List<Asset> assets = List.of(asset("a", AssetStatus.PROPOSED, 100, 2026),
                asset("b", AssetStatus.CONTRACTED, 200, 2026), asset("c", AssetStatus.OPERATIONAL, 300, 2026),
                asset("d", AssetStatus.DECOMMISSIONED, 50, 2027), asset("e", AssetStatus.FUNDED, 7, 2030));
        ProgrammeReport r = ProgrammeReport.of(p, assets);
        ProgrammeReport.Row y2026 = r.rows().stream().filter(x -> x.year() == 2026).findFirst().orElseThrow();
        assertThat(y2026.envelopeEur()).isEqualTo(500);
        assertThat(y2026.plannedEur()).isEqualTo(600);
        assertThat(y2026.committedEur()).isEqualTo(500);
        assertThat(y2026.spentEur()).isEqualTo(300);
        ProgrammeReport.Row y2027 = r.rows().stream().filter(x -> x.year() == 2027).findFirst().orElseThrow();
        assertThat(y2027.spentEur()).isEqualTo(50);
        // A year outside the envelope still shows up, with no envelope.
        ProgrammeReport.Row y2030 = r.rows().stream().filter(x -> x.year() == 2030).findFirst().orElseThrow();
        assertThat(y2030.envelopeEur()).isZero();
        assertThat(y2030.plannedEur()).isEqualTo(7);
        assertThat(r.total().plannedEur()).isEqualTo(657);
        assertThat(r.total().envelopeEur()).isCloseTo(1000, within(1e-9));
        // Running costs count only what is in service.
        assertThat(ProgrammeReport.opexPerYear(assets)).isEqualTo(10);
    }

    @Test
    void rejectsNegativeCostsAndSensorsWithoutParameters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asset("x", AssetStatus.PROPOSED, -1, 2026))
                .hasMessageContaining("capex_eur");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Asset("r", null, AssetType.RADAR,
                Lks94.GRID.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0)), AssetStatus.PROPOSED, 1, 1,
                null, 2026, null, Map.of())).hasMessageContaining("needs sensor parameters");
    }

    @Test
    void sensorPdFallsWithRangeAndRespectsTheSector() {
        SensorParameters s = new SensorParameters(20, Map.of(TargetClass.PERSON, 1000.0), 350, 10, -10, 10,
                0.9, 0.5, 1, 5, 0);
        assertThat(s.pdAt(TargetClass.PERSON, 0)).isEqualTo(0.9);
        assertThat(s.pdAt(TargetClass.PERSON, 500)).isCloseTo(0.7, within(1e-12));
        assertThat(s.pdAt(TargetClass.PERSON, 1001)).isZero();
        assertThat(s.pdAt(TargetClass.VEHICLE, 10)).isZero();
        assertThat(s.inAzimuthSector(0)).isTrue();
        assertThat(s.inAzimuthSector(355)).isTrue();
        assertThat(s.inAzimuthSector(11)).isFalse();
        assertThat(s.inAzimuthSector(180)).isFalse();
    }
}
