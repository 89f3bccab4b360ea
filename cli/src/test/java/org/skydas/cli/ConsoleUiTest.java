package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.WatchWiring;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The operator's console for a control room (issue 22) in Debian's Chromium against a real server: Lithuanian
 * and English remembered per user, night mode, the alert tone (observed at the Web Audio call), notifications
 * while the tab is hidden, and many tracks grouped at low zoom. Screenshots go to target/screenshots.
 */
class ConsoleUiTest {

    /** Counts the tones the page starts and the notifications it shows (the page's own code is not changed). */
    static final String OBSERVE = """
            window.__tones = 0;
            const start = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...a) { window.__tones++; return start.apply(this, a); };
            window.__notes = [];
            window.__hidden = false;
            Object.defineProperty(document, 'hidden', { get: () => window.__hidden });
            window.Notification = class { static permission = 'granted';
              static requestPermission() { return Promise.resolve('granted'); }
              constructor(title, opts) { window.__notes.push({ title, body: opts && opts.body }); } };
            """;

    static Browser browser;
    static ScenarioView view;

    @TempDir
    static Path dir;

    WatchServices watch;
    SkydasServer server;
    BrowserContext context;
    Page page;
    LivePipeline pipeline;
    SyntheticTracks feed;

    /** The same Chromium and demo scenario as {@link WebUiTest}. */
    @BeforeAll
    static void launch() {
        WebUiTest.launch();
        browser = WebUiTest.browser;
        view = WebUiTest.view;
    }

