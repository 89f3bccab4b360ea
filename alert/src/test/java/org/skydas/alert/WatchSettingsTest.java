package org.skydas.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WatchSettingsTest {

    @Test
    void metadataOverridesWhatItNamesAndLeavesTheRestAtDefaults() {
        WatchSettings s = WatchSettings.fromMetadata(Map.of("name", "x", "rules.approach_eta_s", "120",
                "alerts.escalate_after_s", " 60 ", "impact.window_s", "600", "impact.medium_from", "2",
                "impact.high_from", "3", "impact.critical_from", "5"));
        assertThat(s.rules().approachEtaS()).isEqualTo(120);
        assertThat(s.rules().sensorSilentS()).isEqualTo(RuleConfig.defaults().sensorSilentS());
        assertThat(s.escalateAfterS()).isEqualTo(60);
        SectorImpact impact = s.newImpact();
        impact.add("BY-001", Severity.MEDIUM, 1_000); // weight 2: medium from 2
        assertThat(impact.level("BY-001", 1_000)).isEqualTo(SectorImpact.Level.MEDIUM);
        impact.add("BY-001", Severity.LOW, 1_001);
        assertThat(impact.level("BY-001", 1_001)).isEqualTo(SectorImpact.Level.HIGH);
        // The window is 600 s: an hour later it is all forgotten.
        assertThat(impact.level("BY-001", 1_700)).isEqualTo(SectorImpact.Level.LOW);
        assertThat(WatchSettings.fromMetadata(Map.of())).isEqualTo(WatchSettings.defaults());
    }

    @Test
    void nonsenseIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> WatchSettings.fromMetadata(Map.of("rules.loiter_s", "ten minutes")))
                .hasMessageContaining("rules.loiter_s").hasMessageContaining("ten minutes");
        assertThatThrownBy(() -> WatchSettings.fromMetadata(Map.of("rules.drone_probability", "1.5")))
                .hasMessageContaining("rules.drone_probability");
        assertThatThrownBy(() -> WatchSettings.fromMetadata(Map.of("alerts.escalate_after_s", "-1")))
                .hasMessageContaining("alerts.escalate_after_s");
        assertThatThrownBy(() -> WatchSettings.fromMetadata(Map.of("impact.high_from", "2")))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> WatchSettings.fromMetadata(Map.of("impact.medium_from", "2.5")))
                .hasMessageContaining("impact.medium_from");
    }
}
