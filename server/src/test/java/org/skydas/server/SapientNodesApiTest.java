package org.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.listen.SapientListener;
import org.skydas.ingest.listen.TcpOptions;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientFrames;
import org.skydas.ingest.sapient.SapientRegistrations;
import org.skydas.model.Scenario;
import org.skydas.server.auth.Role;
import org.skydas.store.watch.WatchStore;
import org.skydas.watch.LivePipeline;
import org.skydas.watch.feed.SapientFeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Alert;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationOrRangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCone;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Task;
import uk.gov.dstl.sapientmsg.bsiflex335v2.TaskAck;

/**
 * SAPIENT nodes over real TCP sessions against a server: a radar node registers, reports its status and an alert
 * (acknowledged, and shown to operators as a sensor alert with the node's name); the node view lists it with its
 * position, field of view and health; an operator's look-at task is audited, reaches the node as a valid {@code Task}
 * on its own connection, and the node's {@code TaskAck} is audited and shown. Other roles may not task; an effector
 * node is never tasked; an undeclared mode is refused.
 */
class SapientNodesApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    WatchServices watch;
    LivePipeline pipeline;
    SapientFeed feed;
    SapientListener listener;
    SkydasServer server;
    String operator;
    String admin;
    String auditor;

    @BeforeEach
    void start() throws Exception {
        watch = new WatchServices(WatchStore.openSqlite(dir));
        watch.ensureAdmin("admin-password-long");
        watch.addUser("op", Role.OPERATOR, "operator-password");
        watch.addUser("aud", Role.AUDITOR, "auditor-password");
        Scenario s = LivePipelineTest.square();
        pipeline = WatchWiring.pipeline(s, watch, 1_000);
        feed = new SapientFeed(pipeline);
        listener = SapientListener.start("127.0.0.1", 0, feed, TcpOptions.DEFAULTS, SapientListener.DEFAULT_MAX_MESSAGE_BYTES);
        server = new SkydasServer(new ScenarioView(s), "memory", watch).withLive(pipeline, listener::stats)
                .withSapient(feed, listener).start("127.0.0.1", 0);
        operator = watch.login("op", "operator-password").orElseThrow();
        admin = watch.login("admin", "admin-password-long").orElseThrow();
        auditor = watch.login("aud", "auditor-password").orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        listener.close();
        pipeline.close();
        watch.close();
    }

    /** One node's end of a session. */
    static final class Node implements AutoCloseable {
        final String id = UUID.randomUUID().toString();
        final Socket socket;
        final OutputStream out;
        final DataInputStream in;

        Node(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            InputStream raw = socket.getInputStream();
            in = new DataInputStream(raw);
        }

        void send(SapientMessage.Builder m) throws Exception {
            out.write(SapientFrames.frame(m.setNodeId(id).setTimestamp(now()).build().toByteArray()));
            out.flush();
        }

        SapientMessage read() throws Exception {
            byte[] head = new byte[4];
            in.readFully(head);
            int n = (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | (head[3] & 0xFF) << 24;
            byte[] body = new byte[n];
            in.readFully(body);
            return SapientMessage.parseFrom(body);
        }

        SapientMessage register(Registration r) throws Exception {
            send(SapientMessage.newBuilder().setRegistration(r));
            return read();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    static Timestamp now() {
        Instant t = Instant.now();
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    static Location wgs84(double x, double y, double z) {
        Coordinate ll = Lks94.toWgs84(x, y);
        return Location.newBuilder().setX(ll.x).setY(ll.y).setZ(z)
                .setCoordinateSystem(LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                .setDatum(LocationDatum.LOCATION_DATUM_WGS84_E).build();
    }

    HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        return WatchApiTest.send(server.port(), method, path, token, body);
    }

    JsonNode waitFor(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode n;
        do {
            n = JSON.readTree(call("GET", path, null, operator).body());
            if (done.test(n)) {
                return n;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return n;
    }

    static JsonNode node(JsonNode nodes, String id) {
        for (JsonNode n : nodes) {
            if (n.path("node_id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    List<String[]> log(String action) throws Exception {
        return watch.adminLog().stream().filter(e -> e[2].equals(action)).toList();
    }

    @Test
    void aRadarNodeIsShownItsAlertRaisedAndAnOperatorsTaskAuditedSentAndAnswered() throws Exception {
        try (Node radar = new Node(listener.port())) {
            SapientMessage ack = radar.register(SapientRegistrations.sensor("Counter-drone radar Šalčininkai", "CDR-1",
                    Registration.NodeType.NODE_TYPE_RADAR, "Skydas", "sim", List.of("Surveillance", "Track")));
            assertThat(ack.getRegistrationAck().getAcceptance()).as(ack.toString()).isTrue();
            radar.send(SapientMessage.newBuilder().setStatusReport(StatusReport.newBuilder()
                    .setReportId("01J0000000000000000000000A").setSystem(StatusReport.System.SYSTEM_OK)
                    .setInfo(StatusReport.Info.INFO_NEW).setMode("Surveillance").setNodeLocation(wgs84(503_000, 6_005_000, 160))
                    .setFieldOfView(LocationOrRangeBearing.newBuilder().setRangeBearing(RangeBearingCone.newBuilder()
                            .setAzimuth(270).setHorizontalExtent(90).setRange(5)
                            .setCoordinateSystem(RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_KM)
                            .setDatum(RangeBearingDatum.RANGE_BEARING_DATUM_TRUE)))));
            radar.send(SapientMessage.newBuilder().setAlert(Alert.newBuilder().setAlertId("01J00000000000000000000AA1")
                    .setAlertType(Alert.AlertType.ALERT_TYPE_WARNING).setStatus(Alert.AlertStatus.ALERT_STATUS_ACTIVE)
                    .setDescription("tamper switch opened").setLocation(wgs84(503_000, 6_005_000, 160))));
            SapientMessage alertAck = radar.read();
            assertThat(alertAck.getAlertAck().getAlertId()).isEqualTo("01J00000000000000000000AA1");

            // The node's alert reaches the operators' alert list, named after the node, in the sector it lies in.
            JsonNode alerts = waitFor("/api/alerts?rule=sensor_alert", a -> a.size() > 0);
            assertThat(alerts.size()).isEqualTo(1);
            assertThat(alerts.get(0).path("message").asText())
                    .contains("Counter-drone radar Šalčininkai (CDR-1)").contains("warning").contains("tamper switch opened");
            assertThat(alerts.get(0).path("severity").asText()).isEqualTo("medium");
            assertThat(alerts.get(0).path("subject").asText()).isEqualTo("sensor:sapient:" + radar.id + "/alert:01J00000000000000000000AA1");
            assertThat(alerts.get(0).path("sector").isNull()).isFalse();

            // The node view.
            JsonNode nodes = waitFor("/api/sapient/nodes", ns -> node(ns, radar.id) != null
                    && node(ns, radar.id).path("health").asText().equals("ok") && node(ns, radar.id).path("alerts").asInt() == 1);
            JsonNode n = node(nodes, radar.id);
            assertThat(n.path("name").asText()).isEqualTo("Counter-drone radar Šalčininkai (CDR-1)");
            assertThat(n.path("types").get(0).asText()).isEqualTo("radar");
            assertThat(n.path("connected").asBoolean()).isTrue();
            assertThat(n.path("effector").asBoolean()).isFalse();
            assertThat(n.path("icd_version").asText()).isEqualTo("BSI Flex 335 v2.0");
            assertThat(Instant.parse(n.path("registered_at").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(n.path("status").path("mode").asText()).isEqualTo("Surveillance");
            Coordinate at = Lks94.toWgs84(503_000, 6_005_000);
            assertThat(n.path("position").path("lon").asDouble()).isCloseTo(at.x, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(n.path("position").path("lat").asDouble()).isCloseTo(at.y, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(n.path("field_of_view").path("kind").asText()).isEqualTo("cone");
            assertThat(n.path("field_of_view").path("range_m").asDouble()).isEqualTo(5000);
            // The cone's outline: the node, then an arc 5 km to the west.
            JsonNode ring = n.path("field_of_view").path("polygon");
            assertThat(ring.size()).isGreaterThan(4);
            Coordinate west = Lks94.toWgs84(498_000, 6_005_000);
            boolean arcReachesWest = false;
            for (JsonNode p : ring) {
                arcReachesWest |= Math.abs(p.get(0).asDouble() - west.x) < 1e-4 && Math.abs(p.get(1).asDouble() - west.y) < 1e-4;
            }
            assertThat(arcReachesWest).as("the arc passes 5 km due west of the node").isTrue();

            // Only an operator may task.
            String lookAt = "{\"command\":\"look_at\",\"lat\":54.3,\"lon\":25.4,\"height_m\":200,\"note\":\"check the drone\"}";
            assertThat(call("POST", "/api/sapient/nodes/" + radar.id + "/tasks", lookAt, admin).statusCode()).isEqualTo(403);
            assertThat(call("POST", "/api/sapient/nodes/" + radar.id + "/tasks", lookAt, auditor).statusCode()).isEqualTo(403);
            assertThat(log("sapient_task")).isEmpty();

            HttpResponse<String> sent = call("POST", "/api/sapient/nodes/" + radar.id + "/tasks", lookAt, operator);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            JsonNode task = JSON.readTree(sent.body());
            String taskId = task.path("task_id").asText();
            assertThat(task.path("status").asText()).isEqualTo("sent");
            assertThat(task.path("requested_by").asText()).isEqualTo("op");

            // The node receives a valid Task on its own connection.
            SapientMessage m = radar.read();
            assertThat(m.hasTask()).isTrue();
            assertThat(new SapientCodec().problems(m)).isEmpty();
            assertThat(m.getDestinationId()).isEqualTo(radar.id);
            assertThat(m.getNodeId()).isEqualTo(listener.fusionNodeId());
            Task t = m.getTask();
            assertThat(t.getTaskId()).isEqualTo(taskId);
            assertThat(t.getControl()).isEqualTo(Task.Control.CONTROL_START);
            Location l = t.getCommand().getLookAt().getLocationList().getLocations(0);
            assertThat(l.getY()).isEqualTo(54.3);
            assertThat(l.getX()).isEqualTo(25.4);
            assertThat(l.getZ()).isEqualTo(200);
            assertThat(t.getTaskDescription()).contains("op").contains("check the drone");

            // Audited before it went out: who, which node, what.
            List<String[]> audited = log("sapient_task");
            assertThat(audited).hasSize(1);
            assertThat(audited.get(0)[1]).isEqualTo("op");
            JsonNode detail = JSON.readTree(audited.get(0)[3]);
            assertThat(detail.path("node_id").asText()).isEqualTo(radar.id);
            assertThat(detail.path("task_id").asText()).isEqualTo(taskId);
            assertThat(detail.path("command").asText()).isEqualTo("look_at");
            assertThat(detail.path("note").asText()).isEqualTo("check the drone");

            // The node answers; the answer is audited and shown with the task.
            radar.send(SapientMessage.newBuilder().setDestinationId(listener.fusionNodeId()).setTaskAck(TaskAck.newBuilder()
                    .setTaskId(taskId).setTaskStatus(TaskAck.TaskStatus.TASK_STATUS_ACCEPTED).addReason("slewing")));
            nodes = waitFor("/api/sapient/nodes", ns -> node(ns, radar.id).path("tasks").path(0).path("status").asText()
                    .equals("accepted"));
            JsonNode shown = node(nodes, radar.id).path("tasks").get(0);
            assertThat(shown.path("task_id").asText()).isEqualTo(taskId);
            assertThat(shown.path("status").asText()).isEqualTo("accepted");
            assertThat(shown.path("reasons").get(0).asText()).isEqualTo("slewing");
            assertThat(shown.path("summary").asText()).isEqualTo("look at 54.300000, 25.400000, 200 m");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (log("sapient_task_ack").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String[]> acks = log("sapient_task_ack");
            assertThat(acks).hasSize(1);
            assertThat(acks.get(0)[1]).isEqualTo("sapient:" + radar.id);
            assertThat(JSON.readTree(acks.get(0)[3]).path("status").asText()).isEqualTo("accepted");
            assertThat(JSON.readTree(acks.get(0)[3]).path("requested_by").asText()).isEqualTo("op");

            // A mode the node did not declare, and a command that does not exist, are refused; nothing is sent.
            HttpResponse<String> badMode = call("POST", "/api/sapient/nodes/" + radar.id + "/tasks",
                    "{\"command\":\"mode_change\",\"mode\":\"Jam\"}", operator);
            assertThat(badMode.statusCode()).isEqualTo(409);
            assertThat(badMode.body()).contains("Surveillance, Track");
            assertThat(call("POST", "/api/sapient/nodes/" + radar.id + "/tasks", "{\"command\":\"fire\"}", operator)
                    .statusCode()).isEqualTo(400);
            assertThat(call("POST", "/api/sapient/nodes/" + UUID.randomUUID() + "/tasks",
                    "{\"command\":\"detection_threshold\",\"level\":\"high\"}", operator).statusCode()).isEqualTo(404);
            HttpResponse<String> mode = call("POST", "/api/sapient/nodes/" + radar.id + "/tasks",
                    "{\"command\":\"mode_change\",\"mode\":\"Track\"}", operator);
            assertThat(mode.statusCode()).isEqualTo(202);
            assertThat(radar.read().getTask().getCommand().getModeChange()).as("the next thing the node hears")
                    .isEqualTo("Track");
        }
    }

    @Test
    void anEffectorIsNeverTasked() throws Exception {
        try (Node jammer = new Node(listener.port())) {
            assertThat(jammer.register(SapientRegistrations.sensor("RF jammer", "J1", Registration.NodeType.NODE_TYPE_JAMMER,
                    "Skydas", "test", List.of("Standby"))).getRegistrationAck().getAcceptance()).isTrue();
            waitFor("/api/sapient/nodes", ns -> node(ns, jammer.id) != null);
            assertThat(node(waitFor("/api/sapient/nodes", ns -> true), jammer.id).path("effector").asBoolean()).isTrue();
            HttpResponse<String> r = call("POST", "/api/sapient/nodes/" + jammer.id + "/tasks",
                    "{\"command\":\"detection_threshold\",\"level\":\"low\"}", operator);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("effector");
            assertThat(log("sapient_task")).isEmpty();
            assertThat(log("sapient_task_refused")).hasSize(1);
            assertThat(log("sapient_task_refused").get(0)[3]).contains(jammer.id).contains("NODE_TYPE_JAMMER");
            jammer.socket.setSoTimeout(500);
            boolean heard;
            try {
                jammer.read();
                heard = true;
            } catch (SocketTimeoutException e) {
                heard = false;
            }
            assertThat(heard).as("the jammer received nothing").isFalse();
        }
    }

    @Test
    void aV1NodeIsListedAsV1AndItsTaskReachesItInV1() throws Exception {
        String json = java.nio.file.Files.readString(org.skydas.testkit.SharedData.require(
                "data/protocols/sapient/samples/bsi_flex_335_v1_0/dstl-apex/registration_proto.json"));
        try (Node v1 = new Node(listener.port())) {
            // The Apex sample has no envelope: the node gives its id and time.
            var reg = org.skydas.ingest.sapient.SapientV1.parseJson(json).toBuilder().setNodeId(v1.id).setTimestamp(now());
            v1.out.write(SapientFrames.frame(reg.build().toByteArray()));
            v1.out.flush();
            byte[] head = new byte[4];
            v1.in.readFully(head);
            byte[] body = new byte[(head[0] & 0xFF) | (head[1] & 0xFF) << 8];
            v1.in.readFully(body);
            var ack = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(body);
            assertThat(ack.getRegistrationAck().getAcceptance()).isTrue();
            JsonNode n = node(waitFor("/api/sapient/nodes", ns -> node(ns, v1.id) != null), v1.id);
            assertThat(n.path("icd_version").asText()).isEqualTo("BSI Flex 335 v1.0");
            assertThat(n.path("name").asText()).isEqualTo("Test Radar (Radar)");
            assertThat(n.path("modes").get(0).asText()).isEqualTo("test");

            HttpResponse<String> r = call("POST", "/api/sapient/nodes/" + v1.id + "/tasks",
                    "{\"command\":\"mode_change\",\"mode\":\"test\"}", operator);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            v1.in.readFully(head);
            body = new byte[(head[0] & 0xFF) | (head[1] & 0xFF) << 8];
            v1.in.readFully(body);
            var task = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(body);
            assertThat(task.getTask().getCommand().getModeChange()).isEqualTo("test");
            assertThat(task.getTask().getTaskId()).isEqualTo(JSON.readTree(r.body()).path("task_id").asText());
        }
    }

    @Test
    void withoutSapientTheListIsEmptyAndTasksAreRefused() throws Exception {
        SkydasServer plain = new SkydasServer(new ScenarioView(LivePipelineTest.square()), "memory", watch)
                .withLive(pipeline, List::of).start("127.0.0.1", 0);
        try {
            HttpResponse<String> list = WatchApiTest.send(plain.port(), "GET", "/api/sapient/nodes", operator, null);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(list.body()).size()).isZero();
            HttpResponse<String> task = WatchApiTest.send(plain.port(), "POST", "/api/sapient/nodes/x/tasks", operator,
                    "{\"command\":\"mode_change\",\"mode\":\"a\"}");
            assertThat(task.statusCode()).isEqualTo(404);
        } finally {
            plain.stop();
        }
    }
}
