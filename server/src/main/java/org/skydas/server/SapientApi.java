package org.skydas.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.sapient.SapientLink;
import org.skydas.ingest.sapient.SapientTasks;
import org.skydas.ingest.sapient.Ulid;
import org.skydas.server.auth.Text;
import org.skydas.watch.feed.SapientFeed;
import org.skydas.watch.feed.SapientNodeState;
import org.skydas.watch.feed.SapientTaskBook;
import org.skydas.watch.normalise.SapientToDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationOrRangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCone;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/**
 * SAPIENT nodes for operators: the node view ({@code GET /api/sapient/nodes}: each node's type, registration, latest
 * status, position, field of view, health and recent tasks) and tasking ({@code POST /api/sapient/nodes/{id}/tasks}:
 * look at a place, change mode, set the detection threshold). A task is an operator's explicit act (the access matrix
 * lets only the operator role call it); it is written to the append-only audit log (admin log, action
 * {@code sapient_task}) before it is sent on the node's own connection, and the node's {@code TaskAck} is written there
 * too ({@code sapient_task_ack}) and shown with the task. A node that registered as an effector is never tasked
 * (ADR 0003): the request is refused, and the refusal audited. Without a SAPIENT listener the node list is empty and
 * tasks are refused.
 */
final class SapientApi {

