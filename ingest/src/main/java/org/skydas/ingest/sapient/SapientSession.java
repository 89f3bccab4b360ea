package org.skydas.ingest.sapient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.AlertAck;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Error;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RegistrationAck;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * Skydas as the SAPIENT fusion node on one connection: a sensor node registers ({@code Registration} →
 * {@code RegistrationAck}, accepted when valid, refused with the reasons when not), then sends status reports,
 * detection reports and alerts (each alert acknowledged with an {@code AlertAck}). A message that does not parse or
 * validate, or comes from a node that has not registered on this connection, is answered with an {@code Error}
 * carrying the offending bytes and the reasons; the connection stays open. A {@code TaskAck} (the node's answer to an
 * operator's task) is handed on to be recorded. Skydas sends no tasks from here: tasking is an operator's act through
 * the API, never automatic ({@link SapientTasks}).
 *
 * <p>The connection speaks the ICD version its registration names: BSI Flex 335 v2.0, or v1.0 ({@link SapientV1}: its
 * messages are parsed with the v1.0 classes and handed on in the v2.0 form, the replies go back in v1.0). A connection
 * keeps the version of its first accepted registration.
 *
 * <p>Pure: no I/O. {@link #handle} says what to answer, what to hand on and, for a refusal, the reason to count.
 */
public final class SapientSession {

    /**
     * What one incoming message leads to. {@code replies} are in the connection's version ({@link #wire}: bytes to
     * frame); {@code refusal} is the counted reason, or null when accepted.
     */
    public record Outcome(List<SapientMessage> replies, SapientReport report, String refusal) {
    }

    private final SapientCodec codec;
    private final String fusionNodeId;
    private SapientNode node;
    private volatile String icdVersion;
    /** The version the last message was read in: the refusal of a registration is answered in it. */
    private volatile String lastRead;

    /** @param fusionNodeId the UUID Skydas sends its replies from */
    public SapientSession(SapientCodec codec, String fusionNodeId) {
        this.codec = codec;
        this.fusionNodeId = fusionNodeId;
    }

    /** The registered node, or null before an accepted registration. */
    public SapientNode node() {
        return node;
    }

    /** The ICD version of the connection ({@link SapientCodec#ICD_V2} or {@link SapientV1#ICD_V1}), null before registration. */
    public String icdVersion() {
        return icdVersion;
    }

    /**
     * A message Skydas sends (in the v2.0 form) as bytes in this connection's version (before an accepted
     * registration: in the version of the message just read).
     */
    public byte[] wire(SapientMessage m) {
        String v = icdVersion != null ? icdVersion : lastRead;
        return SapientV1.ICD_V1.equals(v) ? SapientV1.toV1(m).toByteArray() : m.toByteArray();
    }

    public Outcome handle(byte[] frame, Instant now) {
        if (SapientV1.ICD_V1.equals(icdVersion)) {
            return handleV1(frame, now);
        }
        SapientMessage m;
        try {
            m = SapientCodec.parse(frame);
        } catch (DecodeException e) {
            // Before any registration a v1.0 node's first message may not read as v2.0 at all.
            lastRead = SapientCodec.ICD_V2;
            return icdVersion == null ? handleV1(frame, now) : refuse(frame, null, List.of(e.getMessage()),
                    "invalid protobuf", now);
        }
        if (icdVersion == null && m.hasRegistration() && SapientV1.ICD_V1.equals(m.getRegistration().getIcdVersion())) {
            return handleV1(frame, now);
        }
        return dispatch(m, m, frame, codec.wireProblems(frame), SapientCodec.ICD_V2, now);
    }

    private Outcome handleV1(byte[] frame, Instant now) {
        uk.gov.dstl.sapientmsg.bsiflex335v1.SapientMessage v1;
        lastRead = SapientV1.ICD_V1;
        try {
            v1 = SapientV1.parse(frame);
        } catch (DecodeException e) {
            return refuse(frame, null, List.of(e.getMessage()), "invalid protobuf", now);
        }
        SapientMessage m = SapientV1.toV2(v1);
        return dispatch(m, v1, frame, SapientV1.problems(m), SapientV1.ICD_V1, now);
    }

    /** {@code m}: the message in the v2.0 form; {@code received}: as sent; {@code version}: the rules it was checked by. */
    private Outcome dispatch(SapientMessage m, Message received, byte[] frame, List<String> problems, String version,
                             Instant now) {
        if (lastRead != version) { // a volatile write only when the version changes (the hot path reads)
            lastRead = version;
        }
        if (m.hasRegistration()) {
            if (!problems.isEmpty()) {
                return new Outcome(List.of(reply(m.getNodeId(), now).setRegistrationAck(RegistrationAck.newBuilder()
                        .setAcceptance(false).addAllAckResponseReason(clip(problems))).build()), null,
                        "registration refused");
            }
            icdVersion = version;
            node = new SapientNode(m.getNodeId(), m.getRegistration(), null);
            return new Outcome(List.of(reply(m.getNodeId(), now).setRegistrationAck(RegistrationAck.newBuilder()
                    .setAcceptance(true)).build()), new SapientReport(m, node, received), null);
        }
        if (!problems.isEmpty()) {
            return refuse(frame, m, problems, "invalid message", now);
        }
        if (node == null || !node.nodeId().equals(m.getNodeId())) {
            return refuse(frame, m, List.of("node " + clip(m.getNodeId()) + " has not registered on this connection"),
                    "not registered", now);
        }
        return switch (m.getContentCase()) {
            case STATUS_REPORT -> {
                node = new SapientNode(node.nodeId(), node.registration(), m.getStatusReport());
                yield new Outcome(List.of(), new SapientReport(m, node, received), null);
            }
            case DETECTION_REPORT -> new Outcome(List.of(), new SapientReport(m, node, received), null);
            case ALERT -> new Outcome(List.of(reply(m.getNodeId(), now).setAlertAck(AlertAck.newBuilder()
                    .setAlertId(m.getAlert().getAlertId()).setAlertAckStatus(AlertAck.AlertAckStatus.ALERT_ACK_STATUS_ACCEPTED))
                    .build()), new SapientReport(m, node, received), null);
            // The node's answer to an operator's task: handed on, to be recorded, audited and shown.
            case TASK_ACK -> new Outcome(List.of(), new SapientReport(m, node, received), null);
            // An error the node reports about something Skydas sent: nothing to hand on.
            case ERROR -> new Outcome(List.of(), null, null);
            default -> refuse(frame, m, List.of(m.getContentCase() + " is not for a fusion node to receive"),
                    "unexpected message", now);
        };
    }

    private Outcome refuse(byte[] frame, SapientMessage m, List<String> reasons, String counted, Instant now) {
        SapientMessage.Builder b = reply(m != null && SapientCodec.isUuid(m.getNodeId()) ? m.getNodeId() : null,
                now);
        b.setError(Error.newBuilder().setPacket(ByteString.copyFrom(frame, 0, Math.min(frame.length, 64 * 1024)))
                .addAllErrorMessage(clip(reasons)));
        return new Outcome(List.of(b.build()), null, counted);
    }

    private SapientMessage.Builder reply(String destination, Instant now) {
        SapientMessage.Builder b = SapientMessage.newBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setNodeId(fusionNodeId);
        if (destination != null && SapientCodec.isUuid(destination)) {
            b.setDestinationId(destination);
        }
        return b;
    }

    private static List<String> clip(List<String> reasons) {
        List<String> out = new ArrayList<>();
        for (String r : reasons.subList(0, Math.min(16, reasons.size()))) {
            out.add(clip(r));
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
