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
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.testkit.ExternalTool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The planner view's Plan panel in Debian's Chromium against a real server with the demo scenario: budgets for two
 * years, run, progress while the job runs, then the table, the per-year figures, the gap and the proposed sites on
 * the map are exactly what {@code GET /api/siting/plan/{id}} returns; Apply, with confirmation, writes the plan into
 * the scenario file and the roll-up and map show it; an operator gets no Plan panel.
 * Screenshot: target/screenshots/planPanel.png.
 */
class PlanPanelTest {

    static Playwright playwright;
    static Browser browser;

    @TempDir
    Path dir;
    WatchServices watch;
    SkydasServer server;
    Page page;

    @BeforeAll
    static void launch() {
        ExternalTool.require("chromium");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
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

    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password");
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        server = new SkydasServer(new ScenarioView(new DemoScenario().build()), "demo", watch).start("127.0.0.1", 0);
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
    }

    @AfterEach
    void stop() throws Exception {
        if (page != null) {
            page.context().close();
        }
        if (server != null) {
            server.stop();
        }
        if (watch != null) {
            watch.close();
        }
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

    static String eur(double v) {
        return "€" + String.format(Locale.ENGLISH, "%,d", Math.round(v));
    }

    @Test
    void planPanelShowsWhatTheApiReturns() throws Exception {
        start();
        login("pl1", "planner-pass");
        page.locator("#tab-planner").click();
        Locator panel = page.getByTestId("plan-panel");
        panel.waitFor();
        Locator years = panel.locator(".plan-year");
        assertThat(years.count()).isEqualTo(2);
        years.nth(0).locator("input[name=year]").fill("2027");
        years.nth(0).locator("input[name=budget_eur]").fill("2500000");
        years.nth(1).locator("input[name=year]").fill("2028");
        years.nth(1).locator("input[name=budget_eur]").fill("1500000");
        // A limit that the small demo plan never reaches (it proves optimality in seconds): API and CLI then agree.
        panel.getByTestId("plan-time_limit_s").fill("60");
        panel.getByTestId("plan-resolution_m").fill("1000");
        panel.getByTestId("plan-run").click();
        panel.getByTestId("plan-progress").waitFor();
        Locator summary = panel.getByTestId("plan-summary");
        summary.waitFor(new Locator.WaitForOptions().setTimeout(300_000));

        String id = (String) page.evaluate("() => window.skydasPlan.jobId");
        String token = watch.login("pl1", "planner-pass").orElseThrow();
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/siting/plan/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode job = new ObjectMapper().readTree(res.body());
        assertThat(job.get("status").asText()).isEqualTo("done");
        JsonNode plan = job.get("result");
        assertThat(plan.get("request").get("budget_per_year").get(1).get("budget_eur").asDouble()).isEqualTo(1_500_000);
        assertThat(plan.get("bound").asDouble()).isGreaterThanOrEqualTo(plan.get("objective").asDouble());

        assertThat(summary.innerText()).contains(String.format(Locale.ROOT, "gap %.2f %%", 100 * plan.get("gap").asDouble()))
                .contains(eur(plan.get("spend_eur").asDouble()));
        assertThat(panel.getByTestId("plan-coverage").innerText()).contains(String.format(Locale.ROOT, "%.1f %% → %.1f %%",
                100 * plan.get("coverage_before").asDouble(), 100 * plan.get("coverage_after").asDouble()));
        Locator periodRows = panel.locator("[data-testid=plan-periods] tbody tr");
        assertThat(periodRows.count()).isEqualTo(2);
        for (int k = 0; k < 2; k++) {
            JsonNode p = plan.get("periods").get(k);
            assertThat(periodRows.nth(k).innerText()).contains(p.get("year").asText())
                    .contains(eur(p.get("budget_eur").asDouble())).contains(eur(p.get("spend_eur").asDouble()))
                    .contains(String.format(Locale.ROOT, "%.1f %%", 100 * p.get("coverage").asDouble()));
        }
        JsonNode sites = plan.get("sites");
        assertThat(sites.size()).isPositive();
        Locator siteRows = panel.locator("[data-testid=plan-sites] tbody tr");
        assertThat(siteRows.count()).isEqualTo(sites.size());
        for (int k = 0; k < sites.size(); k++) {
            JsonNode s = sites.get(k);
            List<String> cells = siteRows.nth(k).locator("td").allInnerTexts();
            assertThat(cells).containsExactly(s.get("id").asText(), s.get("type").asText().replace('_', ' '),
                    s.get("year").asText(), eur(s.get("cost_eur").asDouble()), s.get("cells_added").asText());
        }
        // The proposed sites on the map: the API's GeoJSON, in their own style, apart from the existing sites.
        page.waitForFunction("() => !!window.skydasMap.getLayer('plan-sites')");
        Object onMap = page.evaluate("() => window.skydasMap.getSource('plan-sites').serialize().data.features.map(f => f.id)");
        List<String> ids = new java.util.ArrayList<>();
        plan.get("plan_geojson").get("features").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(((List<?>) onMap).stream().map(String::valueOf).toList()).containsExactlyElementsOf(ids);
        assertThat(page.evaluate("() => window.skydasMap.getPaintProperty('plan-sites', 'circle-color')"))
                .isNotEqualTo(page.evaluate("() => window.skydasMap.getPaintProperty('asset-points', 'circle-color')"));
        assertThat(page.evaluate("() => window.skydasMap.getLayoutProperty('plan-sites', 'visibility')")).isEqualTo("visible");
        assertThat(panel.locator("[data-testid=plan-frontier] svg circle").count()).isEqualTo(plan.get("frontier").size());

        // The CLI on the same scenario (as a GeoPackage) with the same options finds the same plan.
        Path gpkg = dir.resolve("demo.gpkg");
        org.skydas.store.ScenarioStore.write(new DemoScenario().build(), gpkg);
        assertThat(Main.execute("siting", "plan", "--scenario", gpkg.toString(), "--budget-per-year",
                "2027:2500000,2028:1500000", "--class", "person", "--resolution", "1000", "--time-limit", "60",
                "--out", dir.resolve("cli").toString())).isEqualTo(0);
        JsonNode cli = new ObjectMapper().readTree(dir.resolve("cli").resolve("plan.json").toFile());
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(cli.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(cli.get("objective").asDouble()).isEqualTo(plan.get("objective").asDouble());
        assertThat(cli.get("coverage_before").asDouble()).isEqualTo(plan.get("coverage_before").asDouble());
        assertThat(cli.get("coverage_after").asDouble()).isEqualTo(plan.get("coverage_after").asDouble());
        assertThat(cli.get("demand_cells").asInt()).isEqualTo(plan.get("demand_cells").asInt());

        panel.getByTestId("plan-sites").scrollIntoViewIfNeeded();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("planPanel.png")));
    }

