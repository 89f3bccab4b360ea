package org.skydas.siting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON contract of {@code skydas siting solve}: reads an instance strictly (unknown fields, wrong types, unknown
 * demand ids, negative money, both or neither of {@code budget}/{@code periods}, empty demand are errors whose one-line
 * message names the field) and writes a result.
 *
 * <p>Money is euros in the JSON and whole cents inside: a cost is rounded up to the cent and a budget down, so a plan
 * that fits in cents fits in euros. Repeated ids in one {@code covers} list count once.
 */
public final class SitingJson {
  /** Largest accepted amount of money, EUR (keeps cents far inside a long). */
  static final BigDecimal MAX_EUR = new BigDecimal("1e13");

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SitingJson() {}

  public static SitingInstance read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SitingInputException("not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !root.isObject()) throw new SitingInputException("instance: must be a JSON object");
    onlyFields(root, "", Set.of("demand", "candidates", "budget", "periods"));

    JsonNode demandNode = root.get("demand");
    if (demandNode == null || !demandNode.isArray()) throw new SitingInputException("demand: must be an array");
    if (demandNode.isEmpty()) throw new SitingInputException("demand: empty");
    List<SitingInstance.Demand> demand = new ArrayList<>(demandNode.size());
    Map<String, Integer> demandIndex = new HashMap<>();
    for (int i = 0; i < demandNode.size(); i++) {
      String at = "demand[" + i + "]";
      JsonNode d = object(demandNode.get(i), at);
      onlyFields(d, at + ".", Set.of("id", "weight"));
      String id = id(d.get("id"), at + ".id");
      JsonNode w = d.get("weight");
      if (w == null || !w.isNumber()) throw new SitingInputException(at + ".weight: must be a number");
      double weight = w.doubleValue();
      if (!(weight >= 0) || Double.isInfinite(weight)) throw new SitingInputException(at + ".weight: must be a finite number >= 0");
      if (demandIndex.put(id, i) != null) throw new SitingInputException(at + ".id: duplicate '" + id + "'");
      demand.add(new SitingInstance.Demand(id, weight));
    }

    JsonNode candNode = root.get("candidates");
    if (candNode == null || !candNode.isArray()) throw new SitingInputException("candidates: must be an array");
    List<SitingInstance.Candidate> candidates = new ArrayList<>(candNode.size());
    Set<String> candidateIds = new java.util.HashSet<>();
    for (int j = 0; j < candNode.size(); j++) {
      String at = "candidates[" + j + "]";
      JsonNode c = object(candNode.get(j), at);
      onlyFields(c, at + ".", Set.of("id", "cost", "covers", "existing"));
      String id = id(c.get("id"), at + ".id");
      if (!candidateIds.add(id)) throw new SitingInputException(at + ".id: duplicate '" + id + "'");
      long cost = cents(c.get("cost"), at + ".cost", RoundingMode.CEILING);
      JsonNode covers = c.get("covers");
      if (covers == null || !covers.isArray()) throw new SitingInputException(at + ".covers: must be an array of demand ids");
      Set<Integer> idx = new LinkedHashSet<>();
      for (int k = 0; k < covers.size(); k++) {
        JsonNode ref = covers.get(k);
        if (!ref.isTextual()) throw new SitingInputException(at + ".covers[" + k + "]: must be a demand id (string)");
        Integer i = demandIndex.get(ref.textValue());
        if (i == null) throw new SitingInputException(at + ".covers[" + k + "]: unknown demand id '" + ref.textValue() + "'");
        idx.add(i);
      }
      JsonNode ex = c.get("existing");
      if (ex != null && !ex.isBoolean()) throw new SitingInputException(at + ".existing: must be true or false");
      candidates.add(new SitingInstance.Candidate(id, cost, idx.stream().mapToInt(Integer::intValue).toArray(),
          ex != null && ex.booleanValue()));
    }

    JsonNode budget = root.get("budget");
    JsonNode periods = root.get("periods");
    if (budget != null && periods != null) throw new SitingInputException("budget: give either budget or periods, not both");
    if (budget == null && periods == null) throw new SitingInputException("budget: missing (give budget or periods)");
    if (budget != null) {
      return SitingInstance.single(demand, candidates, cents(budget, "budget", RoundingMode.FLOOR));
    }
    if (!periods.isArray()) throw new SitingInputException("periods: must be an array");
    if (periods.isEmpty()) throw new SitingInputException("periods: empty");
    List<SitingInstance.Period> list = new ArrayList<>();
    for (int t = 0; t < periods.size(); t++) {
      String at = "periods[" + t + "]";
      JsonNode p = object(periods.get(t), at);
      onlyFields(p, at + ".", Set.of("year", "budget"));
      JsonNode y = p.get("year");
      if (y == null || !y.canConvertToInt() || !y.isIntegralNumber()) throw new SitingInputException(at + ".year: must be an integer");
      if (t > 0 && y.intValue() <= list.get(t - 1).year()) throw new SitingInputException(at + ".year: years must increase");
      list.add(new SitingInstance.Period(y.intValue(), cents(p.get("budget"), at + ".budget", RoundingMode.FLOOR)));
    }
    return SitingInstance.multi(demand, candidates, list);
  }

