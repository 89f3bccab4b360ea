package org.skydas.ingest.sapient;

import java.security.SecureRandom;

/**
 * ULIDs for the messages Skydas originates (a {@code Task}'s {@code task_id}): 48 bits of milliseconds since the epoch
 * and 80 random bits, written as 26 characters of Crockford base32 in upper case, as the standard's {@code is_ulid}
 * fields need. Within one millisecond the random part is incremented, so ids made here sort in the order they were made.
 */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static long lastMillis = -1;
    private static long randomHigh; // 16 bits
    private static long randomLow; // 64 bits

    private Ulid() {
    }

    /** A new ULID for the current time. */
    public static String next() {
        return next(System.currentTimeMillis());
    }

    /** A new ULID for {@code millis} (0 … 2^48 - 1). */
    public static synchronized String next(long millis) {
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("a ULID time is 0 … 2^48-1 ms, is " + millis);
        }
        if (millis == lastMillis) {
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
            }
        } else {
            lastMillis = millis;
            randomHigh = RANDOM.nextInt(1 << 16);
            randomLow = RANDOM.nextLong();
        }
        return encode(millis, randomHigh, randomLow);
    }

    /**
     * The ULID of these parts: {@code millis} (48 bits) and an 80-bit "random" part given as its high 16 and low 64
     * bits — for a simulator that must write the same ids on every run of the same seed.
     */
    public static String of(long millis, int high16, long low64) {
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("a ULID time is 0 … 2^48-1 ms, is " + millis);
        }
        return encode(millis, high16 & 0xFFFF, low64);
    }

    static String encode(long millis, long high16, long low64) {
        char[] out = new char[26];
        // 10 characters of time: 50 bits, the top 2 zero.
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 16 characters of randomness: 80 bits = 16 high bits then 64 low bits, 5 bits a character from the end.
        long lo = low64;
        long hi = high16;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = lo >>> 5 | (hi & 31) << 59;
            hi >>>= 5;
        }
        return new String(out);
    }
}