    /**
     * Apply, with confirmation, on the demo scenario served from its GeoPackage: the dialog lists what the server will
     * add (the API's count, total cost and years) before anything is written; after Apply the file holds the planned
     * radars with their year and cost, and the page's programme roll-up, asset table and map show them.
     * Screenshots: target/screenshots/planApplyDialog.png, planApplied.png.
     */
    @Test
    void applyingAPlanWithConfirmationWritesItAndTheRollUpAndMapShowIt() throws Exception {
        Path gpkg = dir.resolve("demo.gpkg");
        org.skydas.store.ScenarioStore.write(new DemoScenario().build(), gpkg);
        org.skydas.model.Scenario before = org.skydas.store.ScenarioStore.read(gpkg);
        watch = new WatchServices(WatchStore.openSqlite(dir.resolve("watch")));
        watch.ensureAdmin("admin-password");
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        server = new SkydasServer(new ScenarioView(before), gpkg.toString(), watch).withScenarioFile(gpkg)
                .start("127.0.0.1", 0);
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
        login("pl1", "planner-pass");
        page.locator("#tab-planner").click();
        Locator panel = page.getByTestId("plan-panel");
        panel.waitFor();
        Locator total = page.getByTestId("programme-chart").locator("p");
        total.waitFor();
        String totalBefore = total.innerText();
        Locator years = panel.locator(".plan-year");
        years.nth(1).locator("button").click(); // one year
        years.nth(0).locator("input[name=year]").fill("2027");
        years.nth(0).locator("input[name=budget_eur]").fill("2500000");
        panel.getByTestId("plan-resolution_m").fill("1000");
        panel.getByTestId("plan-run").click();
        panel.getByTestId("plan-summary").waitFor(new Locator.WaitForOptions().setTimeout(300_000));

        String id = (String) page.evaluate("() => window.skydasPlan.jobId");
        String token = watch.login("pl1", "planner-pass").orElseThrow();
        JsonNode job = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/siting/plan/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode apply = job.get("apply");
        assertThat(apply.get("state").asText()).isEqualTo("ready");
        int count = apply.get("assets").asInt();
        assertThat(count).isPositive().isEqualTo(job.get("result").get("sites").size());

        // The confirmation lists what will be added; cancelling writes nothing.
        byte[] file = Files.readAllBytes(gpkg);
        panel.getByTestId("plan-apply").click();
        Locator dialog = page.getByTestId("plan-apply-dialog");
        dialog.waitFor();
        assertThat(dialog.getByTestId("plan-apply-summary").innerText())
                .contains(count + " planned sensor(s)").contains(eur(apply.get("total_cost_eur").asDouble()));
        Locator yearRows = dialog.locator("[data-testid=plan-apply-years] tbody tr");
        assertThat(yearRows.count()).isEqualTo(apply.get("per_year").size());
        JsonNode y0 = apply.get("per_year").get(0);
        assertThat(yearRows.nth(0).locator("td").allInnerTexts()).containsExactly(y0.get("year").asText(),
                y0.get("assets").asText(), eur(y0.get("cost_eur").asDouble()));
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("planApplyDialog.png")));
        dialog.getByTestId("plan-apply-cancel").click();
        assertThat(dialog.isVisible()).isFalse();
        assertThat(Files.readAllBytes(gpkg)).isEqualTo(file);

        panel.getByTestId("plan-apply").click();
        dialog.getByTestId("plan-apply-confirm").click();
        Locator result = panel.getByTestId("plan-apply-result");
        result.waitFor();
        assertThat(result.innerText()).contains("pl1").contains(eur(apply.get("total_cost_eur").asDouble()));

        // In the file: the planned radars with the plan's years and costs, everything else as it was.
        org.skydas.model.Scenario after = org.skydas.store.ScenarioStore.read(gpkg);
        assertThat(after.assets()).hasSize(before.assets().size() + count);
        assertThat(after.zones()).isEqualTo(before.zones());
        assertThat(after.programme()).isEqualTo(before.programme());
        double added = 0;
        List<String> names = new java.util.ArrayList<>();
        for (org.skydas.model.Asset a : after.assets().subList(before.assets().size(), after.assets().size())) {
            assertThat(a.status()).isEqualTo(org.skydas.model.AssetStatus.PROPOSED);
            assertThat(a.year()).isEqualTo(2027);
            added += a.capexEur();
            names.add(a.name());
        }
        assertThat(added).isCloseTo(apply.get("total_cost_eur").asDouble(), org.assertj.core.api.Assertions.within(0.01));

        // On the page: the roll-up's planned total grew by the plan's cost, the map draws the planned radars.
        page.waitForFunction("t => document.querySelector('[data-testid=programme-chart] p').innerText !== t", totalBefore);
        java.util.regex.Matcher m0 = java.util.regex.Pattern.compile("planned €([0-9.,]+) M").matcher(totalBefore);
        java.util.regex.Matcher m1 = java.util.regex.Pattern.compile("planned €([0-9.,]+) M").matcher(total.innerText());
        assertThat(m0.find()).isTrue();
        assertThat(m1.find()).isTrue();
        assertThat(Double.parseDouble(m1.group(1).replace(",", "")) - Double.parseDouble(m0.group(1).replace(",", "")))
                .isCloseTo(added / 1e6, org.assertj.core.api.Assertions.within(0.11));
        page.waitForFunction("n => new Set(window.skydasMap.querySourceFeatures('assets')"
                + ".map(f => String(f.properties.name)).filter(s => s.includes('(skydas siting plan)'))).size === n", count);
        Object onMap = page.evaluate("() => [...new Set(window.skydasMap.querySourceFeatures('assets')"
                + ".map(f => String(f.properties.name)).filter(s => s.includes('(skydas siting plan)')))]");
        assertThat(((List<?>) onMap).stream().map(String::valueOf).toList()).containsExactlyInAnyOrderElementsOf(names);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("planApplied.png")));
    }

    @Test
    void anOperatorGetsNoPlanPanel() throws Exception {
        start();
        login("op1", "operator-pass");
        page.locator("#tab-planner").click();
        page.locator("#planner-view").waitFor();
        assertThat(page.getByTestId("plan-panel").isHidden()).isTrue();
    }
}