    private static final Logger LOG = LoggerFactory.getLogger(SapientApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tasks shown per node. */
    static final int TASKS_SHOWN = 10;

    /** A node as operators see it. Times are ISO-8601 UTC; absent values are left out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NodeView(String nodeId, String name, List<String> types, String icdVersion, String registeredAt,
                    boolean connected, boolean effector, List<String> modes, String health, NodeStatus status,
                    Position position, FieldOfView fieldOfView, String lastHeardAt, long alerts, List<TaskView> tasks) {
    }

    /** The latest status report: its time, the node's system state and mode, battery level, status entries. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NodeStatus(String at, String system, String mode, Integer powerLevel, List<StatusItem> items) {
    }

    /** One status entry ({@code internal_fault}, {@code weather}, …) with its level and value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusItem(String type, String level, String value) {
    }

    /** WGS84 degrees; height in metres as the node reported it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Position(double lon, double lat, Double heightM) {
    }

    /**
     * What the node sees now: a cone ({@code azimuth_deg} from true north, {@code horizontal_extent_deg},
     * {@code range_m}) or a polygon; {@code polygon} is its outline in WGS84 [lon, lat] when it can be drawn.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldOfView(String kind, Double azimuthDeg, Double horizontalExtentDeg, Double rangeM, List<double[]> polygon) {
    }

    /** A task: what was asked, by whom, when, and the node's answer ({@code sent} until it comes). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskView(String taskId, String nodeId, String command, String summary, String requestedBy, String sentAt,
                    String status, List<String> reasons, String answeredAt) {

        static TaskView of(SapientTaskBook.Task t) {
            return new TaskView(t.taskId(), t.nodeId(), t.command(), t.summary(), t.actor(), iso(t.sentAtMillis()),
                    t.status(), t.reasons(), t.answeredAtMillis() > 0 ? iso(t.answeredAtMillis()) : null);
        }
    }

    private final WatchServices watch;
    private final SapientFeed feed;
    private final SapientLink link;
    /** Audit writes of the nodes' answers leave the listener's I/O thread at once. */
    private final ExecutorService auditor;

    SapientApi(WatchServices watch, SapientFeed feed, SapientLink link) {
        this.watch = watch;
        this.feed = feed;
        this.link = link;
        this.auditor = feed == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "skydas-sapient-audit");
            t.setDaemon(true);
            return t;
        });
        if (feed != null) {
            feed.onTaskAnswer(a -> auditor.execute(() -> auditAnswer(a)));
        }
    }

    void register(Javalin app) {
        app.get("/api/sapient/nodes", ctx -> ctx.json(nodes()));
        app.post("/api/sapient/nodes/{id}/tasks", this::task);
    }

    void close() {
        if (auditor != null) {
            auditor.shutdown();
        }
    }

    List<NodeView> nodes() {
        if (feed == null) {
            return List.of();
        }
        return feed.nodes().values().stream().sorted(Comparator.comparing(SapientNodeState::displayName))
                .map(this::view).toList();
    }

    private NodeView view(SapientNodeState n) {
        Registration reg = n.registration();
        List<String> types = reg.getNodeDefinitionList().stream()
                .map(d -> wire(d.getNodeType().name(), "NODE_TYPE_")).toList();
        StatusReport s = n.lastStatus();
        Position position = null;
        double[] at = null;
        NodeStatus status = null;
        FieldOfView fov = null;
        if (s != null) {
            if (s.hasNodeLocation()) {
                try {
                    at = SapientToDetection.place(s.getNodeLocation());
                    Coordinate ll = Lks94.toWgs84(at[0], at[1]);
                    position = new Position(round(ll.x), round(ll.y), s.getNodeLocation().hasZ() ? s.getNodeLocation().getZ() : null);
                } catch (SapientToDetection.Unlocatable e) {
                    at = null;
                }
            }
            List<StatusItem> items = s.getStatusList().stream().map(i -> new StatusItem(
                    wire(i.getStatusType().name(), "STATUS_TYPE_"),
                    i.hasStatusLevel() ? wire(i.getStatusLevel().name(), "STATUS_LEVEL_") : null,
                    i.hasStatusValue() ? i.getStatusValue() : null)).toList();
            status = new NodeStatus(iso(n.lastStatusAtMillis()), wire(s.getSystem().name(), "SYSTEM_"),
                    s.hasMode() ? s.getMode() : null, s.hasPower() && s.getPower().hasLevel() ? s.getPower().getLevel() : null,
                    items);
            if (s.hasFieldOfView()) {
                fov = fieldOfView(s.getFieldOfView(), at);
            }
        }
        String health = s == null ? "unknown" : wire(s.getSystem().name(), "SYSTEM_");
        List<TaskView> tasks = feed.tasks().ofNode(n.nodeId(), TASKS_SHOWN).stream().map(TaskView::of).toList();
        return new NodeView(n.nodeId(), n.displayName(), types, n.icdVersion(), iso(n.registeredAtMillis()),
                link != null && link.connected(n.nodeId()), !SapientTasks.effectorTypes(reg).isEmpty(),
                SapientTasks.modes(reg), health, status, position, fov, iso(n.lastHeardMillis()), n.alerts(), tasks);
    }

    /** A cone from the node's position (outline drawn when the position is known), or the listed polygon. */
    private static FieldOfView fieldOfView(LocationOrRangeBearing f, double[] at) {
        if (f.hasRangeBearing()) {
            RangeBearingCone c = f.getRangeBearing();
            RangeBearingCoordinateSystem cs = c.getCoordinateSystem();
            boolean rad = cs == RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_M
                    || cs == RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_KM;
            boolean km = cs == RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_KM
                    || cs == RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_KM;
            Double az = c.hasAzimuth() ? (rad ? Math.toDegrees(c.getAzimuth()) : c.getAzimuth()) : null;
            // The proto says the extents are in degrees whatever the coordinate system.
            Double width = c.hasHorizontalExtent() ? c.getHorizontalExtent() : null;
            Double range = c.hasRange() ? c.getRange() * (km ? 1000 : 1) : null;
            List<double[]> outline = null;
            if (at != null && az != null && range != null && range > 0 && range < 1_000_000) {
                double w = width == null ? 360 : Math.max(0, Math.min(360, width));
                outline = new ArrayList<>();
                if (w < 360) {
                    outline.add(wgs84(at[0], at[1]));
                }
                int steps = Math.max(2, (int) Math.ceil(w / 5));
                for (int i = 0; i <= steps; i++) {
                    double b = Math.toRadians(az - w / 2 + w * i / steps);
                    outline.add(wgs84(at[0] + range * Math.sin(b), at[1] + range * Math.cos(b)));
                }
                outline.add(outline.get(0));
            }
            return new FieldOfView("cone", az, width, range, outline);
        }
        List<double[]> polygon = new ArrayList<>();
        for (var l : f.getLocationList().getLocationsList()) {
            try {
                double[] p = SapientToDetection.place(l);
                polygon.add(wgs84(p[0], p[1]));
            } catch (SapientToDetection.Unlocatable e) {
                return new FieldOfView("polygon", null, null, null, null);
            }
        }
        return new FieldOfView("polygon", null, null, null, polygon.isEmpty() ? null : polygon);
    }

    private void task(Context ctx) throws Exception {
        String actor = AccessGate.session(ctx).username();
        String nodeId = ctx.pathParam("id");
        if (feed == null || link == null) {
            throw new NoSuchElementException("SAPIENT is not enabled on this server (serve --sapient-port)");
        }
        SapientNodeState node = feed.nodes().get(nodeId);
        if (node == null) {
            throw new NoSuchElementException("no SAPIENT node " + Text.clip(nodeId));
        }
        JsonNode body = WatchApi.body(ctx, true);
        SapientTasks.Command command = command(body);
        String note = WatchApi.text(body, "note");
        String refusal = SapientTasks.refusal(node.registration(), command);
        if (refusal == null && !link.connected(nodeId)) {
            refusal = "the node is not connected";
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("node_id", nodeId);
        detail.put("node_name", node.displayName());
        detail.put("command", command.kind());
        detail.put("summary", command.summary());
        if (note != null) {
            detail.put("note", Text.clip(note));
        }
        if (refusal != null) {
            detail.put("refused", refusal);
            watch.logAdminAction(actor, "sapient_task_refused", JSON.writeValueAsString(detail));
            LOG.warn("event=sapient_task_refused actor={} node={} command={} reason=\"{}\"", actor, nodeId,
                    command.kind(), refusal);
            throw new WatchServices.Conflict(refusal);
        }
        Instant now = Instant.now();
        String taskId = Ulid.next(now.toEpochMilli());
        SapientMessage task = SapientTasks.task(link.fusionNodeId(), nodeId, taskId, now, command,
                "requested by " + actor + (note == null ? "" : ": " + note));
        detail.put("task_id", taskId);
        // Audited first: a task that cannot be recorded is not sent.
        watch.logAdminAction(actor, "sapient_task", JSON.writeValueAsString(detail));
        SapientTaskBook.Task t = new SapientTaskBook.Task(taskId, nodeId, command.kind(), command.summary(), actor,
                now.toEpochMilli(), "sent", List.of(), 0);
        feed.tasks().sent(t);
        if (!link.send(nodeId, task)) {
            SapientTaskBook.Task lost = new SapientTaskBook.Task(taskId, nodeId, command.kind(), command.summary(), actor,
                    now.toEpochMilli(), "not_sent", List.of("the node disconnected"), System.currentTimeMillis());
            feed.tasks().sent(lost);
            watch.logAdminAction(actor, "sapient_task_not_sent", JSON.writeValueAsString(Map.of("node_id", nodeId,
                    "task_id", taskId, "reason", "the node disconnected")));
            throw new WatchServices.Conflict("the node disconnected before the task could be sent");
        }
        LOG.info("event=sapient_task_sent actor={} node={} task_id={} command={}", actor, nodeId, taskId, command.kind());
        ctx.status(HttpStatus.ACCEPTED).json(TaskView.of(t));
    }

    /** The command of a request body: {@code look_at} (lat, lon, height_m), {@code mode_change} (mode), {@code detection_threshold} (level). */
    static SapientTasks.Command command(JsonNode body) {
        String kind = WatchApi.text(body, "command");
        if (kind == null) {
            throw new WatchApi.BadRequest("'command' is required: look_at, mode_change or detection_threshold");
        }
        try {
            return switch (kind) {
                case "look_at" -> new SapientTasks.LookAt(number(body, "lon"), number(body, "lat"),
                        body.has("height_m") ? number(body, "height_m") : 0);
                case "mode_change" -> new SapientTasks.ModeChange(WatchApi.text(body, "mode"));
                case "detection_threshold" -> {
                    String level = WatchApi.text(body, "level");
                    if (level == null) {
                        throw new IllegalArgumentException("detection_threshold needs a level: low, medium or high");
                    }
                    yield new SapientTasks.DetectionThreshold(SapientTasks.Level.parse(level));
                }
                default -> throw new WatchApi.BadRequest("unknown command '" + Text.clip(kind)
                        + "' (look_at, mode_change, detection_threshold)");
            };
        } catch (IllegalArgumentException e) {
            throw new WatchApi.BadRequest(e.getMessage());
        }
    }

    private static double number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw new WatchApi.BadRequest("'" + field + "' is required");
        }
        if (!n.isNumber()) {
            throw new WatchApi.BadRequest("'" + field + "' must be a number");
        }
        return n.asDouble();
    }

    /** A node's answer, into the audit log (actor: the node). */
    private void auditAnswer(SapientFeed.TaskAnswer a) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("node_id", a.nodeId());
        detail.put("task_id", a.taskId());
        detail.put("status", a.status());
        detail.put("reasons", a.reasons().stream().map(Text::clip).limit(16).toList());
        if (a.task() == null) {
            detail.put("unknown_task", true);
        } else {
            detail.put("requested_by", a.task().actor());
        }
        try {
            watch.logAdminAction("sapient:" + a.nodeId(), "sapient_task_ack", JSON.writeValueAsString(detail));
        } catch (Exception e) {
            LOG.error("event=sapient_task_ack_not_audited node={} task_id={} error=\"{}\"", a.nodeId(), a.taskId(),
                    e.toString());
        }
    }

    private static double[] wgs84(double x, double y) {
        Coordinate ll = Lks94.toWgs84(x, y);
        return new double[] {round(ll.x), round(ll.y)};
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    /** {@code NODE_TYPE_PASSIVE_RF} → {@code passive_rf}. */
    static String wire(String enumName, String prefix) {
        String s = enumName.startsWith(prefix) ? enumName.substring(prefix.length()) : enumName;
        return s.toLowerCase(Locale.ROOT);
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
