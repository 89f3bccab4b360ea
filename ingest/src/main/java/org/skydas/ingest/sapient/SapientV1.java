package org.skydas.ingest.sapient;

import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationOrRangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.TaskAck;

/**
 * BSI Flex 335 v1.0 nodes: their messages parsed with the v1.0 classes (generated from the shared v1.0 .protos,
 * {@code uk.gov.dstl.sapientmsg.bsiflex335v1}), checked, and converted to the v2.0 form that the rest of Skydas reads;
 * Skydas's replies and tasks converted back. The conversion goes through the wire format, since v2.0 kept the v1.0
 * field numbers and types it did not reserve; what v2.0 moved to new numbers is moved here, field by field: a status
 * report's {@code coverage} (9, one area → 12, repeated), its status types and power source and status (text →
 * enumerations, by name), a task acknowledgement's reason (3 → 5, repeated), and on the way back the reasons and
 * error texts of registration acknowledgements (2 ← 3), alert acknowledgements (status 2 ← 5, reason 3 ← 4) and
 * errors (2 ← 3). What v2.0 dropped (a command's name) is left behind.
 *
 * <p>The v1.0 .protos carry no validation options, so what a v1.0 message must hold is the short table of
 * {@link #problems}: what the session and the conversion rely on, with the v2.0 rule for the same field.
 */
public final class SapientV1 {

    /** The ICD version string a v1.0 Registration carries. */
    public static final String ICD_V1 = "BSI Flex 335 v1.0";

    private static final JsonFormat.Parser JSON = JsonFormat.parser();

    private SapientV1() {
    }

    /** Parses a binary v1.0 message. */
    public static uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage parse(byte[] bytes) throws DecodeException {
        try {
            return uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new DecodeException("invalid protobuf: " + oneLine(e.getMessage()));
        }
    }

    /** Parses a v1.0 message in proto3 JSON (unknown fields refused). */
    public static uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage parseJson(String json) throws DecodeException {
        var b = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.newBuilder();
        try {
            JSON.merge(json, b);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new DecodeException("invalid JSON: " + oneLine(e.getMessage()));
        }
        return b.build();
    }

    /** The v2.0 form of a v1.0 message. */
    public static SapientMessage toV2(uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage m) {
        SapientMessage.Builder b;
        try {
            b = SapientMessage.parseFrom(m.toByteArray()).toBuilder();
        } catch (InvalidProtocolBufferException e) {
            // A parsed v1.0 message always reads as v2.0: a field whose wire type differs is kept as unknown.
            throw new IllegalStateException("a v1.0 message did not read as v2.0", e);
        }
        if (m.hasStatusReport()) {
            statusToV2(m.getStatusReport(), b.getStatusReportBuilder());
        }
        if (m.hasTaskAck() && m.getTaskAck().hasReason()) {
            // v1.0 field 3 (one reason) is v2.0's repeated field 5.
            TaskAck.Builder t = b.getTaskAckBuilder();
            t.setUnknownFields(t.getUnknownFields().toBuilder().clearField(3).build());
            t.addReason(m.getTaskAck().getReason());
        }
        return b.build();
    }

