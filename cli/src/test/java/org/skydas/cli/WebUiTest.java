package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.AlertStatus;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The web client in Debian's Chromium against a real server: login, the map draws the border, an
 * alert raised by the test appears within 2 s, acknowledging it changes the UI and the API, roles
 * shape the UI, and the planner sees the programme chart. Screenshots go to target/screenshots.
 */
class WebUiTest {

    static Playwright playwright;
    static Browser browser;
    static ScenarioView view;

    @TempDir
    static Path dir;

    WatchServices watch;
    SkydasServer server;
    Page page;
    org.skydas.watch.LivePipeline pipeline;
    SyntheticTracks feed;

    @BeforeAll
    static void launch() {
        playwright = DebianChromium.playwright();
        browser = DebianChromium.launch(playwright);
        Scenario demo = new DemoScenario().build();
        view = new ScenarioView(demo);
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
    void start(TestInfo info) throws Exception {
        Path data = Files.createTempDirectory(dir, "watch");
        watch = new WatchServices(WatchStore.openSqlite(data));
        watch.ensureAdmin("admin-password");
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        watch.addUser("au1", Role.AUDITOR, "auditor-pass");
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        server = new SkydasServer(view, "demo", watch).start("127.0.0.1", 0);
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
    }

    @AfterEach
    void stop(TestInfo info) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(info.getTestMethod().orElseThrow().getName()
                + ".png")));
        page.context().close();
        if (feed != null) {
            feed.close();
        }
        server.stop();
        if (pipeline != null) {
            pipeline.close();
        }
        watch.close();
    }

    void login(String user, String password) {
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        Locator form = page.getByTestId("login-form");
        form.waitFor();
        form.locator("input[name=username]").fill(user);
        form.locator("input[name=password]").fill(password);
        form.locator("button[type=submit]").click();
        page.locator("#login").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    }

    long raise(String sector) throws Exception {
        return watch.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:" + System.nanoTime(),
                WatchServices.now(), 560_000, 5_985_000, sector, null, "person crossed the border")).alert().id();
    }

    @Test
    void theMapDrawsTheBorderAfterLogin() {
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        assertThat(page.getByTestId("login-form").isVisible()).isTrue();
        login("op1", "operator-pass");
        assertThat(page.getByTestId("map").locator("canvas").count()).isEqualTo(1);
        page.waitForFunction("() => { const m = window.skydasMap; return m && m.isSourceLoaded('border') "
                + "&& m.querySourceFeatures('border').length > 0 && m.loaded(); }", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        Object ids = page.evaluate("() => [...new Set(window.skydasMap.querySourceFeatures('border')"
                + ".map(f => f.properties.neighbour))].sort()");
        assertThat(ids).isEqualTo(List.of("BY", "LV", "PL", "RU"));
        assertThat(page.locator(".maplibregl-ctrl-attrib").innerText()).contains("OpenStreetMap");
    }

    @Test
    void anAlertAppearsWithinTwoSecondsAndAcknowledgingItShowsInTheUiAndTheApi() throws Exception {
        login("op1", "operator-pass");
        page.getByTestId("alert-list").waitFor();
        long id = raise("BY-017");
        Locator item = page.locator("[data-testid=alert-item][data-alert-id='" + id + "']");
        item.waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        assertThat(item.innerText()).contains("HIGH").contains("BY-017").contains("person crossed the border");
        assertThat(page.getByTestId("sector-status").innerText()).contains("BY-017 medium");

        page.onceDialog(d -> d.accept("patrol sent"));
        item.getByTestId("ack-button").click();
        page.locator("[data-testid=alert-item][data-alert-id='" + id + "'][data-status=acknowledged]")
                .waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        assertThat(watch.alert(id).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(watch.alert(id).acknowledgedBy()).isEqualTo("op1");
        assertThat(watch.alert(id).acknowledgeNote()).isEqualTo("patrol sent");

        item.click();
        assertThat(page.getByTestId("track-details").innerText()).contains("#" + id).contains("BY-017");
    }

    /**
     * Times are 24-hour with their zone, local or UTC at the operator's choice — even in a browser set to US English,
     * whose own time format is "12:57:41 AM".
     */
    @Test
    void alertTimesAre24HourWithTheZoneLocalOrUtcAtAClick() throws Exception {
        page.context().close();
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("en-US")
                .setTimezoneId("Europe/Vilnius")).newPage();
        login("op1", "operator-pass");
        page.getByTestId("alert-list").waitFor();
        long id = raise("BY-017");
        Locator item = page.locator("[data-testid=alert-item][data-alert-id='" + id + "']");
        item.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        java.time.Instant raised = java.time.Instant.ofEpochMilli((long) (watch.alert(id).raisedAt() * 1000));
        java.time.format.DateTimeFormatter hms = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");
        String local = hms.format(raised.atZone(java.time.ZoneId.of("Europe/Vilnius")));
        String zone = java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.UK)
                .format(raised.atZone(java.time.ZoneId.of("Europe/Vilnius")));
        if (!page.getByTestId("time-zone").getAttribute("data-mode").equals("local")) {
            page.getByTestId("time-zone").click();
        }
        assertThat(item.innerText()).contains(local + " " + zone).doesNotContain(" AM").doesNotContain(" PM");
        assertThat(page.getByTestId("time-zone").innerText()).contains(zone);

        page.getByTestId("time-zone").click();
        String utc = hms.format(raised.atZone(java.time.ZoneOffset.UTC));
        page.locator("[data-testid=alert-item][data-alert-id='" + id + "']:has-text('" + utc + " UTC')")
                .waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        assertThat(page.getByTestId("time-zone").innerText()).contains("UTC");
        item.click();
        // English dates are in British order (day/month/year).
        assertThat(page.getByTestId("track-details").innerText()).containsPattern("\\d{2}/\\d{2}/\\d{4} " + utc + " UTC");
        // The choice is remembered in this browser.
        page.reload();
        page.getByTestId("time-zone").waitFor();
        assertThat(page.getByTestId("time-zone").getAttribute("data-mode")).isEqualTo("utc");
    }

    @Test
    void theKeyboardAcknowledgesTheFocusedAlert() throws Exception {
        login("op1", "operator-pass");
        long id = raise("LV-003");
        Locator item = page.locator("[data-testid=alert-item][data-alert-id='" + id + "']");
        item.waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        item.focus();
        page.keyboard().press("Enter");
        page.locator("[data-alert-id='" + id + "'][data-status=acknowledged]").waitFor(
                new Locator.WaitForOptions().setTimeout(5_000));
        assertThat(watch.alert(id).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    }

    @Test
    void anAuditorSeesAlertsButNoAcknowledgeButton() throws Exception {
        long id = raise("PL-002");
        login("au1", "auditor-pass");
        Locator item = page.locator("[data-testid=alert-item][data-alert-id='" + id + "']");
        item.waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        assertThat(item.getByTestId("ack-button").count()).isZero();
    }

    @Test
    void anEngineerSeesTheRegisterHatchedOnTheMapAndMovesAFieldOnWithConfirmation() throws Exception {
        watch.addUser("eng1", Role.ENGINEER, "engineer-pass");
        watch.seedObstacles(org.skydas.obstacles.DemoObstacles.build(view.scenario()), "demo");
        login("op1", "operator-pass");
        assertThat(page.locator("#tab-obstacles").isHidden()).as("operators have no register view").isTrue();
        page.locator("#logout").click();
        login("eng1", "engineer-pass");
        page.locator("#tab-obstacles").click();
        Locator list = page.getByTestId("obstacle-list");
        list.locator("li").nth(4).waitFor();
        assertThat(list.locator("li").count()).isEqualTo(5);
        Locator marked = list.locator("li", new Locator.LocatorOptions().setHasText("marked"));
        marked.click();
        Locator details = page.getByTestId("obstacle-details");
        details.locator("button[data-to=inspected]").waitFor();
        // the marking plan's signs are on the map
        page.waitForFunction("() => window.skydasMap.querySourceFeatures('signs').length > 0");
        assertThat(details.innerText()).contains("EXAMPLE", "planned → laid", "laid → marked");
        // cancelling the confirmation changes nothing; accepting it records the step with its note
        page.onceDialog(d -> d.dismiss());
        details.locator("button[data-to=inspected]").click();
        String id = marked.getAttribute("data-id");
        page.onceDialog(d -> d.accept("all signs in place"));
        details.locator("button[data-to=inspected]").click();
        list.locator("li", new Locator.LocatorOptions().setHasText("inspected")).waitFor();
        var stored = watch.obstacles(r -> r.get(id)).orElseThrow();
        assertThat(stored.status()).isEqualTo(org.skydas.obstacles.FieldStatus.INSPECTED);
        assertThat(stored.history()).hasSize(4);
        assertThat(stored.history().get(3).note()).isEqualTo("all signs in place");
        assertThat(stored.history().get(3).actor()).isEqualTo("eng1");
    }

    @Test
    void thePlannerViewShowsTheProgrammeChart() {
        login("pl1", "planner-pass");
        page.locator("#tab-planner").click();
        Locator chart = page.getByTestId("programme-chart");
        chart.locator("svg rect").first().waitFor();
        // Five categories × four series, plus four legend swatches.
        assertThat(chart.locator("svg rect").count()).isEqualTo(24);
        assertThat(chart.innerText()).contains("counter mobility obstacles").contains("1.10 bn");
        assertThat(page.locator("#asset-table").innerText()).contains("radar");
    }

    @Test
    void thePlannerSeesCoverageWithItsLegendAndZoomsToAGap() throws Exception {
        // A coarse grid keeps the background job short; the server owns the service and stops it.
        server.stop();
        org.skydas.server.coverage.CoverageService coverage = org.skydas.server.coverage.CoverageService.start(
                view.scenario(), List.of(), null, org.skydas.server.coverage.CoverageSettings.defaults().withResolution(250));
        server = new SkydasServer(view, "demo", watch).withCoverage(coverage).start("127.0.0.1", 0);
        login("pl1", "planner-pass");
        page.locator("#tab-planner").click();
        Locator legend = page.getByTestId("coverage-legend");
        legend.waitFor();
        Locator items = page.locator("[data-testid=gap-list] [data-testid=gap-item]");
        items.first().waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        // A sector that a sensor partly covers: the screenshot then shows the tiles and the gaps side by side.
        Locator partly = items.filter(new Locator.FilterOptions().setHasNotText(": 0.0 % covered"));
        Locator gap = partly.count() > 0 ? partly.first() : items.first();
        assertThat(legend.innerText()).contains("Coverage computed").contains("bare ellipsoid").contains("P 0.90");
        assertThat(legend.locator(".swatch").count()).isEqualTo(6);
        assertThat(page.evaluate("() => window.skydasMap.getLayoutProperty('coverage', 'visibility')")).isEqualTo("visible");
        String sector = gap.getAttribute("data-sector");
        assertThat(view.scenario().sectors().stream().map(org.skydas.model.Sector::id)).contains(sector);
        double before = ((Number) page.evaluate("() => window.skydasMap.getZoom()")).doubleValue();
        gap.click();
        page.waitForFunction("z => { const m = window.skydasMap; return !m.isMoving() && m.getZoom() > z + 1; }", before,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        page.waitForFunction("() => window.skydasMap.isSourceLoaded('coverage')", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
    }

    /** Restarts the server with a live pipeline that {@code n} synthetic targets report to once a second. */
    void startLive(int n) {
        server.stop();
        pipeline = org.skydas.server.WatchWiring.pipeline(view.scenario(), watch, 10_000);
        server = new SkydasServer(view, "demo", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
        feed = SyntheticTracks.start(pipeline, SyntheticTracks.targets(view.scenario(), n, 11));
    }

    /** The classes of the tracks the map was given to draw (the filtered picture). */
    Object drawnClasses() {
        return page.evaluate("() => [...new Set(window.skydasMap.querySourceFeatures('tracks')"
                + ".map(f => f.properties.class))].sort()");
    }

    @Test
    void filteringByClassHidesTheOtherClassesAndClickingATrackShowsItsDetails() throws Exception {
        startLive(12);
        login("op1", "operator-pass");
        Locator count = page.getByTestId("track-count");
        // Three targets of each class, once each has reported often enough to be a confirmed track.
        page.waitForFunction("() => document.querySelector('[data-testid=track-count]')?.dataset.total === '12'", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertThat(count.getAttribute("data-shown")).isEqualTo("12");
        page.waitForFunction("() => window.skydasMap.querySourceFeatures('tracks').length > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        assertThat(drawnClasses()).isEqualTo(List.of("drone", "person", "unknown", "vehicle"));

        Locator filters = page.getByTestId("track-filters");
        filters.getByTestId("class-filter-vehicle").uncheck();
        // The keyboard works too: focus the drone box and press Space.
        filters.getByTestId("class-filter-drone").focus();
        page.keyboard().press("Space");
        assertThat(filters.getByTestId("class-filter-drone").isChecked()).isFalse();
        page.waitForFunction("() => document.querySelector('[data-testid=track-count]').dataset.shown === '6'", null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
        assertThat(count.innerText()).contains("6 of 12 tracks shown");
        page.waitForFunction("() => { const c = [...new Set(window.skydasMap.querySourceFeatures('tracks')"
                + ".map(f => f.properties.class))].sort().join(); return c === 'person,unknown'; }", null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                "filteringByClass-personAndUnknownOnly.png")));

        // Centre the map on one person and click it there.
        Object person = page.evaluate("() => { const f = window.skydasMap.querySourceFeatures('tracks')"
                + ".find(f => f.properties.class === 'person' && f.geometry.type === 'Point'); window.skydasMap.jumpTo({ center: f.geometry.coordinates, "
                + "zoom: 11 }); return f.properties.id; }");
        page.waitForFunction("() => !window.skydasMap.isMoving() && window.skydasMap.loaded()", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        var box = page.getByTestId("map").boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        Locator details = page.getByTestId("track-details");
        page.waitForFunction("id => document.querySelector('[data-testid=track-details]').dataset.trackId === String(id)",
                person, new Page.WaitForFunctionOptions().setTimeout(5_000));
        assertThat(details.innerText()).contains("#" + person).contains("person").contains("m/s").contains("°")
                .contains("sim-");
        Locator history = details.getByTestId("track-history");
        page.waitForFunction("() => document.querySelector('[data-testid=track-history]')?.dataset.points !== undefined",
                null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        assertThat(Integer.parseInt(history.getAttribute("data-points"))).isPositive();
        // The stored history is handed to the map too (a few metres long here: too short to query as drawn).
        assertThat(page.evaluate("async () => (await window.skydasMap.getSource('history').getData()).features"
                + ".map(f => f.id)")).isEqualTo(List.of(person));
    }

    @Test
    void theSectorFilterNarrowsTheAlertList() throws Exception {
        login("op1", "operator-pass");
        long belarus = raise("BY-017");
        long latvia = raise("LV-003");
        Locator items = page.locator("[data-testid=alert-item]");
        page.locator("[data-alert-id='" + latvia + "']").waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        page.locator("[data-alert-id='" + belarus + "']").waitFor();
        page.getByTestId("sector-filter").selectOption("s:LV-003");
        page.locator("[data-alert-id='" + belarus + "']").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.DETACHED).setTimeout(2_000));
        assertThat(items.count()).isEqualTo(1);
        assertThat(items.first().getAttribute("data-alert-id")).isEqualTo(String.valueOf(latvia));
        page.getByTestId("sector-filter").selectOption("n:BY");
        page.locator("[data-alert-id='" + belarus + "']").waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        assertThat(items.count()).isEqualTo(1);
    }
}
