package org.skydas.watch.feed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.ingest.listen.ListenerStats;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.listen.Sink;
import org.skydas.ingest.sapient.SapientReport;
import org.skydas.track.Detection;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.intake.FeedReport;
import org.skydas.watch.normalise.SapientToDetection;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Alert;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.TaskAck;

/**
 * Glue between the SAPIENT listener and the pipeline. Every accepted message of a node is journalled under
 * {@code sapient:<node_id>}; a detection report becomes a detection ({@link SapientToDetection}); a status report is a
 * sign of life unless the node reports {@code SYSTEM_ERROR} or {@code GOODBYE}, so a node in error or gone raises
 * sensor_down once silent for the configured time; an active {@code Alert} becomes a sensor_alert for the operators,
 * named after the node, placed where the node says (one open alert per node and alert id; raised after the journal
 * commit, like any alert); a {@code TaskAck} updates the operator's task in the {@link SapientTaskBook} and is passed
 * to {@link #onTaskAnswer} listeners (the server audits it). Its counters ({@code sapient-detections}) say which
 * detection reports could not be placed and why. The nodes heard are kept for the operators' node view.
 */
public final class SapientFeed implements Sink<Received<SapientReport>> {

    /** A node's answer to a task: the task as now recorded, or null when no such task was sent to that node. */
    public record TaskAnswer(String nodeId, String taskId, String status, List<String> reasons,
                             SapientTaskBook.Task task) {
    }

    private final LivePipeline pipeline;
    private final ListenerStats stats = new ListenerStats("sapient-detections");
    private final Map<String, SapientNodeState> nodes = new ConcurrentHashMap<>();
    private final SapientTaskBook tasks = new SapientTaskBook();
    private final List<Consumer<TaskAnswer>> answerListeners = new CopyOnWriteArrayList<>();

    public SapientFeed(LivePipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public boolean offer(Received<SapientReport> r) {
        SapientMessage m = r.message().message();
        String nodeId = r.message().node().nodeId();
        String source = "sapient:" + nodeId;
        long at = r.receivedAtMillis();
        boolean alive = true;
        List<Detection> detections = List.of();
        List<Finding> findings = List.of();
        TaskAnswer answer = null;
        if (m.hasRegistration()) {
            nodes.put(nodeId, new SapientNodeState(nodeId, m.getRegistration().getIcdVersion(), m.getRegistration(), at,
                    null, 0, at, 0));
        } else {
            SapientNodeState before = nodes.computeIfAbsent(nodeId, id -> new SapientNodeState(id,
                    r.message().node().registration().getIcdVersion(), r.message().node().registration(), at, null, 0,
                    at, 0));
            if (m.hasStatusReport()) {
                StatusReport.System s = m.getStatusReport().getSystem();
                alive = s != StatusReport.System.SYSTEM_ERROR && s != StatusReport.System.SYSTEM_GOODBYE;
                nodes.computeIfPresent(nodeId, (id, n) -> n.withStatus(m.getStatusReport(), at));
            } else if (m.hasDetectionReport()) {
                stats.received();
                try {
                    detections = List.of(SapientToDetection.convert(r.message()));
                    stats.decoded();
                } catch (SapientToDetection.Unlocatable e) {
                    stats.malformed(e.getMessage());
                }
            } else if (m.hasAlert()) {
                Finding f = finding(r.message(), before, at);
                findings = f == null ? List.of() : List.of(f);
            } else if (m.hasTaskAck()) {
                TaskAck ack = m.getTaskAck();
                SapientTaskBook.Task t = tasks.answered(nodeId, ack, at);
                answer = new TaskAnswer(nodeId, ack.getTaskId(), SapientTaskBook.statusName(ack.getTaskStatus()),
                        ack.getReasonList(), t);
            }
            nodes.computeIfPresent(nodeId, (id, n) -> n.heard(at, m.hasAlert()));
        }
        // Journalled as the node sent it (a v1.0 node's message in v1.0).
        boolean accepted = pipeline.offerFeed(new FeedReport(source, r.listener(), at, r.message().receivedJson(), alive,
                detections, findings));
        if (answer != null) {
            for (Consumer<TaskAnswer> l : answerListeners) {
                l.accept(answer);
            }
        }
        return accepted;
    }

    /**
     * The operators' alert for a node's {@code Alert}, or null when the alert is not active (an update that clears,
     * ignores or rejects it is journalled only: closing an alert is the operator's decision).
     */
    static Finding finding(SapientReport r, SapientNodeState node, long receivedAtMillis) {
        Alert a = r.message().getAlert();
        if (a.hasStatus() && a.getStatus() != Alert.AlertStatus.ALERT_STATUS_ACTIVE
                && a.getStatus() != Alert.AlertStatus.ALERT_STATUS_UNSPECIFIED) {
            return null;
        }
        double x = Double.NaN;
        double y = Double.NaN;
        try {
            double[] p = a.hasLocation() ? SapientToDetection.place(a.getLocation())
                    : a.hasRangeBearing() ? SapientToDetection.place(a.getRangeBearing(), r.node()) : null;
            if (p != null) {
                x = p[0];
                y = p[1];
            }
        } catch (SapientToDetection.Unlocatable e) {
            // Shown without a place: the operator still sees the node's alert and its text.
        }
        String type = a.hasAlertType() && a.getAlertType().name().startsWith("ALERT_TYPE_")
                ? a.getAlertType().name().substring("ALERT_TYPE_".length()).toLowerCase(Locale.ROOT) : "alert";
        String text = a.hasDescription() && !a.getDescription().isBlank() ? clip(a.getDescription()) : "(no description)";
        String message = "SAPIENT node " + clip(node.displayName()) + " reports " + type.replace('_', ' ') + ": " + text;
        return new Finding(RuleKind.SENSOR_ALERT, severity(a), Finding.sensor("sapient:" + node.nodeId()) + "/alert:"
                + a.getAlertId(), receivedAtMillis / 1000.0, x, y, null, null, message);
    }

    /** The node's priority when it gave one, else from the alert's type (critical and fatal high, warnings medium). */
    static Severity severity(Alert a) {
        if (a.hasPriority()) {
            switch (a.getPriority()) {
                case DISCRETE_PRIORITY_HIGH:
                    return Severity.HIGH;
                case DISCRETE_PRIORITY_MEDIUM:
                    return Severity.MEDIUM;
                case DISCRETE_PRIORITY_LOW:
                    return Severity.LOW;
                default:
                    break;
            }
        }
        return switch (a.getAlertType()) {
            case ALERT_TYPE_CRITICAL, ALERT_TYPE_FATAL -> Severity.HIGH;
            case ALERT_TYPE_WARNING, ALERT_TYPE_ERROR -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    private static String clip(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /** Each node heard, by node id. */
    public Map<String, SapientNodeState> nodes() {
        return Map.copyOf(nodes);
    }

    /** The operators' tasks and the nodes' answers. */
    public SapientTaskBook tasks() {
        return tasks;
    }

    /** Calls {@code listener} with each node's answer to a task (on the listener's I/O thread: must not block long). */
    public void onTaskAnswer(Consumer<TaskAnswer> listener) {
        answerListeners.add(listener);
    }

    public ListenerStats stats() {
        return stats;
    }
}
