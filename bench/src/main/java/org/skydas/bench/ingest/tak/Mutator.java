package org.skydas.bench.ingest.tak;

import java.util.Arrays;
import java.util.Random;

/**
 * Mutations for the fuzz runs: bit flips, boundary bytes (including 0xBF and XML metacharacters),
 * truncation, insertion, deletion, duplication, and lying varints (huge or over-long lengths).
 */
public final class Mutator {

    private static final byte[][] LIES = {
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xbf, (byte) 0xff, (byte) 0xff, 0x7f},
            {0x12, (byte) 0xff, (byte) 0xff, 0x03},
            {(byte) 0xf0, 0x19, (byte) 0xff},
    };
    private static final int[] SPECIAL = {0, 0x7f, 0x80, 0xff, 0xbf, '<', '>', '&', '"', '\''};

    private Mutator() {
    }

    public static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            b = once(b, r);
        }
        return b;
    }

    private static byte[] once(byte[] b, Random r) {
        int n = b.length;
        int op = n == 0 ? 3 : r.nextInt(8);
        switch (op) {
            case 0 -> b[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> b[r.nextInt(n)] = (byte) SPECIAL[r.nextInt(SPECIAL.length)];
            case 2 -> b = Arrays.copyOf(b, r.nextInt(n + 1));
            case 3 -> {
                byte[] ins = new byte[1 + r.nextInt(8)];
                r.nextBytes(ins);
                b = splice(b, r.nextInt(n + 1), 0, ins);
            }
            case 4 -> {
                int at = r.nextInt(n);
                b = splice(b, at, 1 + r.nextInt(Math.min(16, n - at)), new byte[0]);
            }
            case 5 -> {
                int at = r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(32, n - at));
                b = splice(b, r.nextInt(n + 1), 0, Arrays.copyOfRange(b, at, at + len));
            }
            case 6 -> {
                byte[] lie = LIES[r.nextInt(LIES.length)];
                int at = r.nextInt(n);
                b = splice(b, at, Math.min(lie.length, n - at), lie);
            }
            default -> b[r.nextInt(n)] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
