package org.skydas.obstacles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

import com.fasterxml.jackson.databind.JsonNode;

class MarkingAndProximityTest {

    private final ObstacleField field = Fixtures.valid(Fixtures.minefield());

    @Test
    void signsStandAtEveryTurningPointAndNoFurtherApartThanTheSpacing() {
        // 400 m x 100 m: corners 4, 7 signs between on each long side, 1 on each short side
        List<MarkingPlan.Sign> signs = MarkingPlan.signs(field, 50);
        assertThat(signs).hasSize(20);
        assertThat(signs.stream().filter(MarkingPlan.Sign::turningPoint)).hasSize(4);
        assertThat(MarkingPlan.signs(field, 30)).hasSize(4 + 2 * 13 + 2 * 3);
        for (int i = 0; i < signs.size(); i++) {
            Coordinate a = signs.get(i).grid();
            Coordinate b = signs.get((i + 1) % signs.size()).grid();
            assertThat(a.distance(b)).isLessThanOrEqualTo(50.0 + 0.2); // grid vs WGS84 round trip of the corners
            assertThat(signs.get(i).sequence()).isEqualTo(i + 1);
        }
    }

    @Test
    void everySignFacesAwayFromTheField() {
        for (MarkingPlan.Sign s : MarkingPlan.signs(field, 50)) {
            if (s.turningPoint()) {
                continue;
            }
            double a = Math.toRadians(s.facingDeg());
            Coordinate ahead = new Coordinate(s.grid().x + Math.sin(a) * 5, s.grid().y + Math.cos(a) * 5);
            Coordinate behind = new Coordinate(s.grid().x - Math.sin(a) * 5, s.grid().y - Math.cos(a) * 5);
            assertThat(field.geometry().contains(Lks94.GRID.createPoint(ahead))).as("sign %d", s.sequence()).isFalse();
            assertThat(field.geometry().contains(Lks94.GRID.createPoint(behind))).as("sign %d", s.sequence()).isTrue();
        }
    }

    @Test
    void theGeoJsonPlanCarriesTheSignDesignAndNumberedPoints() {
        JsonNode fc = MarkingPlan.geojson(field, 50);
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.get("sign_count").asInt()).isEqualTo(20);
        assertThat(fc.get("sign_design").get("colour").asText()).contains("red or orange", "yellow reflecting border");
        assertThat(fc.get("sign_design").get("text").toString()).contains("MINES");
        JsonNode first = fc.get("features").get(0);
        assertThat(first.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(first.get("properties").get("sequence").asInt()).isEqualTo(1);
        double lon = first.get("geometry").get("coordinates").get(0).asDouble();
        assertThat(lon).isBetween(23.9, 24.1);
    }

    @Test
    void aSpacingTooWideToSeeTheNextSignIsRefused() {
        assertThatThrownBy(() -> MarkingPlan.signs(field, 500)).hasMessageStartingWith("spacing: must be between 5 and 200 m");
        assertThatThrownBy(() -> MarkingPlan.signs(field, 0)).hasMessageStartingWith("spacing:");
    }

    @Test
    void civiliansNearbyGiveWarningsNotRefusals() {
        Coordinate c = Fixtures.CENTRE;
        // a settlement disc whose edge is 300 m north of the field's north edge (50 m north of the centre)
        Geometry near = Lks94.GRID.createPoint(new Coordinate(c.x, c.y + 50 + 300 + 1_000)).buffer(1_000, 64);
        Geometry far = Lks94.GRID.createPoint(new Coordinate(c.x, c.y - 50 - 700 - 500)).buffer(500, 64);
        var border = Lks94.GRID.createMultiLineString(new org.locationtech.jts.geom.LineString[] {
            Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(c.x + 200 + 450, c.y - 5_000),
                new Coordinate(c.x + 200 + 450, c.y + 5_000)})});
        var road = Lks94.GRID.createLineString(new Coordinate[] {new Coordinate(c.x - 5_000, c.y - 50 - 120),
            new Coordinate(c.x + 5_000, c.y - 50 - 120)});
        CivilianProximity p = new CivilianProximity(
                List.of(new Zone("s1", "Near village", ZoneKind.SETTLEMENT, near, null),
                        new Zone("s2", "Far village", ZoneKind.SETTLEMENT, far, null),
                        new Zone("b", "buffer", ZoneKind.BUFFER, near, null)),
                List.of(new BorderLine("BY", Neighbour.BY, border)),
                List.of(new CivilianProximity.Road("A1", road)), CivilianProximity.DEFAULT_DISTANCE_M);
        var w = p.warnings(field.geometry());
        assertThat(w).extracting(CivilianProximity.Warning::kind).containsExactly("road", "settlement", "border");
        assertThat(w.get(0).distanceM()).isCloseTo(120, org.assertj.core.data.Offset.offset(0.5));
        assertThat(w.get(1).subject()).isEqualTo("Near village");
        assertThat(w.get(1).distanceM()).isCloseTo(300, org.assertj.core.data.Offset.offset(0.5));
        assertThat(w.get(2).distanceM()).isCloseTo(450, org.assertj.core.data.Offset.offset(0.5));
        CivilianProximity tight = new CivilianProximity(List.of(), List.of(new BorderLine("BY", Neighbour.BY, border)),
                List.of(), 400);
        assertThat(tight.warnings(field.geometry())).isEmpty();
    }

    @Test
    void thePrintableMapIsAPngWithTheFieldAndItsSigns() throws Exception {
        byte[] png = MarkingPlanMap.png(field, 50, 1000);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(1000);
        assertThat(img.getHeight()).isEqualTo(750);
        // the hatched field sits in the middle, the signs' orange on its outline, white paper around
        int orange = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0xE67E22) {
                    orange++;
                }
                if (rgb == 0xC0392B) {
                    red++;
                }
            }
        }
        assertThat(orange).as("20 sign dots").isGreaterThan(20 * 30);
        assertThat(red).as("the perimeter").isGreaterThan(1000);
        assertThat(img.getRGB(5, img.getHeight() / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(img.getWidth() / 2, img.getHeight() / 2 + 35) & 0xFFFFFF).isNotEqualTo(0xC0392B);
    }
}
