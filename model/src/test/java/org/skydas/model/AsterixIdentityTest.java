package org.skydas.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;

class AsterixIdentityTest {

    static Asset radar(Map<String, Object> params) {
        return new Asset("r", "r", AssetType.RADAR, Lks94.GRID.createPoint(new Coordinate(500_000, 6_000_000)),
                AssetStatus.OPERATIONAL, 1, 0, null, 2026, new SensorParameters(20, Map.of(TargetClass.PERSON, 8_000.0),
                0, 0, -5, 30, 0.9, 0.5, 2, 10, 0), params);
    }

    @Test
    void bothCodesWholeAndInRangeOrNothing() {
        assertThat(AsterixIdentity.of(radar(Map.of("asterix_sac", 1, "asterix_sic", 7))))
                .contains(new AsterixIdentity(1, 7));
        assertThat(AsterixIdentity.of(radar(Map.of("asterix_sac", 25.0, "asterix_sic", "201"))))
                .contains(new AsterixIdentity(25, 201));
        assertThat(AsterixIdentity.of(radar(Map.of("asterix_sac", 1)))).isEmpty();
        assertThat(AsterixIdentity.of(radar(Map.of("asterix_sac", 1, "asterix_sic", 256)))).isEmpty();
        assertThat(AsterixIdentity.of(radar(Map.of("asterix_sac", 1.5, "asterix_sic", 2)))).isEmpty();
        assertThat(AsterixIdentity.of(radar(Map.of("asterix_sac", "x", "asterix_sic", 2)))).isEmpty();
    }
}
