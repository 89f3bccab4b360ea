package org.skydas.watch.feed;

import java.util.List;
import java.util.Map;

import org.skydas.ingest.listen.ListenerStats;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.listen.Sink;
import org.skydas.ingest.onvif.OnvifPush;
import org.skydas.model.Asset;
import org.skydas.track.Detection;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.normalise.OnvifToDetection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Glue between the ONVIF feeds (the HTTP push listener, and the RTSP clients pulling cameras' metadata streams) and the
 * pipeline: a document from camera {@code <id>} (a camera asset of the
 * scenario) is journalled under {@code onvif:<id>}, counts as that camera's sign of life, and its motion, crossing and
 * object reports become detections in the camera's footprint ({@link OnvifToDetection}). Documents naming no camera
 * of the scenario are counted ({@code onvif-cameras}) and not tracked.
 */
public final class OnvifFeed implements Sink<Received<OnvifPush>> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LivePipeline pipeline;
    private final Map<String, Asset> cameras;
    private final ListenerStats stats = new ListenerStats("onvif-cameras");

    public OnvifFeed(LivePipeline pipeline) {
        this.pipeline = pipeline;
        this.cameras = OnvifToDetection.cameras(pipeline.scenario().assets());
    }

    /** Whether {@code cameraId} is a camera asset of the scenario (its documents become detections). */
    public boolean knows(String cameraId) {
        return cameras.containsKey(cameraId);
    }

    @Override
    public boolean offer(Received<OnvifPush> r) {
        stats.received();
        Asset camera = cameras.get(r.message().cameraId());
        if (camera == null) {
            stats.malformed("not a camera of the scenario");
            return true;
        }
        List<Detection> detections = OnvifToDetection.convert(r.message().document(), camera, r.receivedAtMillis());
        stats.decoded();
        return pipeline.offerFeed(new FeedReport("onvif:" + camera.id(), r.listener(), r.receivedAtMillis(),
                journal(r.message()), true, detections));
    }

    private static String journal(OnvifPush p) {
        ObjectNode o = JSON.createObjectNode().put("camera", p.cameraId());
        var events = o.putArray("events");
        for (var e : p.document().events()) {
            ObjectNode n = events.addObject().put("topic", e.topic())
                    .put("utc_time", e.utcTime() == null ? null : e.utcTime().toString()).put("operation", e.operation());
            n.set("source", JSON.valueToTree(e.source()));
            n.set("key", JSON.valueToTree(e.key()));
            n.set("data", JSON.valueToTree(e.data()));
        }
        var frames = o.putArray("frames");
        for (var f : p.document().frames()) {
            ObjectNode n = frames.addObject().put("utc_time", f.utcTime() == null ? null : f.utcTime().toString())
                    .put("source", f.source());
            n.set("objects", JSON.valueToTree(f.objects()));
        }
        return o.toString();
    }

    public ListenerStats stats() {
        return stats;
    }
}
