package org.skydas.ingest.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds small pcap / pcapng files in memory for the tests (a writer of our own, not a sample). */
final class CaptureBytes {

    private CaptureBytes() {
    }

    static byte[] classic(ByteOrder order, boolean nanos, int linkType, long[] seconds, long[] fractions,
                          byte[]... frames) {
        ByteBuffer b = ByteBuffer.allocate(24 + frames.length * 16 + total(frames)).order(order);
        b.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(linkType);
        for (int i = 0; i < frames.length; i++) {
            b.putInt((int) seconds[i]).putInt((int) fractions[i]).putInt(frames[i].length).putInt(frames[i].length)
                    .put(frames[i]);
        }
        return b.array();
    }

    static int total(byte[][] frames) {
        int t = 0;
        for (byte[] f : frames) {
            t += f.length;
        }
        return t;
    }

    /** pcapng writer: sections, interfaces with an optional if_tsresol, EPB and SPB. */
    static final class Ng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order;

        Ng(ByteOrder order) {
            section(order);
        }

        Ng section(ByteOrder o) {
            this.order = o;
            ByteBuffer b = ByteBuffer.allocate(28).order(o);
            b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                    .putLong(-1L).putInt(28);
            out.writeBytes(b.array());
            return this;
        }

        Ng iface(int linkType, Integer tsresol) {
            int optLen = tsresol == null ? 0 : 8 + 4; // option + end-of-options
            int total = 20 + optLen;
            ByteBuffer b = ByteBuffer.allocate(total).order(order);
            b.putInt(1).putInt(total).putShort((short) linkType).putShort((short) 0).putInt(0);
            if (tsresol != null) {
                b.putShort((short) 9).putShort((short) 1).put((byte) (int) tsresol).put(new byte[3]);
                b.putInt(0);
            }
            b.putInt(total);
            out.writeBytes(b.array());
            return this;
        }

        Ng epb(int iface, long ts, byte[] frame) {
            int padded = (frame.length + 3) & ~3;
            int total = 32 + padded;
            ByteBuffer b = ByteBuffer.allocate(total).order(order);
            b.putInt(6).putInt(total).putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts)
                    .putInt(frame.length).putInt(frame.length).put(frame).put(new byte[padded - frame.length])
                    .putInt(total);
            out.writeBytes(b.array());
            return this;
        }

        Ng spb(byte[] frame) {
            int padded = (frame.length + 3) & ~3;
            int total = 16 + padded;
            ByteBuffer b = ByteBuffer.allocate(total).order(order);
            b.putInt(3).putInt(total).putInt(frame.length).put(frame).put(new byte[padded - frame.length])
                    .putInt(total);
            out.writeBytes(b.array());
            return this;
        }

        Ng unknownBlock() {
            ByteBuffer b = ByteBuffer.allocate(16).order(order);
            b.putInt(5).putInt(16).putInt(0xDEADBEEF).putInt(16); // interface statistics-like block, skipped
            out.writeBytes(b.array());
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** An IPv4/UDP packet (no options) carrying {@code payload}. */
    static byte[] ipv4Udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 1}).put(new byte[] {(byte) 239, 1, 2, 3});
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] ethernet(byte[] ip, int... vlanTpids) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTpids.length + ip.length);
        b.put(new byte[12]);
        for (int tpid : vlanTpids) {
            b.putShort((short) tpid).putShort((short) 7);
        }
        b.putShort((short) 0x0800).put(ip);
        return b.array();
    }

    static byte[] sll(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(16 + ip.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[8]).putShort((short) 0x0800)
                .put(ip);
        return b.array();
    }

    static byte[] sll2(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(20 + ip.length);
        b.putShort((short) 0x0800).putShort((short) 0).putInt(2).putShort((short) 1).put((byte) 0).put((byte) 6)
                .put(new byte[8]).put(ip);
        return b.array();
    }
}
