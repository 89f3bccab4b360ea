package org.skydas.server;

import java.sql.SQLException;
import java.util.List;

import org.skydas.alert.AlertBook;
import org.skydas.alert.Finding;
import org.skydas.model.Scenario;
import org.skydas.terrain.HeightAboveGround;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.port.AlertSink;
import org.skydas.watch.port.GroundHeight;
import org.skydas.watch.port.Journal;
import org.skydas.watch.port.NormalisedBatch;
import org.skydas.watch.port.PortException;
import org.skydas.watch.port.Ports;
import org.skydas.watch.port.TrackHistory;
import org.skydas.watch.port.TrackPoint;

/**
 * The watch module wired to the server: its ports over the watch store (through {@link WatchServices}, whose one lock
 * orders every write of the store's connection, and whose alert book and listeners push committed alerts to operators
 * and TAK), the DEMs as its ground, and the server's alert figures in its stats.
 */
public final class WatchWiring {

    private WatchWiring() {
    }

    /** A live pipeline over {@code watch}'s store with the default reorder window. */
    public static LivePipeline pipeline(Scenario scenario, WatchServices watch, int queueCapacity) {
        return pipeline(scenario, watch, queueCapacity, LivePipeline.DEFAULT_WINDOW_S);
    }

    /** A live pipeline over {@code watch}'s store, with its alert latency and alert memory in the pipeline's stats. */
    public static LivePipeline pipeline(Scenario scenario, WatchServices watch, int queueCapacity, double windowS) {
        return new LivePipeline(scenario, ports(watch), queueCapacity, windowS)
                .withStats("alert_latency", () -> watch.alertLatency().snapshot())
                .withStats("alert_memory", watch::alertMemory);
    }

    /** The watch loop's outputs, written to the watch store. */
    public static Ports ports(WatchServices watch) {
        Journal journal = new Journal() {
            @Override
            public long[] append(NormalisedBatch batch) throws PortException {
                return store(() -> watch.journal(batch.journal()));
            }

            @Override
            public void probe() throws PortException {
                store(() -> {
                    watch.probeJournal();
                    return null;
                });
            }
        };
        AlertSink alerts = new AlertSink() {
            @Override
            public List<AlertBook.Raised> raise(List<Finding> findings, List<Long> receivedAtMillis)
                    throws PortException {
                return store(() -> watch.raiseAll(findings, receivedAtMillis));
            }

            @Override
            public void escalate(double afterS) throws PortException {
                store(() -> {
                    watch.escalate(afterS);
                    return null;
                });
            }
        };
        TrackHistory history = (List<TrackPoint> points) -> store(() -> {
            watch.trackHistory(points);
            return null;
        });
        return new Ports(journal, alerts, history);
    }

    /** A store call as the ports see it: a database failure becomes the ports' own exception. */
    private interface StoreCall<T> {
        T run() throws SQLException;
    }

    private static <T> T store(StoreCall<T> call) throws PortException {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new PortException(e.getMessage(), e);
        }
    }

    /** The DEMs' ground below targets, for the pipeline's class hints from a measured height. */
    public static GroundHeight ground(HeightAboveGround heights) {
        if (heights == HeightAboveGround.NONE) {
            return GroundHeight.NONE;
        }
        return GroundHeight.of(heights::fromMslHeight, HeightAboveGround::standardAtmosphereHeight);
    }
}
