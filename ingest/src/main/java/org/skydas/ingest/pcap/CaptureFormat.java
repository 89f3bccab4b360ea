package org.skydas.ingest.pcap;

/** Container format of a file, told apart by its first four bytes. */
public enum CaptureFormat {
    /** Classic libpcap, either byte order, microsecond or nanosecond timestamps. */
    PCAP,
    /** pcapng (starts with a Section Header Block). */
    PCAPNG,
    /** Anything else: the caller treats the file as the protocol's raw byte stream. */
    NONE;

    /** The format of a file whose first bytes are {@code head} (fewer than 4 bytes means {@link #NONE}). */
    public static CaptureFormat detect(byte[] head, int length) {
        if (length < 4) {
            return NONE;
        }
        int be = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int le = Integer.reverseBytes(be);
        if (be == PcapMagic.SHB_TYPE) {
            return PCAPNG;
        }
        if (PcapMagic.isClassic(be) || PcapMagic.isClassic(le)) {
            return PCAP;
        }
        return NONE;
    }

    /** Magic numbers shared by {@link CaptureFormat} and {@link CaptureReader}. */
    static final class PcapMagic {
        static final int SHB_TYPE = 0x0A0D0D0A;
        static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
        static final int MICRO = 0xA1B2C3D4;
        static final int NANO = 0xA1B23C4D;
        /** Kuznetzov's "modified" pcap: 8 more bytes per record header. */
        static final int MODIFIED = 0xA1B2CD34;

        private PcapMagic() {
        }

        static boolean isClassic(int magic) {
            return magic == MICRO || magic == NANO || magic == MODIFIED;
        }
    }
}
