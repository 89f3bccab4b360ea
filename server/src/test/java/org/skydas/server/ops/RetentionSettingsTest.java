package org.skydas.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void durationsAsOperatorsWriteThem() {
        assertThat(RetentionSettings.seconds("x", "90s")).isEqualTo(90);
        assertThat(RetentionSettings.seconds("x", "5m")).isEqualTo(300);
        assertThat(RetentionSettings.seconds("x", "12h")).isEqualTo(43_200);
        assertThat(RetentionSettings.seconds("x", "7d")).isEqualTo(604_800);
        assertThat(RetentionSettings.seconds("x", "1.5h")).isEqualTo(5_400);
        assertThat(RetentionSettings.seconds("x", "off")).isInfinite();
        assertThat(RetentionSettings.describe(604_800)).isEqualTo("7d");
        assertThat(RetentionSettings.describe(300)).isEqualTo("5m");
        assertThat(RetentionSettings.describe(Double.POSITIVE_INFINITY)).isEqualTo("off");
        assertThatThrownBy(() -> RetentionSettings.seconds("--retain-detections", "7x"))
                .hasMessageContaining("--retain-detections").hasMessageContaining("'7x'");
        assertThatThrownBy(() -> RetentionSettings.seconds("--retain-detections", "0d"))
                .hasMessageContaining("not a duration");
    }

    @Test
    void theScenarioSetsRetentionAndTheCommandLineWins() {
        assertThat(RetentionSettings.fromMetadata(Map.of())).isEqualTo(RetentionSettings.DEFAULTS);
        RetentionSettings s = RetentionSettings.fromMetadata(Map.of("retention.detections", "2d",
                "retention.track_history", "off"));
        assertThat(s.detectionsS()).isEqualTo(172_800);
        assertThat(s.trackHistoryS()).isInfinite();
        RetentionSettings o = s.with("5m", "--retain-detections", null, "--retain-track-history");
        assertThat(o.detectionsS()).isEqualTo(300);
        assertThat(o.trackHistoryS()).isInfinite();
        assertThatThrownBy(() -> RetentionSettings.fromMetadata(Map.of("retention.track_history", "forty days")))
                .hasMessageContaining("retention.track_history");
    }
}
