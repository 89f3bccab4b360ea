package org.skydas.ingest.asterix;

import java.util.Arrays;
import java.util.Random;

/**
 * Mutations a hostile or broken sender produces: bit flips, truncation, lying length fields (block LEN, the
 * first byte of explicit items, repetition counts, FX bits left set), byte insertions and deletions.
 */
final class Mutator {

    private Mutator() {
    }

    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            switch (rnd.nextInt(7)) {
                case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8)); // bit flip
                case 1 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncation
                case 2 -> { // lying block LEN at a block start (offset 0 or any offset, as a resync would see it)
                    int p = rnd.nextBoolean() ? 0 : rnd.nextInt(b.length);
                    if (p + 2 < b.length) {
                        int len = rnd.nextInt(4) == 0 ? 0xFFFF : rnd.nextInt(b.length + 8);
                        b[p + 1] = (byte) (len >>> 8);
                        b[p + 2] = (byte) len;
                    }
                }
                case 3 -> b[rnd.nextInt(b.length)] = (byte) (rnd.nextBoolean() ? 0xFF : rnd.nextInt(256)); // counts
                case 4 -> b[rnd.nextInt(b.length)] |= 1; // FX bit left set
                case 5 -> { // insertion
                    int p = rnd.nextInt(b.length + 1);
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, p);
                    c[p] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, p, c, p + 1, b.length - p);
                    b = c;
                }
                default -> { // deletion
                    int p = rnd.nextInt(b.length);
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, p);
                    System.arraycopy(b, p + 1, c, p, b.length - p - 1);
                    b = c;
                }
            }
        }
        return b;
    }
}
