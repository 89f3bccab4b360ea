package org.skydas.obstacles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;

class HandOverAndRollupTest {

    private static final Instant T = Instant.parse("2027-02-01T12:00:00Z");

    private static ObstacleField handedOver() {
        ObstacleField f = Fixtures.valid(Fixtures.minefield());
        f = f.withIdentity("mf-1", 1, f.status(), List.of());
        f = LifeCycle.transition(f, FieldStatus.LAID, "e", "engineer", Instant.parse("2026-05-04T10:00:00Z"), "laid", null);
        f = LifeCycle.transition(f, FieldStatus.MARKED, "e", "engineer", Instant.parse("2026-05-05T10:00:00Z"), "m", null);
        f = LifeCycle.transition(f, FieldStatus.INSPECTED, "e", "engineer", Instant.parse("2026-09-01T10:00:00Z"), "i", null);
        f = LifeCycle.transition(f, FieldStatus.CLEARED, "e", "engineer", Instant.parse("2027-01-21T10:00:00Z"), "c",
                ObstacleJson.clearance(Fixtures.clearance(true), "clearance"));
        return LifeCycle.transition(f, FieldStatus.HANDED_OVER, "e", "engineer", T, "to the municipality", null);
    }

    @Test
    void theCsvHasTheImsmaHazardColumnsAndOneQuotedRowPerField() throws Exception {
        StringWriter w = new StringWriter();
        HandOver.csv(List.of(handedOver()), w);
        String[] lines = w.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(String.join(",", HandOver.COLUMNS));
        assertThat(lines[0]).contains("hazard_id", "reference_point_lon", "turning_points", "status", "device_category",
                "date_laid", "date_cleared");
        List<String> cells = parseCsvLine(lines[1]);
        assertThat(cells).hasSize(HandOver.COLUMNS.size());
        var col = (java.util.function.Function<String, String>) n -> cells.get(HandOver.COLUMNS.indexOf(n));
        assertThat(col.apply("hazard_id")).isEqualTo("mf-1");
        assertThat(col.apply("hazard_type")).isEqualTo("CHA");
        assertThat(col.apply("status")).isEqualTo("handed_over");
        assertThat(col.apply("device_category")).isEqualTo("anti_tank");
        assertThat(col.apply("device_count")).isEqualTo("120");
        assertThat(col.apply("date_laid")).isEqualTo("2026-05-04T10:00:00Z");
        assertThat(col.apply("date_marked")).isEqualTo("2026-05-05T10:00:00Z");
        assertThat(col.apply("date_cleared")).isEqualTo("2027-01-21T10:00:00Z");
        assertThat(col.apply("date_handed_over")).isEqualTo(T.toString());
        assertThat(col.apply("clearance_organisation")).isEqualTo("test clearance team");
        assertThat(col.apply("turning_points").split(";")).hasSize(5);
        assertThat(Double.parseDouble(col.apply("reference_point_lon"))).isBetween(23.9, 24.1);
        assertThat(col.apply("custody")).isEqualTo("battalion HQ; copy at the mine action centre");
        assertThat(col.apply("area_m2")).isEqualTo("40000");
    }

    /** A small RFC 4180 reader, independent of the writer. */
    private static List<String> parseCsvLine(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Test
    void theGeoJsonHasThePerimeterAndEachReferencePoint() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HandOver.geojson(List.of(handedOver(), Fixtures.valid(Fixtures.ditch())), out);
        List<GeoJsonFeature> fs = new GeoJsonReader().readAll(new java.io.ByteArrayInputStream(out.toByteArray()));
        assertThat(fs).hasSize(4);
        assertThat(fs.get(0).geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(fs.get(0).properties()).containsEntry("status", "handed_over").containsEntry("hazard_type", "CHA");
        assertThat(fs.get(1).properties()).containsEntry("feature", "reference_point").containsEntry("number", 1);
        assertThat(fs.get(3).properties()).containsEntry("hazard_type", "obstacle").containsEntry("field_kind", "ditch");
    }

    @Test
    void theRollupCountsPlannedLaidAndClearedPerYearWithLengthAreaAndCost() {
        ObstacleField cleared = handedOver(); // year from laid_at: 2026
        ObstacleField laid = LifeCycle.transition(Fixtures.valid(Fixtures.minefield()), FieldStatus.LAID, "e",
                "engineer", T, "laid", null);
        var n = Fixtures.minefield();
        n.remove("laid_at");
        n.put("year", 2028);
        ObstacleField planned = Fixtures.valid(n);
        ObstacleField ditch = Fixtures.valid(Fixtures.ditch()); // no year, not laid: unscheduled
        var other = Fixtures.ditch();
        other.put("budget_line", "engineering_works");
        ObstacleRollup r = ObstacleRollup.counterMobility(List.of(cleared, laid, planned, ditch,
                Fixtures.valid(other)));
        assertThat(r.rows()).extracting(ObstacleRollup.Row::year).containsExactly(0, 2026, 2028);
        ObstacleRollup.Row y2026 = r.rows().get(1);
        assertThat(y2026.planned().fields()).isEqualTo(2);
        assertThat(y2026.laid().fields()).isEqualTo(1);
        assertThat(y2026.cleared().fields()).isEqualTo(1);
        assertThat(y2026.planned().costEur()).isEqualTo(2_400_000);
        assertThat(y2026.cleared().areaM2()).isCloseTo(40_000, org.assertj.core.data.Offset.offset(50.0));
        ObstacleRollup.Row unscheduled = r.rows().get(0);
        assertThat(unscheduled.planned().lengthM()).isEqualTo(1_000);
        assertThat(unscheduled.planned().areaM2()).isZero();
        assertThat(r.total().planned().fields()).isEqualTo(4);
        assertThat(r.total().planned().costEur()).isEqualTo(3 * 1_200_000 + 250_000);
    }
}
