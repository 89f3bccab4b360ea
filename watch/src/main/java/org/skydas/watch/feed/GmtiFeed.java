package org.skydas.watch.feed;

import org.skydas.ingest.listen.ListenerStats;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.listen.Sink;
import org.skydas.ingest.stanag4607.Gmti;
import org.skydas.ingest.stanag4607.Gmti4607Json;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.normalise.GmtiToDetection;

/**
 * Glue between the STANAG 4607 listener and the pipeline: each packet is journalled under {@code gmti:<platform id>}
 * (P8, the radar's platform) and its dwells' target reports become detections ({@link GmtiToDetection}). Its
 * counters ({@code gmti-targets}): target reports turned into detections are "decoded"; those without a position, and
 * segments skipped by size (free text, HRR, ...), are counted by reason.
 */
public final class GmtiFeed implements Sink<Received<Gmti.Packet>> {

    private final LivePipeline pipeline;
    private final ListenerStats stats = new ListenerStats("gmti-targets");

    public GmtiFeed(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public boolean offer(Received<Gmti.Packet> r) {
        Gmti.Packet p = r.message();
        int targets = 0;
        for (Gmti.Segment s : p.segments()) {
            if (s instanceof Gmti.Dwell d) {
                targets += d.targets().size();
            } else if (s instanceof Gmti.Skipped k) {
                stats.received();
                stats.malformed("segment not tracked: " + k.name());
            }
        }
        var detections = GmtiToDetection.convert(p, r.receivedAtMillis());
        for (int i = 0; i < targets; i++) {
            stats.received();
            if (i < detections.size()) {
                stats.decoded();
            } else {
                stats.malformed("target report without position");
            }
        }
        String source = "gmti:" + p.header().platformId().strip();
        return pipeline.offerFeed(new FeedReport(source, r.listener(), r.receivedAtMillis(), Gmti4607Json.packet(p), true,
                detections));
    }

    public ListenerStats stats() {
        return stats;
    }
}
