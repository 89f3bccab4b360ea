package org.skydas.watch.intake;

import java.util.List;

import org.skydas.alert.Finding;
import org.skydas.track.Detection;

/**
 * A report of a feed that converts its own messages (SAPIENT, STANAG 4607, ONVIF): the source it comes from (one
 * tracker sensor and one sensor_down watch per source), the decoded message as JSON for the journal, whether it is a
 * sign of life (a node that reports itself in error or saying goodbye is not, so its silence raises sensor_down),
 * its detections, stamped with any sensor id: the pipeline gives them the source's, and the findings the sensor itself
 * reported (a SAPIENT node's {@code Alert}: a sensor_alert), raised once the message is journalled.
 */
public record FeedReport(String source, String listener, long receivedAtMillis, String journalJson, boolean signOfLife,
                         List<Detection> detections, List<Finding> findings) {

    public FeedReport {
        detections = List.copyOf(detections);
        findings = List.copyOf(findings);
    }

    /** A report without findings of the sensor's own. */
    public FeedReport(String source, String listener, long receivedAtMillis, String journalJson, boolean signOfLife,
                      List<Detection> detections) {
        this(source, listener, receivedAtMillis, journalJson, signOfLife, detections, List.of());
    }
}
