package org.skydas.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetKindTest {

    @Test
    void eachKindIsJudgedByOneCoverageClass() {
        assertThat(TargetKind.PERSON.coverageClass()).isEqualTo(TargetClass.PERSON);
        assertThat(TargetKind.VEHICLE.coverageClass()).isEqualTo(TargetClass.VEHICLE);
        // Remote ID drones usually fly near 120 m; 50 m coverage is the stricter one.
        assertThat(TargetKind.DRONE.coverageClass()).isEqualTo(TargetClass.DRONE_120M);
        // An unknown is judged as the hardest ground target.
        assertThat(TargetKind.UNKNOWN.coverageClass()).isEqualTo(TargetClass.PERSON);
    }

    @Test
    void theKindsKeepTheirOrderBecauseOrdinalsIndexTheTrackersArraysAndTheClusterCodec() {
        // Class-probability arrays, per-class tracker settings (benchmark scenario files list them in this order)
        // and the cluster's detection records all use the ordinal.
        assertThat(TargetKind.values()).containsExactly(TargetKind.PERSON, TargetKind.VEHICLE, TargetKind.DRONE,
                TargetKind.UNKNOWN);
        assertThat(TargetKind.COUNT).isEqualTo(4);
    }
}
