package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.AlertMessage;
import org.skydas.alert.Finding;
import org.skydas.alert.Resolution;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/alerts} a page at a time (open alerts first, then by severity and newest; limit, cursor, total)
 * and the alert's text as a message key with parameters, over real HTTP on the embedded watch store.
 */
class AlertsPagingApiTest {

    @TempDir
    Path dir;

    WatchServices watch;
    SkydasServer server;
    String token;
    static final ObjectMapper JSON = new ObjectMapper();
    /** Ids by what they are: 250 open low alerts, 3 open critical, 5 resolved high. */
    final List<Long> low = new ArrayList<>();
    final List<Long> critical = new ArrayList<>();
    final List<Long> resolved = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        double t0 = WatchServices.now() - 1_000;
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 258; i++) {
            Severity s = i < 250 ? Severity.LOW : i < 253 ? Severity.CRITICAL : Severity.HIGH;
            findings.add(new Finding(RuleKind.APPROACH, s, "track:" + i, t0 + i, 560_000, 5_985_000, "BY-017", null,
                    AlertMessage.APPROACH.text((long) i, "person", 1_200.0 + i, "BY-017", 300.0, 1.5)));
        }
        watch.raiseAll(findings).forEach(r -> (r.alert().severity() == Severity.LOW ? low
                : r.alert().severity() == Severity.CRITICAL ? critical : resolved).add(r.alert().id()));
        for (long id : resolved) {
            watch.resolve(id, "op1", Resolution.CONFIRMED, null);
        }
        Scenario empty = new Scenario(Map.of("name", "t"), List.of(), List.of(), List.of(), List.of(), List.of(),
                DemoScenario.programme());
        server = new SkydasServer(new ScenarioView(empty), "memory", watch).start("127.0.0.1", 0);
        HttpResponse<String> r = WatchApiTest.send(server.port(), "POST", "/api/login", null,
                "{\"username\":\"op1\",\"password\":\"operator-pass\"}");
        token = JSON.readTree(r.body()).path("token").asText();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        watch.close();
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        return WatchApiTest.send(server.port(), "GET", path, bearer, null);
    }

    static List<Long> ids(HttpResponse<String> r) throws Exception {
        List<Long> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(a -> out.add(a.path("id").asLong()));
        return out;
    }

    @Test
    void theDefaultPageHolds200AlertsOpenFirstMostSevereAndNewestFirstWithTheTotalAndANextCursor() throws Exception {
        HttpResponse<String> first = get("/api/alerts", token);
        assertThat(first.statusCode()).isEqualTo(200);
        List<Long> page = ids(first);
        assertThat(page).hasSize(200);
        // Critical open alerts first (newest first), then the open low ones: resolved alerts come after every open one.
        assertThat(page.subList(0, 3)).containsExactlyElementsOf(critical.reversed());
        assertThat(page.subList(3, 200)).containsExactlyElementsOf(low.reversed().subList(0, 197));
        assertThat(first.headers().firstValue("X-Total-Count")).contains("258");
        String cursor = first.headers().firstValue("X-Next-Cursor").orElseThrow();
        assertThat(first.headers().firstValue("Link")).contains("</api/alerts?cursor=" + cursor + ">; rel=\"next\"");

        HttpResponse<String> second = get("/api/alerts?cursor=" + cursor, token);
        List<Long> rest = ids(second);
        assertThat(rest).hasSize(58);
        assertThat(rest.subList(0, 53)).containsExactlyElementsOf(low.reversed().subList(197, 250));
        assertThat(rest.subList(53, 58)).containsExactlyElementsOf(resolved.reversed());
        assertThat(second.headers().firstValue("X-Next-Cursor")).as("the last page").isEmpty();
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void theConsolesQueryOpenAlertsWithALimitPagesThroughEveryOneOnceAndKeepsTheFilters() throws Exception {
        List<Long> seen = new ArrayList<>();
        String path = "/api/alerts?status=open&limit=60";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> r = get(path, token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Total-Count")).contains("253");
            List<Long> page = ids(r);
            assertThat(page.size()).isLessThanOrEqualTo(60);
            seen.addAll(page);
            pages++;
            // The Link header keeps the filters: following it is all a client has to do.
            path = r.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            if (path != null) {
                assertThat(path).contains("status=open").contains("limit=60");
            }
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).doesNotHaveDuplicates().hasSize(253).doesNotContainAnyElementsOf(resolved);
        assertThat(ids(get("/api/alerts?status=resolved", token))).containsExactlyElementsOf(resolved.reversed());
        List<Long> newOrResolved = new ArrayList<>(critical.reversed());
        newOrResolved.add(low.get(low.size() - 1));
        assertThat(ids(get("/api/alerts?status=new,resolved&limit=4", token))).containsExactlyElementsOf(newOrResolved);
        assertThat(ids(get("/api/alerts?limit=1000", token))).hasSize(258);
    }

    @Test
    void badPagingParametersAre400WithAClearMessage() throws Exception {
        for (String[] c : new String[][] {
                {"limit=0", "'limit' must be a whole number from 1 to 1000, is '0'"},
                {"limit=1001", "'limit' must be a whole number from 1 to 1000, is '1001'"},
                {"limit=ten", "'limit' must be a whole number from 1 to 1000, is 'ten'"},
                {"limit=-5", "'limit' must be a whole number from 1 to 1000"},
                {"cursor=not-a-cursor", "'cursor' is not one this server gave out"},
                {"cursor=MTpYOkhJR0g6MTA6Mw", "'cursor' is not one this server gave out"}, // "1:X:HIGH:10:3"
                {"status=opened", "unknown status 'opened'"},
                {"status=", "unknown status ''"},
                {"since=yesterday", "'since' must be seconds since the epoch or an ISO-8601 time"},
                {"since=NaN", "'since' must be seconds since the epoch or an ISO-8601 time"},
                {"rule=storm", "unknown rule 'storm'"}}) {
            HttpResponse<String> r = get("/api/alerts?" + c[0], token);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(get("/api/alerts?limit=5", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAlertCarriesItsMessageKeyAndTypedParametersBesideTheEnglishTextAndOldAlertsCarryNull() throws Exception {
        long plain = watch.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.CRITICAL, "track:9999", WatchServices.now(),
                560_000, 5_985_000, "BY-017", null, "person crossed the border")).alert().id();
        JsonNode a = JSON.readTree(get("/api/alerts/" + critical.get(0), token).body());
        assertThat(a.path("message_key").asText()).isEqualTo("alert.approach");
        JsonNode p = a.path("message_params");
        assertThat(p.path("track").isIntegralNumber()).isTrue();
        assertThat(p.path("track").asLong()).isEqualTo(250);
        assertThat(p.path("class").asText()).isEqualTo("person");
        assertThat(p.path("distance_m").isNumber()).isTrue();
        assertThat(p.path("distance_m").asDouble()).isEqualTo(1_450.0);
        assertThat(p.path("eta_s").asDouble()).isEqualTo(300.0);
        assertThat(a.path("message").asText()).isEqualTo("person 1450 m from the border heading for sector BY-017, "
                + "ETA 300 s (closing at 1.5 m/s, track 250)");
        JsonNode old = JSON.readTree(get("/api/alerts/" + plain, token).body());
        assertThat(old.has("message_key")).isTrue();
        assertThat(old.path("message_key").isNull()).isTrue();
        assertThat(old.path("message_params").isNull()).isTrue();
        assertThat(old.path("message").asText()).isEqualTo("person crossed the border");
    }

    @Test
    void theOpenApiDocumentListsEveryMessageKeyAndThePagingParameters() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/openapi.json", null).body());
        List<String> keys = new ArrayList<>();
        doc.at("/components/schemas/Alert/properties/message_key/enum").forEach(k -> {
            if (!k.isNull()) {
                keys.add(k.asText());
            }
        });
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(AlertMessage.values()).map(AlertMessage::key).toList());
        List<String> params = new ArrayList<>();
        doc.at("/paths/~1api~1alerts/get/parameters").forEach(x -> params.add(x.path("name").asText()));
        assertThat(params).contains("status", "limit", "cursor", "since");
        assertThat(doc.at("/paths/~1api~1alerts/get/parameters").findValues("maximum")).extracting(JsonNode::asInt)
                .containsExactly(WatchApi.MAX_LIMIT);
    }
}