    /** What v2.0 moved in a status report: the coverage (9 → 12), status types and power as enumerations, not text. */
    private static void statusToV2(uk.gov.dstl.sapientmsg.bsiflex335v1.StatusReport v1, StatusReport.Builder s) {
        var unknown = s.getUnknownFields().toBuilder();
        if (v1.hasCoverage()) {
            unknown.clearField(9);
            try {
                s.addCoverage(LocationOrRangeBearing.parseFrom(v1.getCoverage().toByteArray()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a v1.0 area did not read as v2.0", e);
            }
        }
        s.setUnknownFields(unknown.build());
        for (int i = 0; i < v1.getStatusCount() && i < s.getStatusCount(); i++) {
            StatusReport.Status.Builder st = s.getStatusBuilder(i);
            st.setUnknownFields(st.getUnknownFields().toBuilder().clearField(2).build());
            st.setStatusType(named(StatusReport.StatusType.class, "STATUS_TYPE_", v1.getStatus(i).getStatusType(),
                    StatusReport.StatusType.STATUS_TYPE_OTHER));
        }
        if (v1.hasPower() && s.hasPower()) {
            StatusReport.Power.Builder p = s.getPowerBuilder();
            p.setUnknownFields(p.getUnknownFields().toBuilder().clearField(1).clearField(2).build());
            if (v1.getPower().hasSource()) {
                p.setSource(named(StatusReport.PowerSource.class, "POWERSOURCE_", v1.getPower().getSource(),
                        StatusReport.PowerSource.POWERSOURCE_OTHER));
            }
            if (v1.getPower().hasStatus()) {
                p.setStatus(named(StatusReport.PowerStatus.class, "POWERSTATUS_", v1.getPower().getStatus(),
                        StatusReport.PowerStatus.POWERSTATUS_UNSPECIFIED));
            }
        }
    }

    /** The v2.0 value a v1.0 text names ("Internal Fault" → {@code STATUS_TYPE_INTERNAL_FAULT}), else {@code other}. */
    static <E extends Enum<E>> E named(Class<E> type, String prefix, String text, E other) {
        String name = prefix + text.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return other;
        }
    }

    /**
     * The v1.0 form of a message Skydas sends (a reply, an operator's task). The replies whose texts v2.0 made
     * repeated under new field numbers (registration and alert acknowledgements, errors) are written field by field,
     * their texts joined with "; "; the rest (a task) keeps its field numbers.
     */
    public static uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage toV1(SapientMessage m) {
        SapientMessage envelope = m.toBuilder().clearContent().build();
        uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.Builder b;
        try {
            b = uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage.parseFrom(
                    m.hasRegistrationAck() || m.hasAlertAck() || m.hasError() ? envelope.toByteArray() : m.toByteArray())
                    .toBuilder();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a v2.0 message did not read as v1.0", e);
        }
        if (m.hasRegistrationAck()) {
            var a = uk.gov.dstl.sapientmsg.bsiflex335v1.RegistrationAck.newBuilder()
                    .setAcceptance(m.getRegistrationAck().getAcceptance());
            if (m.getRegistrationAck().getAckResponseReasonCount() > 0) {
                a.setAckResponseReason(String.join("; ", m.getRegistrationAck().getAckResponseReasonList()));
            }
            b.setRegistrationAck(a);
        } else if (m.hasAlertAck()) {
            var a = uk.gov.dstl.sapientmsg.bsiflex335v1.AlertAck.newBuilder().setAlertId(m.getAlertAck().getAlertId())
                    .setAlertStatusValue(m.getAlertAck().getAlertAckStatusValue());
            if (m.getAlertAck().getReasonCount() > 0) {
                a.setReason(String.join("; ", m.getAlertAck().getReasonList()));
            }
            b.setAlertAck(a);
        } else if (m.hasError()) {
            b.setError(uk.gov.dstl.sapientmsg.bsiflex335v1.Error.newBuilder().setPacket(m.getError().getPacket())
                    .setErrorMessage(String.join("; ", m.getError().getErrorMessageList())));
        }
        return b.build();
    }

    /**
     * What a v1.0 message (in its v2.0 form) lacks: a UUID node id, a time and a content; a registration names v1.0
     * and at least one node type; status reports, detection reports, alerts and task acknowledgements carry their ULIDs,
     * a status report its system state, a detection report its location, a task acknowledgement its status.
     */
    public static List<String> problems(SapientMessage m) {
        List<String> p = new ArrayList<>();
        if (!SapientValidator.isUuid(m.getNodeId())) {
            p.add("node_id: not a UUID");
        }
        if (!m.hasTimestamp()) {
            p.add("timestamp: missing");
        }
        switch (m.getContentCase()) {
            case REGISTRATION -> {
                Registration r = m.getRegistration();
                if (!ICD_V1.equals(r.getIcdVersion())) {
                    p.add("registration.icd_version: not " + ICD_V1);
                }
                if (r.getNodeDefinitionCount() == 0) {
                    p.add("registration.node_definition: empty");
                }
                for (int i = 0; i < r.getNodeDefinitionCount(); i++) {
                    if (r.getNodeDefinition(i).getNodeType() == Registration.NodeType.NODE_TYPE_UNSPECIFIED) {
                        p.add("registration.node_definition[" + i + "].node_type: unspecified");
                    }
                }
            }
            case STATUS_REPORT -> {
                ulid(p, "status_report.report_id", m.getStatusReport().getReportId());
                if (m.getStatusReport().getSystem() == StatusReport.System.SYSTEM_UNSPECIFIED) {
                    p.add("status_report.system: unspecified");
                }
            }
            case DETECTION_REPORT -> {
                ulid(p, "detection_report.report_id", m.getDetectionReport().getReportId());
                ulid(p, "detection_report.object_id", m.getDetectionReport().getObjectId());
                if (!m.getDetectionReport().hasLocation() && !m.getDetectionReport().hasRangeBearing()) {
                    p.add("detection_report.location_oneof: missing");
                }
            }
            case ALERT -> ulid(p, "alert.alert_id", m.getAlert().getAlertId());
            case TASK_ACK -> {
                ulid(p, "task_ack.task_id", m.getTaskAck().getTaskId());
                if (m.getTaskAck().getTaskStatusValue() == 0) {
                    p.add("task_ack.task_status: unspecified");
                }
            }
            case CONTENT_NOT_SET -> p.add("content: missing");
            default -> {
                // acknowledgements, errors and tasks: the session decides what a fusion node does with them
            }
        }
        return p;
    }

    private static void ulid(List<String> p, String field, String v) {
        if (v.isEmpty()) {
            p.add(field + ": missing");
        } else if (!SapientValidator.isUlid(v)) {
            p.add(field + ": not a ULID");
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown";
        }
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 160 ? t.substring(0, 160) : t;
    }
}
