package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.alert.RuleKind;
import org.skydas.geo.Lks94;
import org.skydas.ingest.sapient.SapientCodec;
import org.skydas.ingest.sapient.SapientFrames;
import org.skydas.model.TargetKind;
import org.skydas.model.demo.DemoScenario;
import org.skydas.store.ScenarioStore;
import org.skydas.testkit.SharedData;

import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.DetectionReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/**
 * A SAPIENT counter-drone radar node over TCP against {@code serve --sapient-port}: it registers with the Dstl ASM
 * simulator's default registration and is acknowledged; a message with a bad object ULID gets an Error reply and
 * the session goes on; its status report puts it on the BY border; detection reports of a rotary-wing UAV flying
 * from Belarus into Lithuania become one drone track, and the rules raise a drone_incursion alert.
 */
class SapientNodeEndToEndTest {

    @TempDir
    static Path dir;
    static Path scenario;

    @BeforeAll
    static void writeDemo() throws Exception {
        BorderCrossingEndToEndTest.dir = dir;
        BorderCrossingEndToEndTest.writeDemo();
        scenario = BorderCrossingEndToEndTest.scenarioFile;
    }

    static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    static void send(OutputStream out, SapientMessage m) throws Exception {
        out.write(SapientFrames.frame(m.toByteArray()));
        out.flush();
    }

    static SapientMessage read(InputStream in) throws Exception {
        DataInputStream d = new DataInputStream(in);
        byte[] head = new byte[4];
        d.readFully(head);
        int n = (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | (head[3] & 0xFF) << 24;
        byte[] body = new byte[n];
        d.readFully(body);
        return SapientMessage.parseFrom(body);
    }

    static Location wgs84(Coordinate grid, double z) {
        Coordinate ll = Lks94.toWgs84(grid.x, grid.y);
        return Location.newBuilder().setX(ll.x).setY(ll.y).setZ(z).setXError(0.0001).setYError(0.0001)
                .setCoordinateSystem(LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                .setDatum(LocationDatum.LOCATION_DATUM_WGS84_E).build();
    }

    @Test
    void aRadarNodeRegistersReportsAndItsDroneRaisesAnIncursion() throws Exception {
        String registrationJson = Files.readString(SharedData.require(
                "data/protocols/sapient/samples/bsi_flex_335_v2_0/dstl-test-harness/simulator-defaults/Default.Registration.json"));
        String node = UUID.randomUUID().toString();
        Path data = dir.resolve("data");
        try (ServeCommand.Running r = ServeCommand.start(scenario, "127.0.0.1", 0, data, null,
                new Feeds.Ports(-1, -1, -1, null, null, -1, null, null).withSensorStandards(0, -1, -1), -1, 0.2,
                TerrainFiles.NONE)) {
            List<RuleKind> alerts = new CopyOnWriteArrayList<>();
            r.watch().onAlertCommitted(c -> alerts.add(c.alert().rule()));
            List<Coordinate> path = BorderCrossingEndToEndTest.walkAcross();
            Instant t0 = Instant.now().minusSeconds(2L * path.size());
            try (Socket s = new Socket("127.0.0.1", r.feeds().sapientPort())) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                SapientMessage.Builder reg = SapientCodec.parseJson(registrationJson, false).toBuilder()
                        .setNodeId(node).setTimestamp(ts(t0)).clearDestinationId();
                send(out, reg.build());
                SapientMessage ack = read(in);
                assertThat(ack.hasRegistrationAck()).isTrue();
                assertThat(ack.getRegistrationAck().getAcceptance()).isTrue();
                assertThat(ack.getDestinationId()).isEqualTo(node);

                Coordinate site = path.get(path.size() - 1);
                send(out, SapientMessage.newBuilder().setTimestamp(ts(t0)).setNodeId(node)
                        .setStatusReport(StatusReport.newBuilder().setReportId("01J0000000000000000000000A")
                                .setSystem(StatusReport.System.SYSTEM_OK).setInfo(StatusReport.Info.INFO_NEW).setMode("default")
                                .setNodeLocation(wgs84(site, 150))).build());
                // A damaged report: its object id is no ULID. Refused with an Error; the session goes on.
                SapientMessage bad = detection(node, t0, path.get(0), "not-a-ulid");
                send(out, bad);
                SapientMessage error = read(in);
                assertThat(error.hasError()).isTrue();
                assertThat(error.getError().getErrorMessageList()).anyMatch(m -> m.contains("object_id: not a ULID"));
                assertThat(error.getError().getPacket().toByteArray()).isEqualTo(bad.toByteArray());

                for (int i = 0; i < path.size(); i++) {
                    send(out, detection(node, t0.plusSeconds(2L * i), path.get(i), "01J00000000000000000000DR1"));
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!alerts.contains(RuleKind.DRONE_INCURSION) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            assertThat(alerts).contains(RuleKind.DRONE_INCURSION);
            assertThat(r.pipeline().tracks()).anyMatch(t -> ("sapient:" + node + ":01J00000000000000000000DR1")
                    .equals(t.externalId()) && t.mostLikelyClass() == TargetKind.DRONE);
            assertThat(r.feeds().stats()).anyMatch(st -> st.name().equals("sapient")
                    && st.malformedByReason().equals(java.util.Map.of("invalid message", 1L)));
            assertThat(r.feeds().sapientFeed().nodes()).containsKey(node);
        }
    }

    static SapientMessage detection(String node, Instant t, Coordinate grid, String objectId) {
        return SapientMessage.newBuilder().setTimestamp(ts(t)).setNodeId(node)
                .setDetectionReport(DetectionReport.newBuilder()
                        .setReportId(String.format("01J%023d", t.getEpochSecond() % 100_000_000L)).setObjectId(objectId)
                        .setLocation(wgs84(grid, 200)).setDetectionConfidence(0.9f)
                        .addClassification(DetectionReport.DetectionReportClassification.newBuilder().setType("Air Vehicle")
                                .setConfidence(0.9f).addSubClass(DetectionReport.SubClass.newBuilder()
                                        .setType("UAV Rotary Wing").setLevel(1).setConfidence(0.85f))))
                .build();
    }
}
