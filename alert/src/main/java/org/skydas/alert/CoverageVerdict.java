package org.skydas.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a finding arose, against the sensors' computed coverage: in covered ground or in a gap. A finding or alert
 * whose coverage is not known (none computed, no place, outside the computed grid) has none (null).
 *
 * <p>Written as {@link #wireName()} ("covered", "gap") wherever it leaves the process: the alerts API, the watch
 * store's column and its audit JSON (Jackson uses the same name both ways).
 */
public enum CoverageVerdict {
    /** The place was covered when the finding arose. */
    COVERED,
    /** The place was in a coverage gap when the finding arose. */
    GAP;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** "covered" or "gap". */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The verdict written as {@code wireName}; null for null. */
    public static CoverageVerdict ofWireName(String wireName) {
        if (wireName == null) {
            return null;
        }
        for (CoverageVerdict v : values()) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown coverage verdict '" + wireName + "' (expected covered or gap)");
    }
}
