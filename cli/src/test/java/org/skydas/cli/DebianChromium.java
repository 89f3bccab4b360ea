package org.skydas.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.skydas.testkit.ExternalTool;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Playwright driving Debian's Chromium (never a downloaded browser), headless, for the web UI tests. */
final class DebianChromium {

    private DebianChromium() {
    }

    /** Playwright without its browser download; the test is skipped (or fails under CI) without chromium. */
    static Playwright playwright() {
        ExternalTool.require("chromium");
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}