  private static JsonNode object(JsonNode node, String at) {
    if (node == null || !node.isObject()) throw new SitingInputException(at + ": must be an object");
    return node;
  }

  private static void onlyFields(JsonNode node, String prefix, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) throw new SitingInputException(prefix + f + ": unknown field");
    }
  }

  private static String id(JsonNode node, String at) {
    if (node == null || !node.isTextual() || node.textValue().isEmpty()) throw new SitingInputException(at + ": must be a non-empty string");
    return node.textValue();
  }

  private static long cents(JsonNode node, String at, RoundingMode rounding) {
    if (node == null || node.isNull()) throw new SitingInputException(at + ": missing");
    if (!node.isNumber()) throw new SitingInputException(at + ": must be a number (EUR)");
    BigDecimal eur = node.decimalValue();
    if (eur.signum() < 0) throw new SitingInputException(at + ": must be >= 0");
    if (eur.compareTo(MAX_EUR) > 0) throw new SitingInputException(at + ": larger than " + MAX_EUR.toPlainString() + " EUR");
    return eur.movePointRight(2).setScale(0, rounding).longValueExact();
  }

  /** Euros from cents, exact, as a JSON number. */
  static BigDecimal euros(long cents) {
    return BigDecimal.valueOf(cents, 2).stripTrailingZeros();
  }

  /** The result document: status, objective, bound, gap, spend always; selected or periods. */
  public static ObjectNode write(SitingResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("status", r.status().name());
    o.put("objective", r.objective());
    o.put("bound", r.bound());
    o.put("gap", r.gap());
    o.put("spend", euros(r.spendCents()));
    if (!r.multiPeriod()) {
      SitingResult.PeriodPlan p = r.periods().get(0);
      putIds(o.putArray("selected"), p.standing());
      putIds(o.putArray("built"), p.built());
      o.put("covered", p.coveredWeight());
    } else {
      ArrayNode ps = o.putArray("periods");
      for (SitingResult.PeriodPlan p : r.periods()) {
        ObjectNode po = ps.addObject();
        po.put("year", p.year());
        putIds(po.putArray("selected"), p.standing());
        putIds(po.putArray("built"), p.built());
        po.put("spend", euros(p.spendCents()));
        po.put("covered", p.coveredWeight());
      }
    }
    ObjectNode s = o.putObject("solver");
    s.put("engine", r.engine());
    s.put("seconds", r.seconds());
    s.put("presolved_demand", r.presolvedDemand());
    s.put("presolved_candidates", r.presolvedCandidates());
    return o;
  }

  private static void putIds(ArrayNode a, List<String> ids) {
    ids.forEach(a::add);
  }

  public static String toJson(SitingResult r) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(write(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
