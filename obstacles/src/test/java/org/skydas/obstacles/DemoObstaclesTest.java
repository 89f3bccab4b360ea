package org.skydas.obstacles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;

class DemoObstaclesTest {

    @Test
    void theDemoExamplesAreValidFlaggedAndCoverTheLifeCycle() {
        Scenario s = new DemoScenario().build();
        List<ObstacleField> fields = DemoObstacles.build(s);
        ObstacleValidator v = ObstacleValidator.forScenario(s);
        for (ObstacleField f : fields) {
            v.validate(f);
            assertThat(f.example()).isTrue();
            assertThat(f.name()).startsWith("Example ");
            assertThat(f.history()).isNotEmpty();
            assertThat(f.history().get(0).from()).isNull();
            // round trip through the API form
            ObstacleField back = ObstacleJson.read(ObstacleJson.write(f));
            assertThat(back.status()).isEqualTo(f.status());
            assertThat(back.history()).isEqualTo(f.history());
            assertThat(back.version()).isEqualTo(f.version());
        }
        assertThat(fields).extracting(ObstacleField::status).contains(FieldStatus.PLANNED, FieldStatus.MARKED,
                FieldStatus.CLEARED, FieldStatus.LAID);
        assertThat(fields).filteredOn(f -> f.kind().explosive()).hasSize(3);
        // the examples sit away from the settlements of the demo (warnings would still be allowed)
        CivilianProximity p = CivilianProximity.of(s, List.of(), 500);
        assertThat(fields).allSatisfy(f -> assertThat(p.warnings(f.geometry())).noneMatch(w -> w.kind().equals("settlement")));
    }
}
