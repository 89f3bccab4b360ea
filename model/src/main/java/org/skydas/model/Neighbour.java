package org.skydas.model;

import java.util.Locale;

/** A country that shares a land border with Lithuania (Lithuania is always the inside). */
public enum Neighbour {
    BY("BLR", "Belarus"),
    RU("RUS", "Russia (Kaliningrad Oblast)"),
    PL("POL", "Poland"),
    LV("LVA", "Latvia");

    private final String iso3;
    private final String displayName;

    Neighbour(String iso3, String displayName) {
        this.iso3 = iso3;
        this.displayName = displayName;
    }

    /** ISO 3166-1 alpha-2 code, as stored in the {@code neighbour} property. */
    public String code() {
        return name();
    }

    public String iso3() {
        return iso3;
    }

    public String displayName() {
        return displayName;
    }

    public static Neighbour fromCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("neighbour is missing (one of BY, RU, PL, LV)");
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown neighbour '" + code + "' (one of BY, RU, PL, LV)");
        }
    }
}
