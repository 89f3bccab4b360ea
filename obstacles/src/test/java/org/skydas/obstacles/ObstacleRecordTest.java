package org.skydas.obstacles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ObstacleRecordTest {

    private static String refusal(ObjectNode n) {
        try {
            Fixtures.valid(n);
        } catch (ObstacleException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + n);
    }

    @Test
    void theIssuesExampleMinefieldIsAcceptedAndRoundTrips() {
        ObstacleField f = Fixtures.valid(Fixtures.minefield());
        assertThat(f.kind().explosive()).isTrue();
        assertThat(f.status()).isEqualTo(FieldStatus.PLANNED);
        assertThat(f.explosive().deviceCount()).isEqualTo(120);
        assertThat(f.areaM2()).isCloseTo(40_000, org.assertj.core.data.Offset.offset(50.0));
        ObstacleField back = ObstacleJson.read(ObstacleJson.write(f));
        assertThat(back.explosive()).isEqualTo(f.explosive());
        assertThat(back.geometry().getArea()).isCloseTo(f.geometry().getArea(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(back.budgetLine()).isEqualTo("counter_mobility");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind", "name", "geometry", "reference_points", "devices", "emplacement", "laying_unit",
        "order_ref", "custody", "cost_eur", "budget_line"})
    void eachRequiredFieldOfAnExplosiveFieldIsNamedWhenMissing(String field) {
        ObjectNode n = Fixtures.minefield();
        n.remove(field);
        assertThat(refusal(n)).startsWith(field + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"type", "count", "fuze", "self_destruct", "anti_handling"})
    void eachRequiredDeviceFieldIsNamedWhenMissing(String field) {
        ObjectNode n = Fixtures.minefield();
        ((ObjectNode) n.get("devices").get(0)).remove(field);
        assertThat(refusal(n)).startsWith("devices[0]." + field + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lon", "lat", "description", "ground_marked"})
    void eachRequiredReferencePointFieldIsNamedWhenMissing(String field) {
        ObjectNode n = Fixtures.minefield();
        ((ObjectNode) n.get("reference_points").get(1)).remove(field);
        assertThat(refusal(n)).startsWith("reference_points[1]." + field + ": ");
    }

    @Test
    void oneReferencePointIsNotEnough() {
        ObjectNode n = Fixtures.minefield();
        ((ArrayNode) n.get("reference_points")).remove(1);
        assertThat(refusal(n)).isEqualTo("reference_points: at least 2 required");
    }

    @Test
    void aReferencePointMoreThanOneKilometreFromThePerimeterIsRefused() {
        ObjectNode n = Fixtures.minefield();
        ((ArrayNode) n.get("reference_points")).set(1, Fixtures.point(0, -1_250, "too far"));
        // 1250 m south of the centre, the field's south edge 50 m south of it: 1200 m away
        assertThat(refusal(n)).startsWith("reference_points[1]: 1200 m from the perimeter");
        ((ArrayNode) n.get("reference_points")).set(1, Fixtures.point(0, -1_040, "just inside the limit"));
        assertThat(Fixtures.valid(n).explosive().referencePoints()).hasSize(2);
    }

    @Test
    void laidAtIsRequiredOnceTheFieldIsLaidButNotWhilePlanned() {
        ObjectNode n = Fixtures.minefield();
        n.remove("laid_at");
        assertThat(Fixtures.valid(n).explosive().laidAt()).isNull();
        n.put("status", "laid");
        assertThat(refusal(n)).startsWith("laid_at: required once the field is laid");
    }

    @Test
    void aSelfIntersectingPerimeterIsNotAValidPolygon() {
        ObjectNode n = Fixtures.minefield();
        ArrayNode ring = (ArrayNode) n.get("geometry").get("coordinates").get(0);
        var second = ring.get(1);
        ring.set(1, ring.get(2));
        ring.set(2, second); // bow tie
        assertThat(refusal(n)).startsWith("geometry: not a valid polygon: Self-intersection");
    }

    @Test
    void aFieldOutsideLithuaniaIsRefused() {
        ObjectNode n = Fixtures.minefield();
        // Near Minsk, Belarus
        n.set("geometry", Fixtures.rectangle(org.skydas.geo.Lks94.toGrid(27.56, 53.90), 400, 100));
        assertThat(refusal(n)).isEqualTo("geometry: lies outside Lithuania (at least in part)");
    }

    @Test
    void anExplosiveFieldMustBeAPolygon() {
        ObjectNode n = Fixtures.minefield();
        n.set("geometry", Fixtures.ditch().get("geometry"));
        assertThat(refusal(n)).startsWith("geometry: an explosive field's perimeter must be a Polygon");
    }

    @Test
    void deviceDetailsFollowTheTechnicalAnnex() {
        ObjectNode n = Fixtures.minefield();
        ObjectNode d = (ObjectNode) n.get("devices").get(0);
        d.remove("active_life_days");
        assertThat(refusal(n)).isEqualTo("devices[0].active_life_days: required when self_destruct is true");
        d.put("active_life_days", 365);
        d.put("anti_handling", true);
        assertThat(refusal(n)).isEqualTo("devices[0].anti_handling_type: required when anti_handling is true");
        d.put("anti_handling_type", "tilt rod");
        d.put("count", 0);
        assertThat(refusal(n)).isEqualTo("devices[0].count: must be >= 1");
    }

    @Test
    void remotelyDeliveredFieldsRecordTheirSelfDestructionPeriod() {
        ObjectNode n = Fixtures.minefield();
        n.put("kind", "remotely_delivered");
        assertThat(refusal(n)).startsWith("emplacement: a remotely delivered field's emplacement is remotely_delivered");
        n.put("emplacement", "remotely_delivered");
        ((ObjectNode) n.get("devices").get(0)).put("self_destruct", false);
        assertThat(refusal(n)).startsWith("devices[0].self_destruct: remotely delivered devices");
        ((ObjectNode) n.get("devices").get(0)).put("self_destruct", true);
        assertThat(Fixtures.valid(n).kind()).isEqualTo(ObstacleKind.REMOTELY_DELIVERED);
    }

    @Test
    void unknownValuesListTheChoices() {
        ObjectNode n = Fixtures.minefield();
        n.put("emplacement", "dropped");
        assertThat(refusal(n)).isEqualTo("emplacement: unknown 'dropped' (one of surface, buried, remotely_delivered)");
        n = Fixtures.minefield();
        n.put("budget_line", "snacks");
        assertThat(refusal(n)).startsWith("budget_line: unknown 'snacks' (counter_mobility or one of");
        n = Fixtures.minefield();
        n.put("kind", "nuke");
        assertThat(refusal(n)).startsWith("kind: unknown 'nuke'");
    }

    @Test
    void aDitchIsAcceptedWithItsDimensionsEffectAndDelays() {
        ObstacleField f = Fixtures.valid(Fixtures.ditch());
        assertThat(f.kind().explosive()).isFalse();
        assertThat(f.barrier().delayS()).containsEntry("vehicle", 1_800.0);
        assertThat(ObstacleJson.read(ObstacleJson.write(f)).barrier()).isEqualTo(f.barrier());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind", "name", "geometry", "length_m", "width_m", "depth_m", "effect", "delay_s",
        "cost_eur", "budget_line"})
    void eachRequiredFieldOfADitchIsNamedWhenMissing(String field) {
        ObjectNode n = Fixtures.ditch();
        n.remove(field);
        assertThat(refusal(n)).startsWith(field + ": ");
    }

    @Test
    void depthIsOptionalForOtherObstaclesAndDelaysMustBeNonNegative() {
        ObjectNode n = Fixtures.ditch();
        n.put("kind", "dragons_teeth");
        n.remove("depth_m");
        assertThat(Fixtures.valid(n).barrier().depthM()).isNull();
        ((ObjectNode) n.get("delay_s")).put("vehicle", -1);
        assertThat(refusal(n)).isEqualTo("delay_s.vehicle: must be >= 0 seconds");
        n = Fixtures.ditch();
        n.put("effect", "annoy");
        assertThat(refusal(n)).startsWith("effect: unknown 'annoy' (one of disrupt, fix, turn, block)");
    }

    @Test
    void everyKindIsExplosiveOrNotAsTheIssueLists() {
        assertThat(List.of(ObstacleKind.values()).stream().filter(ObstacleKind::explosive).map(ObstacleKind::wire))
                .containsExactly("minefield", "mined_area", "remotely_delivered");
    }
}