    @AfterAll
    static void close() {
        WebUiTest.close();
    }

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(Files.createTempDirectory(dir, "watch")));
        watch.ensureAdmin("admin-password");
        watch.addUser("op1", Role.OPERATOR, "operator-pass");
        watch.addUser("op2", Role.OPERATOR, "operator2-pass");
        server = new SkydasServer(view, "demo", watch).start("127.0.0.1", 0);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("en-US")
                .setTimezoneId("Europe/Vilnius"));
        context.addInitScript(OBSERVE);
        page = context.newPage();
    }

    @AfterEach
    void stop(TestInfo info) throws Exception {
        shot(info.getTestMethod().orElseThrow().getName());
        context.close();
        if (feed != null) {
            feed.close();
        }
        server.stop();
        if (pipeline != null) {
            pipeline.close();
        }
        watch.close();
    }

    void shot(String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name + ".png")));
    }

    void login(String user, String password) {
        login(page, user, password, () -> { });
    }

    /** Logs in on {@code p}; {@code beforeSubmit} runs on the filled-in login screen. */
    void login(Page p, String user, String password, Runnable beforeSubmit) {
        p.navigate("http://127.0.0.1:" + server.port() + "/");
        Locator form = p.getByTestId("login-form");
        form.waitFor();
        form.locator("input[name=username]").fill(user);
        form.locator("input[name=password]").fill(password);
        beforeSubmit.run();
        form.locator("button[type=submit]").click();
        p.locator("#login").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    }

    void logout() {
        page.locator("#logout").click();
        page.getByTestId("login-form").waitFor();
    }

    long raise(String sector, Severity severity) throws Exception {
        return watch.raise(new Finding(RuleKind.BORDER_CROSSING, severity, "track:" + System.nanoTime(),
                WatchServices.now(), 560_000, 5_985_000, sector, null, "person crossed the border", null)).alert().id();
    }

    Locator alert(long id) {
        Locator item = page.locator("[data-testid=alert-item][data-alert-id='" + id + "']");
        item.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
        return item;
    }

    @Test
    void lithuanianChangesTheLabelsAlertTextsAndDateFormatAndIsRememberedPerUser() throws Exception {
        login("op1", "operator-pass");
        Locator item = alert(raise("BY-017", Severity.HIGH));
        assertThat(item.innerText()).contains("HIGH").contains("border crossing");
        assertThat(page.locator("#tab-operator").innerText()).isEqualTo("Operator");
        item.click();
        Locator details = page.getByTestId("track-details");
        assertThat(details.innerText()).contains("Severity").containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2} ");
        shot("console-day-en");

        page.getByTestId("lang-select").selectOption("lt");
        assertThat(page.locator("#tab-operator").innerText()).isEqualTo("Operatorius");
        assertThat(page.locator("#h-alerts").innerText()).contains("Įspėjimai").contains("(1 atviras)");
        assertThat(item.innerText()).contains("AUKŠTAS").contains("sienos kirtimas").doesNotContain("HIGH");
        // The selected alert's details are written again: Lithuanian labels and an ISO-ordered date, 24-hour.
        assertThat(details.innerText()).contains("Svarba").contains("aukštas")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ");
        assertThat(page.getByTestId("sector-status").innerText()).contains("BY-017 vidutinis");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("lt");
        shot("console-day-lt");

        // Remembered for this user across a reload and a new login; another user keeps their own choice.
        page.reload();
        page.locator("#tab-operator:has-text('Operatorius')").waitFor();
        logout();
        login("op2", "operator2-pass");
        page.getByTestId("lang-select").selectOption("en");
        assertThat(page.locator("#tab-operator").innerText()).isEqualTo("Operator");
        logout();
        login("op1", "operator-pass");
        assertThat(page.getByTestId("lang-select").inputValue()).isEqualTo("lt");
        assertThat(page.locator("#tab-operator").innerText()).isEqualTo("Operatorius");
    }

    @Test
    void thePlanningPanelsSpeakLithuanianAfterTheSwitch() throws Exception {
        watch.addUser("pl1", Role.PLANNER, "planner-pass");
        login("pl1", "planner-pass");
        page.locator("#tab-planner").click();
        Locator corridors = page.getByTestId("corridors-panel");
        Locator plan = page.getByTestId("plan-panel");
        plan.waitFor();
        Locator chart = page.getByTestId("programme-chart");
        chart.locator("svg rect").first().waitFor();
        assertThat(corridors.innerText()).contains("Mover").contains("Least warning time per sector");
        assertThat(plan.innerText()).contains("Target class").contains("Run plan");
        assertThat(chart.innerText()).contains("Total envelope €1.10 bn");

        page.getByTestId("lang-select").selectOption("lt");
        // Drawn again at once, without a reload: headings, labels, options, attributes and the numbers' format.
        assertThat(page.locator("#h-corridors").innerText()).isEqualTo("Koridoriai");
        assertThat(corridors.innerText()).contains("Iš").contains("Judėjimo būdas")
                .contains("Mažiausias įspėjimo laikas pagal sektorių").contains("Įspėjimo laikas = kelionės laikas")
                .doesNotContain("Mover").doesNotContain("Least warning time");
        assertThat(page.getByTestId("corridor-mover").locator("option").allTextContents())
                .containsExactly("Pėsčiomis", "Ratinė transporto priemonė", "Vikšrinė transporto priemonė",
                        "Žemai skrendantis dronas");
        assertThat(page.locator("#h-plan").innerText()).isEqualTo("Planas");
        assertThat(plan.innerText()).contains("Objekto klasė").contains("Jutiklio tipas").contains("Poreikio svoriai")
                .contains("Pridėti metus").contains("Sprendiklio laikas (s)").contains("Skaičiuoti planą")
                .doesNotContain("Run plan").doesNotContain("Target class");
        assertThat(plan.getByTestId("plan-sensor_type").locator("option").allTextContents())
                .containsExactly("Radaras", "EO/IR kamera", "Termovizinė kamera");
        assertThat(plan.locator("input[name=budget_eur]").first().getAttribute("aria-label")).isEqualTo("Biudžetas (EUR)");
        plan.getByTestId("plan-add-year").click();
        assertThat(plan.locator("input[name=year]").last().getAttribute("aria-label")).isEqualTo("Metai");
        assertThat(page.getByTestId("coverage-panel").innerText()).contains("Objekto klasė");
        // Lithuanian writes a decimal comma and the currency after the amount.
        assertThat(chart.innerText()).contains("Iš viso lėšų 1,10 mlrd. €").contains("suplanuota");
        shot("planner-lt");

        page.getByTestId("lang-select").selectOption("en");
        assertThat(corridors.innerText()).contains("Mover").doesNotContain("Judėjimo būdas");
        assertThat(plan.innerText()).contains("Run plan");
    }

    @Test
    void nightModeDarkensTheMapAndThePanelsAndIsRemembered() throws Exception {
        login("op1", "operator-pass");
        page.waitForFunction("() => window.skydasMap.isStyleLoaded()");
        String day = (String) page.evaluate("() => window.skydasMap.getPaintProperty('background', 'background-color')");
        String dayPanel = (String) page.evaluate("() => getComputedStyle(document.getElementById('operator-view')).backgroundColor");
        page.getByTestId("theme-toggle").click();
        assertThat(page.getByTestId("theme-toggle").getAttribute("aria-pressed")).isEqualTo("true");
        String night = (String) page.evaluate("() => window.skydasMap.getPaintProperty('background', 'background-color')");
        assertThat(night).isNotEqualTo(day);
        assertThat(luminance((String) page.evaluate("() => window.skydasMap.getPaintProperty('territory', 'fill-color')")))
                .isLessThan(0.2);
        String nightPanel = (String) page.evaluate(
                "() => getComputedStyle(document.getElementById('operator-view')).backgroundColor");
        assertThat(nightPanel).isNotEqualTo(dayPanel);
        assertThat(luminance(nightPanel)).isLessThan(0.2);
        raise("LV-003", Severity.CRITICAL);
        page.locator("[data-testid=alert-item]").first().waitFor();
        shot("console-night-en");
        page.reload();
        page.waitForFunction("() => window.skydasMap.isStyleLoaded() && "
                + "window.skydasMap.getPaintProperty('background', 'background-color') === '" + night + "'");
        assertThat(page.locator("body").getAttribute("data-theme")).isEqualTo("night");
        page.getByTestId("lang-select").selectOption("lt");
        shot("console-night-lt");
    }

    @Test
    void anOperatorsChoicesFollowThemToAnotherWorkstation() throws Exception {
        login("op1", "operator-pass");
        page.getByTestId("lang-select").selectOption("lt");
        page.getByTestId("theme-toggle").click();
        page.getByTestId("sound-toggle").click();
        page.waitForFunction("() => document.querySelector('[data-testid=sound-toggle]').dataset.muted === 'true'");
        // Saved on the server: the store holds exactly these choices for op1 and none for op2.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!watch.prefs("op1").orElse("").contains("\"muted\":true") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(watch.prefs("op1")).contains("{\"lang\":\"lt\",\"theme\":\"night\",\"muted\":true,\"time\":\"local\"}");
        assertThat(watch.prefs("op2")).isEmpty();

        // Another workstation: a browser that has never seen op1 (empty storage), English before login.
        BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("en-US").setTimezoneId("Europe/Vilnius"));
        try {
            Page second = other.newPage();
            login(second, "op1", "operator-pass",
                    () -> assertThat(second.getByTestId("lang-select").inputValue()).isEqualTo("en"));
            second.locator("#tab-operator:has-text('Operatorius')").waitFor();
            assertThat(second.getByTestId("lang-select").inputValue()).isEqualTo("lt");
            assertThat(second.locator("body").getAttribute("data-theme")).isEqualTo("night");
            assertThat(second.getByTestId("sound-toggle").getAttribute("data-muted")).isEqualTo("true");
        } finally {
            other.close();
        }
    }

    /** Relative luminance (0 black … 1 white) of "#rrggbb" or "rgb(r, g, b)". */
    static double luminance(String colour) {
        int r;
        int g;
        int b;
        if (colour.startsWith("#")) {
            r = Integer.parseInt(colour.substring(1, 3), 16);
            g = Integer.parseInt(colour.substring(3, 5), 16);
            b = Integer.parseInt(colour.substring(5, 7), 16);
        } else {
            String[] p = colour.replaceAll("[^0-9,]", "").split(",");
            r = Integer.parseInt(p[0]);
            g = Integer.parseInt(p[1]);
            b = Integer.parseInt(p[2]);
        }
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }

    int tones() {
        return ((Number) page.evaluate("() => window.__tones")).intValue();
    }

    @Test
    void aNewHighAlertPlaysATonePerUserUnlessMutedAndNotifiesWhenTheTabIsHidden() throws Exception {
        raise("PL-002", Severity.HIGH); // on screen at login: not new
        login("op1", "operator-pass");
        page.locator("[data-testid=alert-item]").first().waitFor();
        page.waitForTimeout(1_500);
        assertThat(tones()).as("alerts already open at login").isZero();

        alert(raise("BY-017", Severity.HIGH));
        page.waitForFunction("() => window.__tones > 0", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        int afterHigh = tones();
        alert(raise("BY-018", Severity.LOW));
        page.waitForTimeout(1_500);
        assertThat(tones()).as("a low alert is quiet").isEqualTo(afterHigh);

        // Hidden tab: a notification too.
        page.evaluate("() => { window.__hidden = true; }");
        alert(raise("LV-003", Severity.CRITICAL));
        page.waitForFunction("() => window.__notes.length > 0", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        assertThat(page.evaluate("() => window.__notes[0].title")).asString().contains("critical").contains("border crossing");
        assertThat(page.evaluate("() => window.__notes[0].body")).asString().contains("LV-003");
        page.evaluate("() => { window.__hidden = false; }");

        // Muted: no tone, and the choice is this user's.
        page.getByTestId("sound-toggle").click();
        assertThat(page.getByTestId("sound-toggle").getAttribute("data-muted")).isEqualTo("true");
        int muted = tones();
        alert(raise("RU-001", Severity.HIGH));
        page.waitForTimeout(1_500);
        assertThat(tones()).isEqualTo(muted);
        logout();
        login("op2", "operator2-pass");
        assertThat(page.getByTestId("sound-toggle").getAttribute("data-muted")).isEqualTo("false");
        page.locator("[data-testid=alert-item]").first().waitFor();
        page.waitForTimeout(1_000);
        int before = tones();
        alert(raise("PL-003", Severity.CRITICAL));
        page.waitForFunction("n => window.__tones > n", before, new Page.WaitForFunctionOptions().setTimeout(5_000));
    }

    @Test
    void manyTracksAreGroupedAtLowZoomInTheirClassColoursAndDrawnOneByOneFromZoomNine() throws Exception {
        server.stop();
        pipeline = WatchWiring.pipeline(view.scenario(), watch, 10_000);
        server = new SkydasServer(view, "demo", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
        feed = SyntheticTracks.start(pipeline, SyntheticTracks.targets(view.scenario(), 40, 11));
        login("op1", "operator-pass");
        // Grouping normally starts at 500 tracks; this test lowers the threshold rather than start thousands.
        page.evaluate("() => { window.skydasTracks.clusterFrom = 10; }");
        page.waitForFunction("() => Number(document.querySelector('[data-testid=track-count]')?.dataset.total) >= 36", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        page.waitForFunction("() => window.skydasTracks.mode === 'grouped' && window.skydasMap.querySourceFeatures("
                + "'track-clusters').some(f => f.properties.cluster)", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        // A group holds the count of each class, and its colour is that of its most numerous class.
        @SuppressWarnings("unchecked")
        Map<String, Object> group = (Map<String, Object>) page.evaluate("() => { const f = window.skydasMap"
                + ".querySourceFeatures('track-clusters').find(f => f.properties.cluster); return f.properties; }");
        int sum = 0;
        for (String c : List.of("person", "vehicle", "drone", "unknown")) {
            sum += ((Number) group.get(c)).intValue();
        }
        assertThat(sum).isEqualTo(((Number) group.get("point_count")).intValue());
        page.waitForFunction("() => window.skydasMap.queryRenderedFeatures({ layers: ['track-clusters'] }).length > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) page.evaluate("() => window.skydasMap"
                + ".queryRenderedFeatures({ layers: ['track-clusters'] }).map(f => ({ ...f.properties, "
                + "colour: f.layer.paint['circle-color'].toString() }))");
        Map<String, String> colours = Map.of("person", "rgba(240,228,66,1)", "vehicle", "rgba(230,159,0,1)",
                "drone", "rgba(86,180,233,1)", "unknown", "rgba(160,160,160,1)");
        for (Map<String, Object> g : drawn) {
            String top = List.of("person", "vehicle", "drone", "unknown").stream()
                    .max((a, b) -> Integer.compare(((Number) g.get(a)).intValue(), ((Number) g.get(b)).intValue())).orElseThrow();
            int topCount = ((Number) g.get(top)).intValue();
            String first = List.of("person", "vehicle", "drone", "unknown").stream()
                    .filter(c -> ((Number) g.get(c)).intValue() == topCount).findFirst().orElseThrow();
            assertThat(g.get("colour")).as("group %s", g).isEqualTo(colours.get(first));
        }
        shot("console-tracks-grouped");

        // From zoom 9 every track is drawn on its own with its trail, and the groups are gone.
        page.evaluate("async () => { const m = window.skydasMap; let f = m.querySourceFeatures('track-clusters')[0]; "
                + "if (f.properties.cluster) f = (await m.getSource('track-clusters').getClusterLeaves("
                + "f.properties.cluster_id, 1, 0))[0]; m.jumpTo({ center: f.geometry.coordinates, zoom: 10 }); }");
        page.waitForFunction("() => window.skydasTracks.mode === 'individual' && "
                + "window.skydasMap.querySourceFeatures('tracks').some(f => f.geometry.type === 'Point') && "
                + "window.skydasMap.querySourceFeatures('track-clusters').length === 0", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        shot("console-tracks-individual");
    }

    @Test
    void theTimelineShowsATrackWhereItWasTenMinutesAgoAndGoesBackToLive() throws Exception {
        double now = WatchServices.now();
        // Track 4242 walked along the Belarus border from fifteen to five minutes ago (stored history, 5 s apart).
        List<org.skydas.watch.port.TrackPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i <= 120; i++) {
            points.add(new org.skydas.watch.port.TrackPoint(4242, now - 900 + 5 * i, 560_000, 5_985_000 + 7.5 * i, 0, 1.5,
                    "person"));
        }
        watch.trackHistory(points);
        login("op1", "operator-pass");
        assertThat(page.getByTestId("timeline-bar").getAttribute("data-state")).isEqualTo("live");
        page.evaluate("() => { const s = document.querySelector('[data-testid=timeline]'); s.value = '-600'; "
                + "s.dispatchEvent(new Event('change')); }");
        page.waitForFunction("() => window.skydasTracks.get(4242) !== undefined", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("() => window.skydasTracks.get(4242).geometry.coordinates");
        // Ten minutes ago it was 60 points (450 m) north of where it started; the replay shows the last stored point.
        double tReplay = ((Number) page.evaluate("() => window.skydasTimeline.at")).doubleValue();
        int i = (int) Math.floor((tReplay - (now - 900)) / 5);
        org.locationtech.jts.geom.Coordinate expected = org.skydas.geo.Lks94.toWgs84(560_000, 5_985_000 + 7.5 * i);
        assertThat(at.get(0).doubleValue()).isCloseTo(expected.x, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(at.get(1).doubleValue()).isCloseTo(expected.y, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(page.getByTestId("timeline-bar").getAttribute("data-state")).isEqualTo("replay");
        assertThat(page.getByTestId("timeline-time").innerText()).contains("Replay of");
        shot("console-timeline-replay");
        // Playing moves it on; back to live, the stored track is gone (no live pipeline here).
        page.getByTestId("timeline-speed").selectOption("60");
        page.getByTestId("timeline-play").click();
        page.waitForFunction("y => window.skydasTracks.get(4242)?.geometry.coordinates[1] > y", at.get(1).doubleValue(),
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        page.getByTestId("timeline-live").click();
        assertThat(page.getByTestId("timeline-bar").getAttribute("data-state")).isEqualTo("live");
        page.waitForFunction("() => window.skydasTracks.get(4242) === undefined", null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
    }

    /**
     * Issue 22: a scripted walker crosses from Belarus into sector BY-030 (JSON detections through the live pipeline,
     * so the border-crossing rule itself raises the alert); in Lithuanian the alert's details say it in Lithuanian,
     * numbers written the Lithuanian way, and in English they say it in English.
     */
    @Test
    void aScriptedBorderCrossingsAlertDetailsSpeakLithuanian() throws Exception {
        server.stop();
        pipeline = WatchWiring.pipeline(view.scenario(), watch, 10_000);
        server = new SkydasServer(view, "demo", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
        login("op1", "operator-pass");
        page.getByTestId("lang-select").selectOption("lt");
        // 41 reports 10 s apart at 1.5 m/s, ending now (as in BorderCrossingEndToEndTest, over CoT there).
        List<org.locationtech.jts.geom.Coordinate> walk = BorderCrossingEndToEndTest.walkAcross(view.scenario());
        long t0 = System.currentTimeMillis() - 10_000L * walk.size();
        for (int i = 0; i < walk.size(); i++) {
            org.locationtech.jts.geom.Coordinate ll = org.skydas.geo.Lks94.toWgs84(walk.get(i).x, walk.get(i).y);
            long t = t0 + 10_000L * i;
            pipeline.offerJson(new org.skydas.ingest.listen.Received<>(new org.skydas.ingest.json.Detection("camera-by-030",
                    java.time.Instant.ofEpochMilli(t), org.skydas.ingest.json.DetectionKind.CAMERA,
                    new org.skydas.ingest.json.Detection.GeoPosition(ll.y, ll.x, Double.NaN), null, Double.NaN, Double.NaN,
                    org.skydas.ingest.json.ClassHint.PERSON, 0.9, 10.0, null, "walker-1"), "script", null, t));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<org.skydas.alert.Alert> crossings = List.of();
        while (crossings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            crossings = watch.alerts(a -> a.rule() == RuleKind.BORDER_CROSSING);
        }
        assertThat(crossings).as("the walker's border crossing").singleElement()
                .satisfies(a -> assertThat(a.messageKey()).isEqualTo("alert.border_crossing"));
        org.skydas.alert.Alert crossing = crossings.get(0);
        Locator item = alert(crossing.id());
        assertThat(item.innerText()).contains("sienos kirtimas").contains("kirto sieną iš Baltarusijos");
        item.click();
        Locator message = page.locator("[data-testid=track-details] dd[data-field=message]");
        String lt = message.innerText();
        // The speed as Lithuanian writes it: a decimal comma (the parameter keeps one decimal).
        double speed = ((Number) crossing.messageParams().get("speed_mps")).doubleValue();
        String ltSpeed = speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed).replace('.', ',');
        String who = Map.of("person", "asmuo", "vehicle", "transporto priemonė", "drone", "dronas", "unknown",
                "nežinomas objektas").get((String) crossing.messageParams().get("class"));
        assertThat(lt).startsWith(who + " kirto sieną iš Baltarusijos sektoriuje BY-030: ")
                .contains(" m nuo sienos šalies pusėje, " + ltSpeed + " m/s (objektas Nr. " + crossing.messageParams().get("track") + ")")
                .doesNotContain("crossed").doesNotContain("Belarus").isNotEqualTo(crossing.message());
        assertThat(page.getByTestId("track-details").innerText()).contains("Pranešimas");
        shot("console-alert-message-lt");

        page.getByTestId("lang-select").selectOption("en");
        page.waitForFunction("() => document.querySelector('[data-testid=track-details] dd[data-field=message]')"
                + "?.textContent.includes(' crossed the border from Belarus in sector BY-030: ')", null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
        assertThat(message.innerText()).contains(" m inside, " + Double.toString(speed).replaceAll("\\.0$", "") + " m/s (track ");
    }

    @Test
    void anAlertBecomesAnIncidentWithItsDeadlineCountingDownAndExportsAsGeoJson() throws Exception {
        login("op1", "operator-pass");
        page.getByTestId("lang-select").selectOption("lt");
        Locator item = alert(raise("BY-017", Severity.HIGH));
        page.waitForFunction("() => window.__tones > 0", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        item.click();
        page.getByTestId("incident-button").click();
        Locator form = page.getByTestId("incident-form");
        form.waitFor();
        assertThat(form.innerText()).contains("Informacijos patikimumas").contains("Šaltinio patikimumas").contains("Poveikis");
        assertThat(form.locator("select[name=type]").inputValue()).isEqualTo("unauthorised_crossing");
        form.locator("input[name=owner]").fill("VSAT Vilniaus pasienio rinktinė");
        form.locator("select[name=impact]").selectOption("high");
        shot("console-incident-form-lt");
        form.getByTestId("incident-submit").click();
        Locator view = page.getByTestId("incident-view");
        view.waitFor();
        assertThat(view.getAttribute("data-status")).isEqualTo("open");
        page.waitForFunction("() => /pranešti liko 2[34] val\\./.test(document.querySelector('[data-testid=incident-deadline]').textContent)",
                null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        page.locator("[data-testid=incident-item]").first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        shot("console-incident-lt");

        com.microsoft.playwright.Download download = page.waitForDownload(() -> view.getByTestId("incident-export-geojson").click());
        com.fasterxml.jackson.databind.JsonNode fc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(download.path()));
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").get(0).path("properties").path("owner").asText()).isEqualTo("VSAT Vilniaus pasienio rinktinė");
        assertThat(fc.path("features").get(0).path("geometry").path("coordinates")).hasSize(2);
        assertThat(fc.path("features").findValuesAsText("role")).contains("incident", "alert");

        // What was learnt since goes into the same report: the edit form holds its fields, the history says what changed.
        view.getByTestId("incident-edit").click();
        Locator edit = page.getByTestId("incident-edit-form");
        assertThat(edit.locator("input[name=owner]").inputValue()).isEqualTo("VSAT Vilniaus pasienio rinktinė");
        edit.locator("select[name=impact]").selectOption("very_high");
        edit.locator("textarea[name=actions_taken]").fill("patrulis išsiųstas, sulaikyti du asmenys");
        edit.locator("input[name=note]").fill("patrulio pranešimas");
        edit.getByTestId("incident-submit").click();
        page.locator("[data-testid=incident-view]").waitFor();
        assertThat(view.innerText()).contains("sulaikyti du asmenys");
        var stored = watch.incidents(l -> l.list()).get(0);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.record()).contains("\"impact\":\"very_high\"");
        assertThat(watch.incidents(l -> l.audit(stored.id())).get(1).note()).isEqualTo("changed impact, actions_taken: patrulio pranešimas");

        page.onceDialog(d -> d.accept("pranešta nacionaliniam koordinavimo centrui"));
        view.getByTestId("incident-reported").click();
        page.locator("[data-testid=incident-view][data-status=reported]").waitFor();
        assertThat(watch.incidents(l -> l.list()).get(0).status()).isEqualTo("reported");
    }
}
