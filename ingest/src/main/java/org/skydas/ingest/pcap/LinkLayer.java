package org.skydas.ingest.pcap;

/**
 * Where the interesting part of a frame starts, per link type. Each method returns an offset into
 * {@code data}, or -1 when the frame is too short or of another kind; none of them throws on bad input.
 */
public final class LinkLayer {

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;

    private LinkLayer() {
    }

    /**
     * Offset of the 802.11 MAC header in a frame of link type {@link LinkType#IEEE802_11},
     * {@link LinkType#IEEE802_11_RADIOTAP} (radiotap {@code it_len}, little-endian), {@link LinkType#PPI}
     * ({@code pph_len}, little-endian) or {@link LinkType#IEEE802_11_PRISM} (fixed 144 bytes).
     */
    public static int ieee80211Offset(int linkType, byte[] data) {
        int n = data.length;
        return switch (linkType) {
            case LinkType.IEEE802_11 -> 0;
            case LinkType.IEEE802_11_RADIOTAP, LinkType.PPI -> {
                if (n < 4) {
                    yield -1;
                }
                int len = (data[2] & 0xFF) | ((data[3] & 0xFF) << 8);
                yield len >= 4 && len <= n ? len : -1;
            }
            case LinkType.IEEE802_11_PRISM -> n >= 144 ? 144 : -1;
            default -> -1;
        };
    }

    /**
     * Offset of the Bluetooth LE link-layer packet (access address first) in a frame of link type
     * {@link LinkType#BLUETOOTH_LE_LL} or {@link LinkType#BLUETOOTH_LE_LL_WITH_PHDR} (10-byte pseudo-header:
     * RF channel, signal, noise, access-address offenses, reference access address, flags) or
     * {@link LinkType#NORDIC_BLE} (nRF Sniffer: 7-byte board/UART header, then a packet header whose first byte
     * is its own length, typically 10).
     */
    public static int bluetoothLeOffset(int linkType, byte[] data) {
        return switch (linkType) {
            case LinkType.BLUETOOTH_LE_LL -> data.length >= 4 ? 0 : -1;
            case LinkType.BLUETOOTH_LE_LL_WITH_PHDR -> data.length >= 14 ? 10 : -1;
            case LinkType.NORDIC_BLE -> {
                if (data.length < 8) {
                    yield -1;
                }
                int offset = 7 + (data[7] & 0xFF);
                yield data[7] != 0 && offset + 4 <= data.length ? offset : -1;
            }
            default -> -1;
        };
    }

    /**
     * Whether the sniffer saw a valid BLE CRC, for frames that say so: {@link LinkType#NORDIC_BLE} (flags bit 0)
     * and {@link LinkType#BLUETOOTH_LE_LL_WITH_PHDR} (flags bit 10 "CRC checked" and bit 11 "CRC valid").
     * Frames of other link types, or that do not say, count as valid.
     */
    public static boolean bluetoothLeCrcOk(int linkType, byte[] data) {
        if (linkType == LinkType.NORDIC_BLE && data.length >= 9) {
            return (data[8] & 1) != 0;
        }
        if (linkType == LinkType.BLUETOOTH_LE_LL_WITH_PHDR && data.length >= 10) {
            int flags = (data[8] & 0xFF) | ((data[9] & 0xFF) << 8);
            return (flags & 0x0400) == 0 || (flags & 0x0800) != 0;
        }
        return true;
    }

    /**
     * Offset of the network-layer packet and its EtherType, packed as {@code (etherType << 32) | offset}, for
     * Ethernet (any number of 802.1Q / 802.1ad tags), Linux cooked v1 and v2, BSD loopback and raw IP.
     * Returns -1 when the frame carries no IP packet.
     */
    public static long networkLayer(int linkType, byte[] d) {
        int n = d.length;
        switch (linkType) {
            case LinkType.ETHERNET -> {
                int p = 12;
                while (p + 2 <= n) {
                    int type = u16(d, p);
                    if (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
                        p += 4; // VLAN tag: TPID already read, skip TCI and go to the inner type
                        continue;
                    }
                    return pack(type, p + 2);
                }
                return -1;
            }
            case LinkType.LINUX_SLL -> {
                return n >= 16 ? pack(u16(d, 14), 16) : -1;
            }
            case LinkType.LINUX_SLL2 -> {
                return n >= 20 ? pack(u16(d, 0), 20) : -1;
            }
            case LinkType.RAW, LinkType.IPV4, LinkType.IPV6 -> {
                if (n < 1) {
                    return -1;
                }
                int version = (d[0] & 0xF0) >>> 4;
                return version == 4 ? pack(ETHERTYPE_IPV4, 0) : version == 6 ? pack(ETHERTYPE_IPV6, 0) : -1;
            }
            case LinkType.NULL, LinkType.LOOP -> {
                if (n < 4) {
                    return -1;
                }
                // NULL stores the address family in host byte order, LOOP in network order: accept both.
                int be = (int) (((d[0] & 0xFFL) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF));
                int family = (be & 0xFFFF0000) != 0 ? Integer.reverseBytes(be) : be;
                if (family == 2) {
                    return pack(ETHERTYPE_IPV4, 4);
                }
                return family == 24 || family == 28 || family == 30 || family == 10 ? pack(ETHERTYPE_IPV6, 4) : -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private static long pack(int etherType, int offset) {
        return ((long) etherType << 32) | offset;
    }

    static int u16(byte[] d, int p) {
        return ((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF);
    }
}
