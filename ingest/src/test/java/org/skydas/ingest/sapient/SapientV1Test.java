package org.skydas.ingest.sapient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.testkit.SharedData;

import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * SAPIENT BSI Flex 335 v1.0: the shared v1.0 samples (Dstl Apex's tests) parse with the v1.0 classes and convert to the
 * v2.0 form the rest of Skydas reads, field by field; a v1.0 node's session (its registration names v1.0) is answered
 * in v1.0, its reports are handed on in v2.0, its faults refused; a task converts to v1.0.
 */
class SapientV1Test {

    static final String DIR = "data/protocols/sapient/samples/bsi_flex_335_v1_0/dstl-apex/";

    static uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage sample(String name) throws Exception {
        return SapientV1.parseJson(Files.readString(SharedData.require(DIR + name)));
    }

    @Test
    void everyV1SampleParsesAsV1AndTheChangedOnesDoNotAsV2() throws Exception {
        for (String name : List.of("alert_proto.json", "detection_proto.json", "registration_proto.json",
                "status_proto.json", "task_proto.json")) {
            assertThat(sample(name).getContentCase().getNumber()).as(name).isPositive();
        }
        // As the notes say: v2.0 made these repeated, so the v1.0 JSON is not v2.0 JSON.
        for (String name : List.of("registration_proto.json", "status_proto.json")) {
            String json = Files.readString(SharedData.require(DIR + name));
            assertThatThrownBy(() -> SapientCodec.parseJson(json, false)).isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void theSamplesConvertToV2FieldByField() throws Exception {
        SapientMessage d = SapientV1.toV2(sample("detection_proto.json"));
        assertThat(d.getNodeId()).isEqualTo("b5546692-a0cc-4846-a36c-4b7098eae08e");
        assertThat(d.getDetectionReport().getReportId()).isEqualTo("01H7SS2G2HFG5EP09GYC8YP69C");
        assertThat(d.getDetectionReport().getObjectId()).isEqualTo("01H7SS2G2H7PQPQ6F1MMCF9BT5");
        assertThat(d.getDetectionReport().getLocation().getX()).isEqualTo(37.0);
        assertThat(d.getDetectionReport().getLocation().getY()).isEqualTo(53.0);
        assertThat(d.getDetectionReport().getDetectionConfidence()).isEqualTo(0.9f);
        assertThat(d.getDetectionReport().getClassificationList()).extracting(c -> c.getType() + "@" + c.getConfidence())
                .containsExactly("Human@0.8", "Unknown@0.2");
        assertThat(d.getDetectionReport().getColour()).isEqualTo("blue");
        assertThat(SapientV1.problems(d)).isEmpty();

        SapientMessage s = SapientV1.toV2(sample("status_proto.json"));
        assertThat(s.getStatusReport().getNodeLocation().getX()).isEqualTo(603885.0);
        assertThat(s.getStatusReport().getFieldOfView().getRangeBearing().getRange()).isEqualTo(300.0);
        assertThat(s.getStatusReport().getFieldOfView().getRangeBearing().getHorizontalExtent()).isEqualTo(360.0);
        // v1.0's one coverage area (field 9) is v2.0's first of several (field 12), and nothing is left unread.
        assertThat(s.getStatusReport().getCoverageCount()).isEqualTo(1);
        assertThat(s.getStatusReport().getCoverage(0).getLocationList().getLocationsList())
                .extracting(l -> l.getX() + "," + l.getY()).containsExactly("20.0,30.0", "30.0,40.0");
        assertThat(s.getStatusReport().getUnknownFields().hasField(9)).isFalse();

        SapientMessage r = SapientV1.toV2(sample("registration_proto.json"));
        Registration reg = r.getRegistration();
        assertThat(reg.getIcdVersion()).isEqualTo(SapientV1.ICD_V1);
        assertThat(reg.getName()).isEqualTo("Test Radar");
        assertThat(reg.getNodeDefinition(0).getNodeType()).isEqualTo(Registration.NodeType.NODE_TYPE_OTHER);
        assertThat(SapientTasks.modes(reg)).containsExactly("test");
        assertThat(reg.getModeDefinition(0).getTask().getCommandList()).extracting(Registration.Command::getType)
                .contains(Registration.CommandType.COMMAND_TYPE_LOOK_AT);
        assertThat(reg.getModeDefinition(0).getDetectionDefinition(0).getLocationType().getRangeBearingUnits().name())
                .isEqualTo("RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_M");

        SapientMessage a = SapientV1.toV2(sample("alert_proto.json"));
        assertThat(a.getAlert().getAlertId()).isEqualTo("01H7W2E6EPC2HSPE53XJJNH1EZ");
        assertThat(a.getAlert().getPriority().name()).isEqualTo("DISCRETE_PRIORITY_LOW");
        assertThat(a.getAlert().getAdditionalInformation()).isEqualTo("nothing to add");
        // The Apex fragment's node id "1" is no UUID: a session would refuse it.
        assertThat(SapientV1.problems(a)).containsExactly("node_id: not a UUID");

        assertThat(SapientV1.toV2(sample("task_proto.json")).getTask().getCommand().getModeChange()).isEqualTo("Test");
    }

    static Timestamp now() {
        Instant t = Instant.now();
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    @Test
    void aV1NodesSessionIsAnsweredInV1AndHandsOnV2() throws Exception {
        String fusion = UUID.randomUUID().toString();
        String node = UUID.randomUUID().toString();
        SapientSession session = new SapientSession(new SapientCodec(), fusion);
        // The sample has no envelope: the node gives its id and time.
        byte[] reg = sample("registration_proto.json").toBuilder().setNodeId(node).setTimestamp(now()).build().toByteArray();
        SapientSession.Outcome out = session.handle(reg, Instant.now());
        assertThat(out.refusal()).isNull();
        assertThat(session.icdVersion()).isEqualTo(SapientV1.ICD_V1);
        var ack = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(session.wire(out.replies().get(0)));
        assertThat(ack.getRegistrationAck().getAcceptance()).isTrue();
        assertThat(ack.getDestinationId()).isEqualTo(node);
        assertThat(out.report().message().getRegistration().getName()).isEqualTo("Test Radar");
        assertThat(out.report().receivedJson()).contains("\"icdVersion\":\"BSI Flex 335 v1.0\"");

        var detection = sample("detection_proto.json").toBuilder().setNodeId(node).setTimestamp(now());
        detection.getDetectionReportBuilder().getLocationBuilder()
                .setCoordinateSystem(uk.gov.dstl.sapientmsg.bsiflex335v1.LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                .setDatum(uk.gov.dstl.sapientmsg.bsiflex335v1.LocationDatum.LOCATION_DATUM_WGS84_E);
        out = session.handle(detection.build().toByteArray(), Instant.now());
        assertThat(out.refusal()).isNull();
        assertThat(out.replies()).isEmpty();
        SapientMessage v2 = out.report().message();
        assertThat(v2.getDetectionReport().getLocation().getCoordinateSystem().name())
                .isEqualTo("LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M");
        assertThat(v2.getDetectionReport().getLocation().getY()).isEqualTo(53.0);
        assertThat(out.report().node().nodeId()).isEqualTo(node);

        var alert = sample("alert_proto.json").toBuilder().setNodeId(node).setTimestamp(now()).build();
        out = session.handle(alert.toByteArray(), Instant.now());
        assertThat(out.refusal()).isNull();
        var alertAck = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(session.wire(out.replies().get(0)));
        assertThat(alertAck.getAlertAck().getAlertId()).isEqualTo("01H7W2E6EPC2HSPE53XJJNH1EZ");
        assertThat(alertAck.getAlertAck().getAlertStatus().name()).isEqualTo("ALERT_STATUS_ACCEPTED");

        // A fault: refused with a v1.0 Error naming it (v1.0 has one error text), the session goes on.
        var bad = detection.clone();
        bad.getDetectionReportBuilder().setObjectId("not-a-ulid");
        out = session.handle(bad.build().toByteArray(), Instant.now());
        assertThat(out.refusal()).isEqualTo("invalid message");
        var error = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(session.wire(out.replies().get(0)));
        assertThat(error.getError().getErrorMessage()).contains("detection_report.object_id: not a ULID");
        assertThat(session.handle(detection.build().toByteArray(), Instant.now()).refusal()).isNull();

        // An operator's task reaches it in v1.0.
        SapientMessage task = SapientTasks.task(fusion, node, Ulid.next(), Instant.now(),
                new SapientTasks.LookAt(25.3, 54.6, 150), "op");
        var v1Task = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(session.wire(task));
        var at = v1Task.getTask().getCommand().getLookAt().getLocationList().getLocations(0);
        assertThat(at.getX()).isEqualTo(25.3);
        assertThat(at.getY()).isEqualTo(54.6);
        assertThat(v1Task.getTask().getTaskId()).isEqualTo(task.getTask().getTaskId());

        // Its answer, with v1.0's one reason (field 3), is handed on with v2.0's reasons (field 5).
        var answer = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.newBuilder().setNodeId(node).setTimestamp(now())
                .setTaskAck(uk.gov.dstl.sapientmsg.bsiflex335v1.TaskAck.newBuilder().setTaskId(task.getTask().getTaskId())
                        .setTaskStatus(uk.gov.dstl.sapientmsg.bsiflex335v1.TaskAck.TaskStatus.TASK_STATUS_REJECTED)
                        .setReason("no such mode")).build();
        out = session.handle(answer.toByteArray(), Instant.now());
        assertThat(out.refusal()).isNull();
        assertThat(out.report().message().getTaskAck().getReasonList()).containsExactly("no such mode");
        assertThat(out.report().message().getTaskAck().getUnknownFields().asMap()).isEmpty();
        assertThat(out.report().message().getTaskAck().getTaskStatus().name()).isEqualTo("TASK_STATUS_REJECTED");
    }

    @Test
    void aRefusedV1RegistrationHearsItsReasonsInV1() throws Exception {
        SapientSession session = new SapientSession(new SapientCodec(), UUID.randomUUID().toString());
        var reg = sample("registration_proto.json").toBuilder().setNodeId("not-a-uuid").setTimestamp(now());
        reg.getRegistrationBuilder().clearNodeDefinition();
        SapientSession.Outcome out = session.handle(reg.build().toByteArray(), Instant.now());
        assertThat(out.refusal()).isEqualTo("registration refused");
        var ack = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(session.wire(out.replies().get(0)));
        assertThat(ack.getRegistrationAck().getAcceptance()).isFalse();
        assertThat(ack.getRegistrationAck().getAckResponseReason())
                .isEqualTo("node_id: not a UUID; registration.node_definition: empty");
    }

    @Test
    void v1StatusTextsBecomeV2Enumerations() {
        var v1 = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.newBuilder().setNodeId(UUID.randomUUID().toString())
                .setTimestamp(now()).setStatusReport(uk.gov.dstl.sapientmsg.bsiflex335v1.StatusReport.newBuilder()
                        .setReportId("01H7SRX8VQ0CCV2AQ8TCXVJ1KD")
                        .setSystem(uk.gov.dstl.sapientmsg.bsiflex335v1.StatusReport.System.SYSTEM_WARNING)
                        .addStatus(uk.gov.dstl.sapientmsg.bsiflex335v1.StatusReport.Status.newBuilder()
                                .setStatusType("Internal Fault").setStatusValue("fan"))
                        .addStatus(uk.gov.dstl.sapientmsg.bsiflex335v1.StatusReport.Status.newBuilder()
                                .setStatusType("Sea state"))
                        .setPower(uk.gov.dstl.sapientmsg.bsiflex335v1.StatusReport.Power.newBuilder().setSource("Solar PV")
                                .setStatus("Fault").setLevel(40)))
                .build();
        var s = SapientV1.toV2(v1).getStatusReport();
        assertThat(s.getStatus(0).getStatusType().name()).isEqualTo("STATUS_TYPE_INTERNAL_FAULT");
        assertThat(s.getStatus(0).getStatusValue()).isEqualTo("fan");
        assertThat(s.getStatus(1).getStatusType().name()).isEqualTo("STATUS_TYPE_OTHER");
        assertThat(s.getPower().getSource().name()).isEqualTo("POWERSOURCE_SOLAR_PV");
        assertThat(s.getPower().getStatus().name()).isEqualTo("POWERSTATUS_FAULT");
        assertThat(s.getPower().getLevel()).isEqualTo(40);
        assertThat(s.getUnknownFields().asMap()).isEmpty();
        assertThat(s.getPower().getUnknownFields().asMap()).isEmpty();
    }

    @Test
    void decodeReadsAV1FileThatIsNotV2Json(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path status = java.nio.file.Files.copy(SharedData.require(DIR + "status_proto.json"), dir.resolve("s.json"));
        List<String> out = new java.util.ArrayList<>();
        new SapientDumper().dump(status, out::add);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).contains("\"reportId\":\"01H7SRX8VQ0CCV2AQ8TCXVJ1KD\"").contains("\"coverage\":{");
        // The registration fragment has no envelope: refused for that, as v1.0.
        java.nio.file.Path reg = java.nio.file.Files.copy(SharedData.require(DIR + "registration_proto.json"), dir.resolve("r.json"));
        assertThatThrownBy(() -> new SapientDumper().dump(reg, x -> { })).isInstanceOf(DecodeException.class)
                .hasMessage("invalid message (v1.0): node_id: not a UUID; timestamp: missing");
    }

    @Test
    void aV1RegistrationOnAV2ConnectionAndAWrongVersionAreRefused() throws Exception {
        String node = UUID.randomUUID().toString();
        // A v1.0 registration that names v2.0 is checked as v2.0, and lacks what v2.0 requires.
        byte[] reg = sample("registration_proto.json").toBuilder().setNodeId(node).setTimestamp(now()).build().toByteArray();
        SapientSession v2 = new SapientSession(new SapientCodec(), UUID.randomUUID().toString());
        var wrong = sample("registration_proto.json").toBuilder().setNodeId(node).setTimestamp(now());
        wrong.getRegistrationBuilder().setIcdVersion("BSI Flex 335 v2.0");
        SapientSession.Outcome out = v2.handle(wrong.build().toByteArray(), Instant.now());
        assertThat(out.refusal()).isEqualTo("registration refused");
        assertThat(v2.icdVersion()).isNull();
        // Once a connection speaks v2.0, a v1.0 registration on it is refused.
        SapientMessage v2reg = SapientMessage.newBuilder().setNodeId(node).setTimestamp(now())
                .setRegistration(SapientRegistrations.sensor("r", "r", Registration.NodeType.NODE_TYPE_RADAR, "m", "m",
                        List.of("a"))).build();
        assertThat(v2.handle(v2reg.toByteArray(), Instant.now()).refusal()).isNull();
        assertThat(v2.icdVersion()).isEqualTo(SapientCodec.ICD_V2);
        assertThat(v2.handle(reg, Instant.now()).refusal()).isEqualTo("registration refused");
        assertThat(v2.icdVersion()).isEqualTo(SapientCodec.ICD_V2);
    }
}
