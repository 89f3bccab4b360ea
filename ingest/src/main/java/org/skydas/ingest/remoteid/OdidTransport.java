package org.skydas.ingest.remoteid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.skydas.ingest.pcap.CapturedPacket;
import org.skydas.ingest.pcap.LinkLayer;
import org.skydas.ingest.pcap.LinkType;

/**
 * Finds Open Drone ID payloads in the frames that carry them: 802.11 beacons (vendor-specific element
 * with OUI FA:0B:BC, type 0x0D), 802.11 NAN service discovery frames (service ID
 * {@code 88 69 19 9D 92 09}), and Bluetooth LE advertisements, legacy or extended (service data AD
 * type 0x16, UUID 0xFFFA, application code 0x0D). Every length read from the frame is checked against
 * the bytes present; a frame that is too short simply yields nothing. Stateless.
 */
public final class OdidTransport {

    /** LINKTYPE_NORDIC_BLE: nRF Sniffer for Bluetooth LE. Not in the pcap package's table. */
    public static final int LINKTYPE_NORDIC_BLE = 272;

    private static final byte[] NAN_SERVICE_ID = {(byte) 0x88, 0x69, 0x19, (byte) 0x9D, (byte) 0x92, 0x09};

    private OdidTransport() {
    }

    /** Payloads of one captured frame, by its link type (802.11 with or without radiotap, BLE LL, Nordic BLE). */
    public static List<OdidPayload> fromCapturedPacket(CapturedPacket p) {
        byte[] d = p.data();
        int wifi = LinkLayer.ieee80211Offset(p.linkType(), d);
        if (wifi >= 0) {
            return fromIeee80211(d, wifi, d.length - wifi);
        }
        if (p.linkType() == LINKTYPE_NORDIC_BLE) {
            return fromNordicBle(d);
        }
        int ble = LinkLayer.bluetoothLeOffset(p.linkType(), d);
        if (ble >= 0) {
            Boolean crc = null;
            boolean coded = false;
            if (p.linkType() == LinkType.BLUETOOTH_LE_LL_WITH_PHDR) {
                int flags = (d[8] & 0xFF) | (d[9] & 0xFF) << 8;
                crc = (flags & 0x0400) != 0 ? (flags & 0x0800) != 0 : null;
                coded = ((flags >>> 14) & 3) == 2;
            }
            return fromBleLinkLayer(d, ble, d.length - ble, coded, crc);
        }
        return List.of();
    }

    /** The link-layer CRC verdict of a captured frame, null when the capture does not record one. */
    public static Boolean crcVerdict(CapturedPacket p) {
        byte[] d = p.data();
        if (p.linkType() == LINKTYPE_NORDIC_BLE) {
            return d.length > 8 ? (d[8] & 1) != 0 : null;
        }
        if (p.linkType() == LinkType.BLUETOOTH_LE_LL_WITH_PHDR && d.length >= 10) {
            int flags = (d[8] & 0xFF) | (d[9] & 0xFF) << 8;
            return (flags & 0x0400) != 0 ? (flags & 0x0800) != 0 : null;
        }
        return null;
    }

    /** 802.11 management frame (MAC header first): beacon or probe response vendor element, or NAN action frame. */
    public static List<OdidPayload> fromIeee80211(byte[] d, int off, int len) {
        if (len < 24) {
            return List.of();
        }
        int fc = d[off] & 0xFF;
        int type = (fc >>> 2) & 3;
        int subtype = fc >>> 4;
        if (type != 0) {
            return List.of();
        }
        int end = off + len;
        if (subtype == 8 || subtype == 5) { // beacon, probe response: 12 bytes of fixed fields, then elements
            return beaconElements(d, off + 36, end);
        }
        if (subtype == 13) { // action
            return nanActionFrame(d, off + 24, end);
        }
        return List.of();
    }

    private static List<OdidPayload> beaconElements(byte[] d, int p, int end) {
        List<OdidPayload> out = new ArrayList<>(1);
        while (p + 2 <= end) {
            int id = d[p] & 0xFF;
            int elen = d[p + 1] & 0xFF;
            int body = p + 2;
            if (body + elen > end) {
                break; // truncated element (or an FCS we misread as one): stop, keep what we found
            }
            if (id == 0xDD && elen >= 5 && (d[body] & 0xFF) == 0xFA && (d[body + 1] & 0xFF) == 0x0B
                    && (d[body + 2] & 0xFF) == 0xBC && d[body + 3] == 0x0D) {
                out.add(new OdidPayload(OdidPayload.WIFI_BEACON, null, d[body + 4] & 0xFF, cut(d, body + 5, body + elen)));
            }
            p = body + elen;
        }
        return out;
    }

    /** Public action frame, vendor specific, Wi-Fi Alliance OUI 50:6F:9A type 0x13 (NAN), then NAN attributes. */
    private static List<OdidPayload> nanActionFrame(byte[] d, int p, int end) {
        if (p + 6 > end || d[p] != 0x04 || d[p + 1] != 0x09 || d[p + 2] != 0x50 || d[p + 3] != 0x6F
                || (d[p + 4] & 0xFF) != 0x9A || d[p + 5] != 0x13) {
            return List.of();
        }
        List<OdidPayload> out = new ArrayList<>(1);
        p += 6;
        while (p + 3 <= end) {
            int id = d[p] & 0xFF;
            int alen = (d[p + 1] & 0xFF) | (d[p + 2] & 0xFF) << 8;
            int body = p + 3;
            if (body + alen > end) {
                break;
            }
            if (id == 0x03 && alen >= 9 && Arrays.equals(d, body, body + 6, NAN_SERVICE_ID, 0, 6)) {
                OdidPayload found = serviceDescriptor(d, body, body + alen);
                if (found != null) {
                    out.add(found);
                }
            }
            p = body + alen;
        }
        return out;
    }

