package org.skydas.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CoverageVerdictTest {

    @Test
    void theWireNamesAreTheLowerCaseNamesTheApiAndTheStoreAlwaysUsed() {
        assertThat(CoverageVerdict.COVERED.wireName()).isEqualTo("covered");
        assertThat(CoverageVerdict.GAP.wireName()).isEqualTo("gap");
        assertThat(CoverageVerdict.ofWireName("covered")).isEqualTo(CoverageVerdict.COVERED);
        assertThat(CoverageVerdict.ofWireName("gap")).isEqualTo(CoverageVerdict.GAP);
        assertThat(CoverageVerdict.ofWireName(null)).isNull();
        assertThatThrownBy(() -> CoverageVerdict.ofWireName("GAP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'GAP'");
    }

    @Test
    void jacksonWritesAndReadsTheWireName() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Finding f = new Finding(RuleKind.APPROACH, Severity.MEDIUM, "track:1", 10, 1, 2, "BY-001", null, "m")
                .withCoverage(CoverageVerdict.GAP);
        assertThat(json.writeValueAsString(f)).contains("\"coverage\":\"gap\"");
        assertThat(json.readValue("\"covered\"", CoverageVerdict.class)).isEqualTo(CoverageVerdict.COVERED);
        assertThat(json.readValue(json.writeValueAsString(f), Finding.class)).isEqualTo(f);
    }
}
