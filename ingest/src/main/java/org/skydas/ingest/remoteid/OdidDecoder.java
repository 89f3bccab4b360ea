package org.skydas.ingest.remoteid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.skydas.ingest.DecodeException;

/**
 * Decodes Open Drone ID messages (25 bytes, little-endian) and message packs, as found after the
 * message counter in Wi-Fi beacon/NAN and Bluetooth service data (see {@link OdidTransport}).
 * Every protocol version is decoded with the same layout (the layout is backward compatible by
 * design); unknown message types are kept as {@link OdidUnknown}. A pack whose header promises more
 * bytes than were received, a nested pack, or a message shorter than 25 bytes is refused with the
 * reason. Stateless and thread-safe.
 */
public final class OdidDecoder {

    public static final int MESSAGE_SIZE = 25;
    /** Most messages in a pack (ASTM F3411; Wi-Fi and BT5 both stay within it). */
    public static final int MAX_PACK_MESSAGES = 9;
    /** Seconds between the Unix epoch and 2019-01-01T00:00:00Z, the epoch of System and Authentication timestamps. */
    public static final long EPOCH_2019 = 1_546_300_800L;

    private static final HexFormat HEX = HexFormat.of();

    public OdidMessage decode(byte[] b) throws DecodeException {
        return decode(b, 0, b.length);
    }

    /** Decodes one message or pack from {@code b[offset, offset+length)}; trailing bytes after a single message are ignored. */
    public OdidMessage decode(byte[] b, int offset, int length) throws DecodeException {
        if (length < 1) {
            throw new DecodeException("empty Open Drone ID payload");
        }
        int type = (b[offset] & 0xFF) >>> 4;
        if (type == OdidMessage.TYPE_MESSAGE_PACK) {
            return decodePack(b, offset, length);
        }
        if (length < MESSAGE_SIZE) {
            throw new DecodeException("Open Drone ID message of " + length + " bytes, expected " + MESSAGE_SIZE);
        }
        return decodeMessage(b, offset);
    }

