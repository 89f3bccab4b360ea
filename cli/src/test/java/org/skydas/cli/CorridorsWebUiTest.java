package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.server.corridor.CorridorService;
import org.skydas.server.corridor.CoverageDetection;
import org.skydas.server.coverage.CoverageService;
import org.skydas.server.coverage.CoverageSettings;
import org.skydas.store.watch.WatchStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The planner's Corridors view in Debian's Chromium against a real server on the demo scenario, with
 * the coverage and the corridors computed in the background (coarse grids, to keep the run short): the
 * map layer's features, the table's rows and the sector list equal what the API serves, and a click on a
 * row zooms the map to that corridor. The screenshot goes to target/screenshots.
 */
class CorridorsWebUiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final java.util.Comparator<JsonNode> NUMERIC = (x, y) -> x.isNumber() && y.isNumber()
            ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1;

    static Playwright playwright;
    static Browser browser;

    @TempDir
    static Path dir;

    WatchServices watch;
    SkydasServer server;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = DebianChromium.playwright();
        browser = DebianChromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        Scenario demo = new DemoScenario().build();
        watch = new WatchServices(WatchStore.openSqlite(Files.createTempDirectory(dir, "watch")));
        watch.ensureAdmin("admin-password");
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        CoverageService coverage = CoverageService.start(demo, List.of(), null,
                CoverageSettings.defaults().withResolution(500));
        CorridorService corridors = new CorridorService(demo, List.of(), new CoverageDetection(coverage),
                new CorridorService.Settings(3, 0.6, 10_000, 500));
        server = new SkydasServer(new ScenarioView(demo), "demo", watch).withCoverage(coverage)
                .withCorridors(corridors).start("127.0.0.1", 0);
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
    }

    @AfterEach
    void stop() throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("corridorsView.png")));
        page.context().close();
        server.stop();
        watch.close();
    }

    JsonNode api(String path) throws Exception {
        String token = watch.login("pl1", "planner-pass").orElseThrow();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String minutes(double s) {
        return String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    @Test
    void thePlannerSeesTheCorridorsOfTheApiAsLayerTableAndSectorWarnings() throws Exception {
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        Locator form = page.getByTestId("login-form");
        form.waitFor();
        form.locator("input[name=username]").fill("pl1");
        form.locator("input[name=password]").fill("planner-pass");
        form.locator("button[type=submit]").click();
        page.locator("#login").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        page.locator("#tab-planner").click();
        // Poland's border is the shortest: its corridors are the quickest to compute
        page.getByTestId("corridor-from").selectOption("PL");
        page.getByTestId("corridor-mover").selectOption("foot");
        Locator rows = page.locator("[data-testid=corridor-table] [data-testid=corridor-row]");
        rows.first().waitFor(new Locator.WaitForOptions().setTimeout(240_000));
        page.waitForFunction("() => document.querySelector('[data-testid=corridor-legend] .coverage-state')"
                + "?.dataset.status === 'ready'", null, new Page.WaitForFunctionOptions().setTimeout(60_000));

        JsonNode fc = api("/api/corridors?from=PL&mover=foot");
        assertThat(fc.path("status").asText()).isEqualTo("ready");
        JsonNode features = fc.path("features");
        assertThat(features.size()).isGreaterThan(0);

        // the table: one row per corridor, in rank order, with the API's figures
        assertThat(rows.count()).isEqualTo(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode p = features.get(i).path("properties");
            Locator cells = rows.nth(i).locator("td");
            assertThat(rows.nth(i).getAttribute("data-rank")).isEqualTo(p.path("rank").asText());
            assertThat(cells.nth(1).innerText()).isEqualTo("PL");
            assertThat(cells.nth(2).innerText()).isEqualTo("On foot");
            assertThat(cells.nth(3).innerText()).isEqualTo(minutes(p.path("travel_time_s").asDouble()));
            assertThat(cells.nth(4).innerText()).isEqualTo(p.path("warning_time_s").isNull() ? "—"
                    : minutes(p.path("warning_time_s").asDouble()));
            assertThat(cells.nth(5).innerText()).isEqualTo(p.path("undetected").asBoolean() ? "no" : "yes");
        }

        // the map layer: the same features (rank, warning time, geometry), visible in the planner view
        page.waitForFunction("() => window.skydasMap.getSource('corridors') !== undefined", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        JsonNode drawn = JSON.readTree(String.valueOf(page.evaluate("async () => JSON.stringify("
                + "await window.skydasMap.getSource('corridors').getData())")));
        assertThat(drawn.path("features").size()).isEqualTo(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode a = features.get(i);
            JsonNode b = drawn.path("features").get(i);
            // JavaScript writes 0.0 as 0: numbers compare by value
            assertThat(b.path("properties").equals(NUMERIC, a.path("properties"))).as(b + " vs " + a).isTrue();
            assertThat(b.path("geometry").equals(NUMERIC, a.path("geometry"))).isTrue();
        }
        assertThat(page.evaluate("() => window.skydasMap.getLayoutProperty('corridors', 'visibility')"))
                .isEqualTo("visible");
        // the legend is the server's: four classes with their colours
        Locator swatches = page.locator("[data-testid=corridor-legend] .swatch");
        assertThat(swatches.count()).isEqualTo(fc.path("legend").size());
        assertThat(page.getByTestId("corridor-legend").innerText()).contains("undetected").contains("Corridors computed");

        // the sector list: every sector of the API's answer with its least warning time
        JsonNode sectors = api("/api/corridors/sectors?from=PL&mover=foot").path("sectors");
        assertThat(sectors.size()).isGreaterThan(0);
        for (JsonNode s : sectors) {
            Locator li = page.locator("[data-testid=corridor-sectors] [data-sector='" + s.path("sector").asText() + "']");
            assertThat(li.count()).isEqualTo(1);
            if (s.path("min_warning_time_s").isNull()) {
                assertThat(li.innerText()).contains("undetected");
            } else {
                assertThat(li.innerText()).contains(minutes(s.path("min_warning_time_s").asDouble()));
            }
        }

        // a click on the first row zooms the map onto that corridor
        double before = ((Number) page.evaluate("() => window.skydasMap.getZoom()")).doubleValue();
        rows.first().click();
        page.waitForFunction("z => { const m = window.skydasMap; return !m.isMoving() && m.getZoom() > z + 1; }", before,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        JsonNode first = features.get(0).path("geometry").path("coordinates");
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (JsonNode c : first) {
            minX = Math.min(minX, c.get(0).asDouble());
            maxX = Math.max(maxX, c.get(0).asDouble());
            minY = Math.min(minY, c.get(1).asDouble());
            maxY = Math.max(maxY, c.get(1).asDouble());
        }
        JsonNode centre = JSON.readTree(String.valueOf(page.evaluate(
                "() => JSON.stringify(window.skydasMap.getCenter().toArray())")));
        assertThat(centre.get(0).asDouble()).isBetween(minX - 0.01, maxX + 0.01);
        assertThat(centre.get(1).asDouble()).isBetween(minY - 0.01, maxY + 0.01);
        page.waitForFunction("() => window.skydasMap.queryRenderedFeatures({layers: ['corridors']}).length > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
    }
}
