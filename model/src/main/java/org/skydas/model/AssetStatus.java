package org.skydas.model;

/** Lifecycle of an asset, in order. */
public enum AssetStatus {
    PROPOSED,
    FUNDED,
    CONTRACTED,
    INSTALLED,
    OPERATIONAL,
    DECOMMISSIONED;

    /** Money is committed from the contract on (decommissioned assets were paid for too). */
    public boolean isCommitted() {
        return compareTo(CONTRACTED) >= 0;
    }

    /** Capital is spent once the asset is installed. */
    public boolean isSpent() {
        return compareTo(INSTALLED) >= 0;
    }
}