    /** NAN Service Descriptor attribute: service ID, instance, requestor, control, then the optional fields it announces. */
    private static OdidPayload serviceDescriptor(byte[] d, int p, int end) {
        int control = d[p + 8] & 0xFF;
        int q = p + 9;
        if ((control & 0x40) != 0) { // binding bitmap
            q += 2;
        }
        if ((control & 0x04) != 0) { // matching filter
            if (q >= end) {
                return null;
            }
            q += 1 + (d[q] & 0xFF);
        }
        if ((control & 0x08) != 0) { // service response filter
            if (q >= end) {
                return null;
            }
            q += 1 + (d[q] & 0xFF);
        }
        if ((control & 0x10) == 0 || q >= end) { // no service info
            return null;
        }
        int infoLen = d[q] & 0xFF;
        int info = q + 1;
        if (infoLen < 2 || info + infoLen > end) {
            return null;
        }
        return new OdidPayload(OdidPayload.WIFI_NAN, null, d[info] & 0xFF, cut(d, info + 1, info + infoLen));
    }

    /**
     * Nordic nRF Sniffer frame: board id, 6-byte packet header, then the event header whose first byte
     * is its own length (flags, channel, RSSI, event counter, timestamp); flags bit 0 = CRC OK, bits
     * 4..6 = PHY (2 = LE Coded, whose packets carry a coding-indicator byte after the access address).
     */
    static List<OdidPayload> fromNordicBle(byte[] d) {
        if (d.length < 9) {
            return List.of();
        }
        int eventHeader = d[7] & 0xFF;
        int ll = 7 + eventHeader;
        if (eventHeader < 2 || ll >= d.length) {
            return List.of();
        }
        int flags = d[8] & 0xFF;
        boolean crcOk = (flags & 1) != 0;
        boolean coded = ((flags >>> 4) & 7) == 2;
        return fromBleLinkLayer(d, ll, d.length - ll, coded, crcOk);
    }

    /** A BLE link-layer advertising packet (access address first). */
    public static List<OdidPayload> fromBleLinkLayer(byte[] d, int off, int len, boolean coded, Boolean crcOk) {
        int p = off + 4 + (coded ? 1 : 0);
        int end = off + len;
        if (p + 2 > end) {
            return List.of();
        }
        int pduType = d[p] & 0x0F;
        int pduLen = d[p + 1] & 0xFF;
        int body = p + 2;
        int bodyEnd = Math.min(body + pduLen, end);
        int adv;
        switch (pduType) {
            case 0, 2, 4, 6 -> adv = body + 6; // ADV_IND, ADV_NONCONN_IND, SCAN_RSP, ADV_SCAN_IND: AdvA then data
            case 7 -> { // ADV_EXT_IND / AUX_ADV_IND / AUX_CHAIN_IND: extended header, then data
                if (body >= bodyEnd) {
                    return List.of();
                }
                adv = body + 1 + (d[body] & 0x3F);
            }
            default -> {
                return List.of();
            }
        }
        if (adv > bodyEnd) {
            return List.of();
        }
        return fromBleAdvData(d, adv, bodyEnd - adv, crcOk);
    }

    /** AD structures (length, type, data)* of an advertisement. */
    public static List<OdidPayload> fromBleAdvData(byte[] d, int off, int len, Boolean crcOk) {
        List<OdidPayload> out = new ArrayList<>(1);
        int p = off;
        int end = off + len;
        while (p + 1 < end) {
            int adLen = d[p] & 0xFF;
            if (adLen == 0) {
                break; // padding
            }
            int body = p + 1;
            int adEnd = Math.min(body + adLen, end); // a truncated structure is read as far as it goes
            if (adEnd - body >= 5 && d[body] == 0x16 && (d[body + 1] & 0xFF) == 0xFA && (d[body + 2] & 0xFF) == 0xFF
                    && d[body + 3] == 0x0D) {
                out.add(new OdidPayload(OdidPayload.BLE, crcOk, d[body + 4] & 0xFF, cut(d, body + 5, adEnd)));
            }
            p = body + adLen;
        }
        return out;
    }

    /** The message (25 bytes) or pack (3 + N × 25 bytes) at {@code from}, or all bytes up to {@code to} if fewer. */
    private static byte[] cut(byte[] d, int from, int to) {
        int n = to - from;
        if (n >= 3 && (d[from] & 0xF0) == 0xF0) {
            int want = 3 + (d[from + 2] & 0xFF) * OdidDecoder.MESSAGE_SIZE;
            n = Math.min(n, want);
        } else if (n > OdidDecoder.MESSAGE_SIZE) {
            n = OdidDecoder.MESSAGE_SIZE;
        }
        return Arrays.copyOfRange(d, from, from + n);
    }
}
