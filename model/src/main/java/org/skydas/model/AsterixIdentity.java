package org.skydas.model;

import java.util.Optional;

/**
 * A radar's identity on an ASTERIX feed, System Area Code and System Identification Code, as the scenario gives it
 * in the radar asset's parameters {@code asterix_sac} and {@code asterix_sic} (each 0–255). The simulator stamps
 * its plots with it and the server finds the radar's site by it, so both read it here.
 */
public record AsterixIdentity(int sac, int sic) {

    public static final String SAC_PARAM = "asterix_sac";
    public static final String SIC_PARAM = "asterix_sic";

    public AsterixIdentity {
        if (sac < 0 || sac > 255 || sic < 0 || sic > 255) {
            throw new IllegalArgumentException("SAC and SIC must be 0-255, are " + sac + "/" + sic);
        }
    }

    /** The asset's identity, or empty unless both parameters are whole numbers 0–255. */
    public static Optional<AsterixIdentity> of(Asset a) {
        Integer sac = code(a.params().get(SAC_PARAM));
        Integer sic = code(a.params().get(SIC_PARAM));
        return sac == null || sic == null ? Optional.empty() : Optional.of(new AsterixIdentity(sac, sic));
    }

    private static Integer code(Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 0
                && n.intValue() <= 255) {
            return n.intValue();
        }
        if (v instanceof String s && s.matches("\\d{1,3}") && Integer.parseInt(s) <= 255) {
            return Integer.parseInt(s);
        }
        return null;
    }
}