    private OdidMessagePack decodePack(byte[] b, int o, int length) throws DecodeException {
        if (length < 3) {
            throw new DecodeException("message pack header truncated (" + length + " bytes)");
        }
        int size = b[o + 1] & 0xFF;
        int count = b[o + 2] & 0xFF;
        if (size != MESSAGE_SIZE) {
            throw new DecodeException("message pack announces " + size + "-byte messages, expected 25");
        }
        if (count > MAX_PACK_MESSAGES) {
            throw new DecodeException("message pack announces " + count + " messages, at most " + MAX_PACK_MESSAGES);
        }
        if (3 + count * MESSAGE_SIZE > length) {
            throw new DecodeException("message pack announces " + count + " messages (" + (3 + count * MESSAGE_SIZE)
                    + " bytes) but only " + length + " bytes were received");
        }
        List<OdidMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = o + 3 + i * MESSAGE_SIZE;
            if ((b[at] & 0xFF) >>> 4 == OdidMessage.TYPE_MESSAGE_PACK) {
                throw new DecodeException("message pack nested in message " + i + " of a pack");
            }
            messages.add(decodeMessage(b, at));
        }
        return new OdidMessagePack(b[o] & 0x0F, messages);
    }

    /** One 25-byte message at {@code o}; the caller guarantees the 25 bytes exist. */
    private static OdidMessage decodeMessage(byte[] b, int o) {
        int type = (b[o] & 0xFF) >>> 4;
        int version = b[o] & 0x0F;
        int b1 = b[o + 1] & 0xFF;
        return switch (type) {
            case OdidMessage.TYPE_BASIC_ID -> new OdidBasicId(version, b1 >>> 4, b1 & 0x0F, ascii(b, o + 2, 20));
            case OdidMessage.TYPE_LOCATION -> location(b, o, version, b1);
            case OdidMessage.TYPE_AUTHENTICATION -> authentication(b, o, version, b1);
            case OdidMessage.TYPE_SELF_ID -> new OdidSelfId(version, b1, ascii(b, o + 2, 23));
            case OdidMessage.TYPE_SYSTEM -> system(b, o, version, b1);
            case OdidMessage.TYPE_OPERATOR_ID -> new OdidOperatorId(version, b1, ascii(b, o + 2, 20));
            default -> new OdidUnknown(version, type, HEX.formatHex(b, o, o + MESSAGE_SIZE));
        };
    }

    private static OdidLocation location(byte[] b, int o, int version, int b1) {
        int status = b1 >>> 4;
        int heightType = (b1 >>> 2) & 1;
        boolean west = (b1 & 2) != 0;
        boolean speedMult = (b1 & 1) != 0;
        int dirRaw = (b[o + 2] & 0xFF) + (west ? 180 : 0);
        double direction = dirRaw > 360 ? Double.NaN : dirRaw; // the encoders send 361 for "unknown"
        int speedRaw = b[o + 3] & 0xFF;
        double speed;
        if (speedMult) {
            speed = speedRaw == 255 ? Double.NaN : speedRaw * 0.75 + 63.75;
        } else {
            speed = speedRaw * 0.25;
        }
        int vRaw = b[o + 4]; // signed
        double vSpeed = vRaw == 126 ? Double.NaN : vRaw * 0.5; // 63 m/s means unknown
        int latRaw = i32(b, o + 5);
        int lonRaw = i32(b, o + 9);
        double lat = latRaw * 1e-7;
        double lon = lonRaw * 1e-7;
        if ((latRaw == 0 && lonRaw == 0) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            lat = Double.NaN; // 0/0 is "no position"; out of range is corrupt
            lon = Double.NaN;
        }
        int b19 = b[o + 19] & 0xFF;
        int b20 = b[o + 20] & 0xFF;
        int ts = u16(b, o + 21);
        int tsAcc = b[o + 23] & 0x0F;
        return new OdidLocation(version, status, heightType, direction, speed, vSpeed, lat, lon,
                altitude(u16(b, o + 13)), altitude(u16(b, o + 15)), altitude(u16(b, o + 17)),
                b19 & 0x0F, b19 >>> 4, b20 >>> 4, b20 & 0x0F,
                ts == 0xFFFF || ts > 36_000 ? -1 : ts, tsAcc == 0 ? Double.NaN : tsAcc * 0.1);
    }

    private static OdidAuthentication authentication(byte[] b, int o, int version, int b1) {
        int authType = b1 >>> 4;
        int page = b1 & 0x0F;
        if (page == 0) {
            long ts = u32(b, o + 4);
            return new OdidAuthentication(version, authType, 0, b[o + 2] & 0xFF, b[o + 3] & 0xFF,
                    ts == 0 ? null : Instant.ofEpochSecond(EPOCH_2019 + ts), HEX.formatHex(b, o + 8, o + 25));
        }
        return new OdidAuthentication(version, authType, page, -1, -1, null, HEX.formatHex(b, o + 2, o + 25));
    }

    private static OdidSystem system(byte[] b, int o, int version, int b1) {
        int latRaw = i32(b, o + 2);
        int lonRaw = i32(b, o + 6);
        double lat = latRaw * 1e-7;
        double lon = lonRaw * 1e-7;
        if ((latRaw == 0 && lonRaw == 0) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            lat = Double.NaN;
            lon = Double.NaN;
        }
        int b17 = b[o + 17] & 0xFF;
        long ts = u32(b, o + 20);
        return new OdidSystem(version, (b1 >>> 2) & 0x07, b1 & 0x03, lat, lon, u16(b, o + 10), (b[o + 12] & 0xFF) * 10.0,
                altitude(u16(b, o + 13)), altitude(u16(b, o + 15)), b17 >>> 4, b17 & 0x0F, altitude(u16(b, o + 18)),
                ts == 0 ? null : Instant.ofEpochSecond(EPOCH_2019 + ts));
    }

    /** Altitude coding shared by all messages: raw × 0.5 − 1000 m; raw 0 (−1000 m) means unknown. */
    static double altitude(int raw) {
        return raw == 0 ? Double.NaN : raw * 0.5 - 1000.0;
    }

    /** NUL-padded ASCII; anything after the first NUL is padding. Non-ASCII bytes become U+FFFD. */
    private static String ascii(byte[] b, int from, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = from; i < from + length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                break;
            }
            sb.append(c < 0x80 ? (char) c : '\uFFFD');
        }
        return sb.toString().strip();
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }

    static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }
}
