package org.skydas.ingest.sapient;

import java.util.List;

import org.skydas.ingest.DecodeException;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * SAPIENT BSI Flex 335 v2.0 messages in and out: binary protobuf (the TCP payload) and proto3 canonical JSON
 * (the Dstl fixtures, {@code skydas decode sapient}), each parsed and then validated ({@link SapientValidator}). A
 * message that does not parse or does not validate is a {@link DecodeException} whose message starts with the
 * class of the fault ({@code invalid protobuf}, {@code invalid JSON}, {@code invalid message}) and then names the
 * fields.
 */
public final class SapientCodec {

    /** The ICD version string a v2.0 Registration carries. */
    public static final String ICD_V2 = "BSI Flex 335 v2.0";

    private static final JsonFormat.Parser STRICT_JSON = JsonFormat.parser();
    private static final JsonFormat.Parser LENIENT_JSON = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final SapientValidator validator = new SapientValidator(ICD_V2);

    /** Parses a binary message without validating it. */
    public static SapientMessage parse(byte[] bytes) throws DecodeException {
        try {
            return SapientMessage.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new DecodeException("invalid protobuf: " + oneLine(e.getMessage()));
        }
    }

    /** Parses proto3 JSON; {@code lenient} ignores unknown fields (the harness's obsolete detectionLocation). */
    public static SapientMessage parseJson(String json, boolean lenient) throws DecodeException {
        SapientMessage.Builder b = SapientMessage.newBuilder();
        try {
            (lenient ? LENIENT_JSON : STRICT_JSON).merge(json, b);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new DecodeException("invalid JSON: " + oneLine(e.getMessage()));
        }
        return b.build();
    }

    /** The problems of a parsed message (empty when valid). */
    public List<String> problems(SapientMessage m) {
        return validator.validate(m);
    }

    /** The problems of a binary message that parsed, read from its bytes (fast; the same as {@link #problems}). */
    public List<String> wireProblems(byte[] bytes) {
        return validator.validateWire(SapientMessage.getDescriptor(), bytes);
    }

    /** Parses and validates a binary message. */
    public SapientMessage decode(byte[] bytes) throws DecodeException {
        SapientMessage m = parse(bytes);
        List<String> problems = wireProblems(bytes);
        if (!problems.isEmpty()) {
            throw new DecodeException("invalid message: " + String.join("; ", problems.subList(0, Math.min(8, problems.size()))));
        }
        return m;
    }

    /** Parses and validates a JSON message. */
    public SapientMessage decodeJson(String json) throws DecodeException {
        return validated(parseJson(json, false));
    }

    private SapientMessage validated(SapientMessage m) throws DecodeException {
        List<String> problems = validator.validate(m);
        if (!problems.isEmpty()) {
            throw new DecodeException("invalid message: " + String.join("; ", problems.subList(0, Math.min(8, problems.size()))));
        }
        return m;
    }

    /** Proto3 canonical JSON on one line (a v2.0 or a v1.0 message). */
    public static String toJson(com.google.protobuf.MessageOrBuilder m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a parsed message always prints", e);
        }
    }

    /** Whether {@code s} is a UUID as the standard's {@code is_uuid} fields need. */
    public static boolean isUuid(String s) {
        return SapientValidator.isUuid(s);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown";
        }
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 160 ? t.substring(0, 160) : t;
    }
}
