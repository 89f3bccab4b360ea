package org.skydas.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SitingJsonTest {
  private static final String DEMAND = "\"demand\":[{\"id\":\"d1\",\"weight\":1.7},{\"id\":\"d2\",\"weight\":1}]";

  @Test
  void readsSinglePeriodWithCentsRoundedSafely() {
    SitingInstance in = SitingJson.read("{" + DEMAND + ",\"candidates\":[{\"id\":\"c1\",\"cost\":120000.001,"
        + "\"covers\":[\"d1\",\"d2\",\"d1\"]},{\"id\":\"c2\",\"cost\":5,\"covers\":[],\"existing\":true}],"
        + "\"budget\":3000000.009}");
    assertThat(in.multiPeriod()).isFalse();
    assertThat(in.candidates().get(0).costCents()).isEqualTo(12_000_001L); // rounded up
    assertThat(in.candidates().get(0).covers()).containsExactly(0, 1); // repeats count once
    assertThat(in.candidates().get(1).existing()).isTrue();
    assertThat(in.periods().get(0).budgetCents()).isEqualTo(300_000_000L); // rounded down
  }

  @Test
  void readsMultiPeriod() {
    SitingInstance in = SitingJson.read("{" + DEMAND + ",\"candidates\":[],\"periods\":[{\"year\":2026,\"budget\":900000},"
        + "{\"year\":2027,\"budget\":0}]}");
    assertThat(in.multiPeriod()).isTrue();
    assertThat(in.periods()).extracting(SitingInstance.Period::year).containsExactly(2026, 2027);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"demand\":[],\"candidates\":[],\"budget\":1}|demand: empty",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[{\"id\":\"c\",\"cost\":1,\"covers\":[\"d9\"]}],\"budget\":1}|candidates[0].covers[0]: unknown demand id 'd9'",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[{\"id\":\"c\",\"cost\":-1,\"covers\":[]}],\"budget\":1}|candidates[0].cost: must be >= 0",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[],\"budget\":-5}|budget: must be >= 0",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[]}|budget: missing (give budget or periods)",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[],\"budget\":1,\"periods\":[]}|budget: give either budget or periods, not both",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[],\"periods\":[{\"year\":2026,\"budget\":-1}]}|periods[0].budget: must be >= 0",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[],\"periods\":[{\"year\":2027,\"budget\":1},{\"year\":2026,\"budget\":1}]}|periods[1].year: years must increase",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":-2}],\"candidates\":[],\"budget\":1}|demand[0].weight: must be a finite number >= 0",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1},{\"id\":\"d1\",\"weight\":1}],\"candidates\":[],\"budget\":1}|demand[1].id: duplicate 'd1'",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[{\"id\":\"c\",\"cost\":\"1\",\"covers\":[]}],\"budget\":1}|candidates[0].cost: must be a number (EUR)",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[{\"id\":\"c\",\"cost\":1,\"covers\":[],\"colour\":1}],\"budget\":1}|candidates[0].colour: unknown field",
      "{\"demand\":[{\"id\":\"d1\",\"weight\":1}],\"candidates\":[],\"budget\":1,\"budgets\":2}|budgets: unknown field",
  })
  void badInputNamesTheField(String json, String message) {
    assertThatThrownBy(() -> SitingJson.read(json)).isInstanceOf(SitingInputException.class).hasMessage(message);
  }

  @Test
  void notJsonIsOneLine() {
    assertThatThrownBy(() -> SitingJson.read("{\"demand\": [")).isInstanceOf(SitingInputException.class)
        .hasMessageStartingWith("not JSON:").hasMessageNotContaining("\n");
  }

  @Test
  void writesTheResultContract() throws Exception {
    SitingInstance in = SitingJson.read("{" + DEMAND + ",\"candidates\":[{\"id\":\"c1\",\"cost\":100,\"covers\":[\"d1\"]},"
        + "{\"id\":\"c2\",\"cost\":100,\"covers\":[\"d2\"]},{\"id\":\"c0\",\"cost\":0,\"covers\":[],\"existing\":true}],"
        + "\"periods\":[{\"year\":2026,\"budget\":100},{\"year\":2027,\"budget\":150}]}");
    SitingResult r = new SitingSolver(SitingSolver.Options.defaults().withTimeLimit(10)).solve(in);
    JsonNode o = new ObjectMapper().readTree(SitingJson.toJson(r));
    assertThat(o.get("status").asText()).isEqualTo("OPTIMAL");
    // c1 (weight 1.7) first: 1.7 in 2026, then 2.7 in 2027.
    assertThat(o.get("objective").asDouble()).isEqualTo(4.4, org.assertj.core.api.Assertions.offset(1e-9));
    assertThat(o.get("bound").asDouble()).isGreaterThanOrEqualTo(o.get("objective").asDouble());
    assertThat(o.get("gap").asDouble()).isLessThan(1e-9);
    assertThat(o.get("spend").decimalValue()).isEqualByComparingTo("200");
    assertThat(o.get("periods").get(0).get("year").asInt()).isEqualTo(2026);
    assertThat(o.get("periods").get(0).get("selected")).extracting(JsonNode::asText).containsExactly("c1", "c0");
    assertThat(o.get("periods").get(1).get("selected")).extracting(JsonNode::asText).containsExactlyInAnyOrder("c0", "c1", "c2");
    assertThat(o.get("periods").get(1).get("built")).extracting(JsonNode::asText).containsExactly("c2");
  }
}
