package org.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.server.ScenarioView;
import org.skydas.server.SkydasServer;
import org.skydas.server.WatchServices;
import org.skydas.server.WatchWiring;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * Measures how smoothly the operator view draws a busy picture; a harness that prints numbers, not
 * a test (nothing here passes or fails on timing). It starts a real server in-process with the demo
 * scenario and a live pipeline, lets {@code TRACKS} synthetic targets report once a second each,
 * opens the operator view in Debian's headless Chromium at 1366×768, waits until the picture holds
 * (almost) every track, and then records for {@code SECONDS} every requestAnimationFrame interval and
 * every long task (PerformanceObserver "longtask", ≥ 50 ms) in the page. It prints the median, p95
 * and p99 frame interval, the long tasks, and how many stream messages and map updates the page handled.
 *
 * <p>Headless Chromium runs with --disable-gpu, so WebGL is drawn in software (SwiftShader): the
 * numbers are a pessimistic bound for a workstation with a GPU.
 *
 * <p>Run (after {@code ./build -q -pl web,server -am install -DskipTests}):
 * <pre>./build -q -pl cli test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.skydas.cli.FrameTimeHarness -Dexec.args="5000 30"</pre>
 */
public final class FrameTimeHarness {

    private FrameTimeHarness() {
    }

    /** Runs in the page: resolves after {@code seconds} with the frame intervals and long tasks seen. */
    static final String MEASURE = """
            ({ seconds, repaint }) => new Promise(resolve => {
              const intervals = [];
              const longTasks = [];
              const obs = new PerformanceObserver(list => {
                for (const e of list.getEntries()) longTasks.push(e.duration);
              });
              obs.observe({ type: 'longtask', buffered: false });
              const pic = window.skydasTracks;
              const map = window.skydasMap;
              // Where the main thread's time goes: wrap the track store, the two setData calls and MapLibre's
              // own draw (a private method, wrapped here only to attribute time; the page is not changed).
              const spent = { upsert: 0, snapshot: 0, setData: 0, draw: 0 };
              const timed = (obj, name, key) => {
                const f = obj[name];
                obj[name] = function (...a) { const t = performance.now(); try { return f.apply(this, a); }
                  finally { spent[key] += performance.now() - t; } };
              };
              timed(pic, 'upsert', 'upsert');
              timed(pic, 'replaceAll', 'snapshot');
              timed(map.getSource('tracks'), 'setData', 'setData');
              // Many tracks at a low zoom go to the grouped source instead (issue 22).
              if (map.getSource('track-clusters')) timed(map.getSource('track-clusters'), 'setData', 'setData');
              timed(map, '_render', 'draw');
              const before = pic.stats();
              const t0 = performance.now();
              let last = t0;
              function frame(now) {
                if (repaint) map.triggerRepaint();
                intervals.push(now - last);
                last = now;
                if (now - t0 < seconds * 1000) {
                  requestAnimationFrame(frame);
                } else {
                  obs.disconnect();
                  const after = pic.stats();
                  resolve({ intervals, longTasks, elapsed: now - t0, spent,
                    messages: after.upserts - before.upserts, renders: after.renders - before.renders,
                    tracks: after.tracks, shown: Number(document.querySelector('[data-testid=track-count]').dataset.shown) });
                }
              }
              requestAnimationFrame(n => { last = n; requestAnimationFrame(frame); });
            })
            """;

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean profile = args.length > 2 && args[2].equals("profile");
        // "repaint": the map is redrawn every frame whatever changes, to measure what one redraw costs.
        boolean repaint = args.length > 2 && args[2].equals("repaint");
        Path dir = Files.createTempDirectory("skydas-frame-time");
        Scenario demo = new DemoScenario().build();
        ScenarioView view = new ScenarioView(demo);
        try (WatchServices watch = new WatchServices(WatchStore.openSqlite(dir))) {
            watch.ensureAdmin("admin-password");
            watch.addUser("op1", Role.OPERATOR, "operator-pass");
            LivePipeline pipeline = WatchWiring.pipeline(demo, watch, 100_000);
            SkydasServer server = new SkydasServer(view, "demo", watch).withLive(pipeline, List::of).start("127.0.0.1", 0);
            SyntheticTracks feed = SyntheticTracks.start(pipeline, SyntheticTracks.targets(demo, tracks, 7));
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")));
                Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
                page.navigate("http://127.0.0.1:" + server.port() + "/");
                Locator form = page.getByTestId("login-form");
                form.locator("input[name=username]").fill("op1");
                form.locator("input[name=password]").fill("operator-pass");
                form.locator("button[type=submit]").click();
                page.locator("#login").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
                long waitStart = System.nanoTime();
                page.waitForFunction("n => Number(document.querySelector('[data-testid=track-count]')?.dataset.total) >= n",
                        (int) (tracks * 0.95), new Page.WaitForFunctionOptions().setTimeout(120_000));
                System.out.printf(Locale.ROOT, "picture holds >= 95%% of %d tracks after %.1f s (server: %d tracks)%n",
                        tracks, (System.nanoTime() - waitStart) / 1e9, pipeline.tracks().size());
                Thread.sleep(5_000); // let the first snapshot's tiling settle
                if (profile) {
                    profile(page, 10);
                }
                long offeredBefore = feed.offered();
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) page.evaluate(MEASURE, Map.of("seconds", seconds,
                        "repaint", repaint));
                long offered = feed.offered() - offeredBefore;
                // Beside the browser tests' screenshots (the harness runs from the repository root).
                Path shots = Path.of(System.getProperty("skydas.screenshots", "cli/target/screenshots"));
                Files.createDirectories(shots);
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("frameTime-" + tracks + "-tracks.png")));
                report(r, tracks, seconds, offered, pipeline.stats());
                browser.close();
            } finally {
                feed.close();
                server.stop();
                pipeline.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void report(Map<String, Object> r, int tracks, int seconds, long offered, Map<String, Object> pipelineStats) {
        double[] iv = ((List<Number>) r.get("intervals")).stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double[] lt = ((List<Number>) r.get("longTasks")).stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double elapsed = ((Number) r.get("elapsed")).doubleValue() / 1000;
        System.out.printf(Locale.ROOT, "%d synthetic tracks at 1 Hz, measured %.1f s in headless Chromium 1366x768 "
                + "(--disable-gpu: WebGL in software, SwiftShader)%n", tracks, elapsed);
        System.out.printf(Locale.ROOT, "detections offered: %d (%.0f/s); page: %s tracks held, %s shown%n", offered,
                offered / elapsed, r.get("tracks"), r.get("shown"));
        System.out.printf(Locale.ROOT, "stream messages applied: %.0f (%.0f/s); map updates (setData pairs): %.0f (%.1f/s)%n",
                num(r, "messages"), num(r, "messages") / elapsed, num(r, "renders"), num(r, "renders") / elapsed);
        System.out.printf(Locale.ROOT, "frames: %d (%.1f fps); interval ms: median %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                iv.length, iv.length / elapsed, pct(iv, 50), pct(iv, 95), pct(iv, 99), iv.length == 0 ? 0 : iv[iv.length - 1]);
        double ltSum = 0;
        for (double d : lt) {
            ltSum += d;
        }
        System.out.printf(Locale.ROOT, "long tasks (>= 50 ms): %d, total %.0f ms (%.1f%% of the time), median %.0f ms, "
                + "max %.0f ms%n", lt.length, ltSum, 100 * ltSum / (elapsed * 1000), pct(lt, 50),
                lt.length == 0 ? 0 : lt[lt.length - 1]);
        Map<String, Number> spent = (Map<String, Number>) r.get("spent");
        StringBuilder where = new StringBuilder("main-thread time in:");
        spent.forEach((k, v) -> where.append(String.format(Locale.ROOT, " %s %.0f ms (%.1f%%);", k, v.doubleValue(),
                100 * v.doubleValue() / (elapsed * 1000))));
        System.out.println(where);
        System.out.println("pipeline: " + pipelineStats);
    }

    private static double num(Map<String, Object> r, String key) {
        return ((Number) r.get(key)).doubleValue();
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * With "profile": a CPU profile of the page over {@code seconds} (Chrome DevTools Protocol), printed
     * as the functions with the most self time, to see where a slow frame goes.
     */
    static void profile(Page page, int seconds) throws InterruptedException {
        com.microsoft.playwright.CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Profiler.enable");
        cdp.send("Profiler.start");
        Thread.sleep(seconds * 1000L);
        com.google.gson.JsonObject p = cdp.send("Profiler.stop").getAsJsonObject("profile");
        var nodes = p.getAsJsonArray("nodes");
        var samples = p.getAsJsonArray("samples");
        var deltas = p.getAsJsonArray("timeDeltas");
        Map<Integer, String> names = new java.util.HashMap<>();
        for (var n : nodes) {
            var o = n.getAsJsonObject();
            var cf = o.getAsJsonObject("callFrame");
            String url = cf.get("url").getAsString();
            names.put(o.get("id").getAsInt(), cf.get("functionName").getAsString() + " "
                    + url.substring(url.lastIndexOf('/') + 1) + ":" + cf.get("lineNumber").getAsInt());
        }
        Map<String, Double> self = new java.util.HashMap<>();
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            double us = deltas.get(i).getAsDouble();
            total += us;
            self.merge(names.get(samples.get(i).getAsInt()), us, Double::sum);
        }
        System.out.printf(Locale.ROOT, "CPU profile of the page's main thread, %.1f s, top self time:%n", total / 1e6);
        final double all = total;
        self.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(25).forEach(e ->
                System.out.printf(Locale.ROOT, "  %6.0f ms %5.1f%%  %s%n", e.getValue() / 1000, 100 * e.getValue() / all,
                        e.getKey()));
        cdp.detach();
    }
}
