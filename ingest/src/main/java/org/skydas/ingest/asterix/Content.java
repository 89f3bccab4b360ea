package org.skydas.ingest.asterix;

/**
 * How the bits of an element are read (asterix-specs "Content"). Tables are treated as raw numbers: the value
 * names are documentation, consumers compare codes.
 */
public final class Content {

    /** The interpretation of an element's bits. */
    public enum Kind { RAW, SIGNED_INTEGER, UNSIGNED_INTEGER, QUANTITY, ICAO_STRING, ASCII_STRING, OCTAL_STRING, BDS }

    public static final Content RAW = new Content(Kind.RAW, false, 1, 1, null);
    public static final Content UNSIGNED = new Content(Kind.UNSIGNED_INTEGER, false, 1, 1, null);
    public static final Content SIGNED = new Content(Kind.SIGNED_INTEGER, true, 1, 1, null);
    public static final Content ICAO = new Content(Kind.ICAO_STRING, false, 1, 1, null);
    public static final Content ASCII = new Content(Kind.ASCII_STRING, false, 1, 1, null);
    public static final Content OCTAL = new Content(Kind.OCTAL_STRING, false, 1, 1, null);
    public static final Content BDS = new Content(Kind.BDS, false, 1, 1, null);

    private final Kind kind;
    private final boolean signed;
    private final double numerator;
    private final double denominator;
    private final String unit;

    private Content(Kind kind, boolean signed, double numerator, double denominator, String unit) {
        this.kind = kind;
        this.signed = signed;
        this.numerator = numerator;
        this.denominator = denominator;
        this.unit = unit;
    }

    /**
     * A physical quantity: value = raw × numerator / denominator in {@code unit}. Keeping the LSB as a fraction
     * (e.g. 1/1000) instead of one double makes values like Mach 0.816 come out exactly as written.
     */
    public static Content quantity(boolean signed, double numerator, double denominator, String unit) {
        return new Content(Kind.QUANTITY, signed, numerator, denominator, unit);
    }

    public Kind kind() {
        return kind;
    }

    public boolean signed() {
        return signed;
    }

    public String unit() {
        return unit;
    }

    /** The value of a quantity from its (already sign-extended) raw value. */
    public double scale(long raw) {
        return raw * numerator / denominator;
    }
}
