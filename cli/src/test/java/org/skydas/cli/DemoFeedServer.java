package org.skydas.cli;

import java.nio.file.Path;

import org.skydas.model.Scenario;
import org.skydas.store.ScenarioStore;

/**
 * The demo scenario served from a temporary directory with only the given feeds (for a test that simulates one of
 * the demo's sensor kinds): no HTTP port fixed, no TAK out, no terrain, and no clock-lead limit, as in
 * {@code skydas demo}.
 */
final class DemoFeedServer {

    private DemoFeedServer() {
    }

    static ServeCommand.Running start(Scenario demo, Path dir, Feeds.Ports ports) throws Exception {
        Path scenario = dir.resolve("demo.gpkg");
        ScenarioStore.write(demo, scenario);
        ServeCommand.Running r = ServeCommand.start(scenario, "127.0.0.1", 0, dir.resolve("data"), null, ports, -1, 0.2,
                TerrainFiles.NONE);
        r.pipeline().withMaxClockLead(Double.POSITIVE_INFINITY);
        return r;
    }
}
