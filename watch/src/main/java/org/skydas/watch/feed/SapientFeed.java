package org.skydas.watch.feed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.skydas.ingest.listen.ListenerStats;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.listen.Sink;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientReport;
import org.skydas.track.Detection;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.normalise.SapientToDetection;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/**
 * Glue between the SAPIENT listener and the pipeline. Every accepted message of a node is journalled under
 * {@code sapient:<node_id>}; a detection report becomes a detection ({@link SapientToDetection}); a status report is a
 * sign of life unless the node reports {@code SYSTEM_ERROR} or {@code GOODBYE}, so a node in error or gone raises
 * sensor_down once silent for the configured time. Its counters ({@code sapient-detections}) say which detection
 * reports could not be placed and why. The nodes heard, with their latest status, are kept for the operators' view.
 */
public final class SapientFeed implements Sink<Received<SapientReport>> {

    private final LivePipeline pipeline;
    private final ListenerStats stats = new ListenerStats("sapient-detections");
    private final Map<String, SapientReport> nodes = new ConcurrentHashMap<>();

    public SapientFeed(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public boolean offer(Received<SapientReport> r) {
        SapientMessage m = r.message().message();
        String source = "sapient:" + r.message().node().nodeId();
        nodes.put(r.message().node().nodeId(), r.message());
        boolean alive = true;
        List<Detection> detections = List.of();
        if (m.hasStatusReport()) {
            StatusReport.System s = m.getStatusReport().getSystem();
            alive = s != StatusReport.System.SYSTEM_ERROR && s != StatusReport.System.SYSTEM_GOODBYE;
        } else if (m.hasDetectionReport()) {
            stats.received();
            try {
                detections = List.of(SapientToDetection.convert(r.message()));
                stats.decoded();
            } catch (SapientToDetection.Unlocatable e) {
                stats.malformed(e.getMessage());
            }
        }
        return pipeline.offerFeed(new FeedReport(source, r.listener(), r.receivedAtMillis(), SapientCodec.toJson(m),
                alive, detections));
    }

    /** Each node heard: its latest accepted message and what it knew then. */
    public Map<String, SapientReport> nodes() {
        return Map.copyOf(nodes);
    }

    public ListenerStats stats() {
        return stats;
    }
}
