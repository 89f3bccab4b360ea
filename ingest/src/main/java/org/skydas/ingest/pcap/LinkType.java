package org.skydas.ingest.pcap;

/**
 * The LINKTYPE_ values (tcpdump.org/linktypes.html) this package understands. A capture of any other link
 * type is still read; its frames are handed out unchanged and {@link UdpExtractor} ignores them.
 */
public final class LinkType {

    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int IEEE802_11 = 105;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IEEE802_11_PRISM = 119;
    public static final int IEEE802_11_RADIOTAP = 127;
    public static final int PPI = 192;
    public static final int BLUETOOTH_HCI_H4_WITH_PHDR = 201;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int BLUETOOTH_LE_LL = 251;
    public static final int BLUETOOTH_LE_LL_WITH_PHDR = 256;
    /** nRF Sniffer for Bluetooth LE: Nordic header, then the BLE link-layer packet. */
    public static final int NORDIC_BLE = 272;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /** A short name for messages, e.g. {@code ETHERNET} or {@code LINKTYPE_147}. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "ETHERNET";
            case RAW -> "RAW";
            case IEEE802_11 -> "IEEE802_11";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case IEEE802_11_PRISM -> "IEEE802_11_PRISM";
            case IEEE802_11_RADIOTAP -> "IEEE802_11_RADIOTAP";
            case PPI -> "PPI";
            case BLUETOOTH_HCI_H4_WITH_PHDR -> "BLUETOOTH_HCI_H4_WITH_PHDR";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case BLUETOOTH_LE_LL -> "BLUETOOTH_LE_LL";
            case BLUETOOTH_LE_LL_WITH_PHDR -> "BLUETOOTH_LE_LL_WITH_PHDR";
            case NORDIC_BLE -> "NORDIC_BLE";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE_" + linkType;
        };
    }
}
