package org.skydas.terrain.io;

/** Raster sample types Skydas reads (TIFF BitsPerSample + SampleFormat). */
public enum SampleType {
    UINT8(8, 1), INT8(8, 2), UINT16(16, 1), INT16(16, 2), UINT32(32, 1), INT32(32, 2), FLOAT32(32, 3), FLOAT64(64, 3);

    final int bits;
    final int format;

    SampleType(int bits, int format) {
        this.bits = bits;
        this.format = format;
    }

    public int bytes() {
        return bits / 8;
    }

    static SampleType of(int bits, int format) {
        for (SampleType t : values()) {
            if (t.bits == bits && t.format == format) {
                return t;
            }
        }
        return null;
    }
}
