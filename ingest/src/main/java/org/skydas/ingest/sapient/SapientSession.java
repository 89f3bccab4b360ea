package org.skydas.ingest.sapient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.skydas.ingest.DecodeException;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.AlertAck;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Error;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RegistrationAck;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * Skydas as the SAPIENT fusion node on one connection (BSI Flex 335 v2.0): a sensor node registers
 * ({@code Registration} → {@code RegistrationAck}, accepted when valid, refused with the reasons when not), then
 * sends status reports, detection reports and alerts (each alert acknowledged with an {@code AlertAck}). A message
 * that does not parse or validate, or comes from a node that has not registered on this connection, is answered
 * with an {@code Error} carrying the offending bytes and the reasons; the connection stays open. Skydas sends no
 * tasks from here: tasking is an operator's act, never automatic.
 *
 * <p>Pure: no I/O. {@link #handle} says what to answer, what to hand on and, for a refusal, the reason to count.
 */
public final class SapientSession {

    /** What one incoming message leads to. {@code refusal} is the counted reason, or null when accepted. */
    public record Outcome(List<SapientMessage> replies, SapientReport report, String refusal) {
    }

    private final SapientCodec codec;
    private final String fusionNodeId;
    private SapientNode node;

    /** @param fusionNodeId the UUID Skydas sends its replies from */
    public SapientSession(SapientCodec codec, String fusionNodeId) {
        this.codec = codec;
        this.fusionNodeId = fusionNodeId;
    }

    /** The registered node, or null before an accepted registration. */
    public SapientNode node() {
        return node;
    }

    public Outcome handle(byte[] frame, Instant now) {
        SapientMessage m;
        try {
            m = SapientCodec.parse(frame);
        } catch (DecodeException e) {
            return refuse(frame, null, List.of(e.getMessage()), "invalid protobuf", now);
        }
        List<String> problems = codec.wireProblems(frame);
        if (m.hasRegistration()) {
            if (!problems.isEmpty()) {
                List<String> reasons = clip(problems);
                return new Outcome(List.of(reply(m.getNodeId(), now).setRegistrationAck(RegistrationAck.newBuilder()
                        .setAcceptance(false).addAllAckResponseReason(reasons)).build()), null, "registration refused");
            }
            node = new SapientNode(m.getNodeId(), m.getRegistration(), null);
            return new Outcome(List.of(reply(m.getNodeId(), now).setRegistrationAck(RegistrationAck.newBuilder()
                    .setAcceptance(true)).build()), new SapientReport(m, node), null);
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
                yield new Outcome(List.of(), new SapientReport(m, node), null);
            }
            case DETECTION_REPORT -> new Outcome(List.of(), new SapientReport(m, node), null);
            case ALERT -> new Outcome(List.of(reply(m.getNodeId(), now).setAlertAck(AlertAck.newBuilder()
                    .setAlertId(m.getAlert().getAlertId()).setAlertAckStatus(AlertAck.AlertAckStatus.ALERT_ACK_STATUS_ACCEPTED))
                    .build()), new SapientReport(m, node), null);
            // Acknowledgements, errors and tasks a sensor node has no business sending: answered, not handed on.
            case TASK_ACK, ERROR -> new Outcome(List.of(), null, null);
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
