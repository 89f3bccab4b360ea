package org.skydas.terrain.scenario;

import org.skydas.model.AssetStatus;

/**
 * Which assets count for coverage, by lifecycle status. Decommissioned assets never count. A planner
 * asks "what do we see today" ({@link #OPERATIONAL}), "what is standing" ({@link #INSTALLED}) or
 * "what will the whole plan see" ({@link #PLANNED}, the default).
 */
public enum SensorSelection {
    /** Only assets in service. */
    OPERATIONAL,
    /** Installed or operational. */
    INSTALLED,
    /** Everything not decommissioned: proposed, funded, contracted, installed, operational. */
    PLANNED;

    public boolean includes(AssetStatus s) {
        return switch (this) {
            case OPERATIONAL -> s == AssetStatus.OPERATIONAL;
            case INSTALLED -> s == AssetStatus.INSTALLED || s == AssetStatus.OPERATIONAL;
            case PLANNED -> s != AssetStatus.DECOMMISSIONED;
        };
    }

    /** The statuses included, for reports ("proposed, funded, ..."). */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (AssetStatus s : AssetStatus.values()) {
            if (includes(s)) {
                b.append(b.isEmpty() ? "" : ", ").append(s.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return b.toString();
    }
}
