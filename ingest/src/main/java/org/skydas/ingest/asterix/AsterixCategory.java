package org.skydas.ingest.asterix;

/**
 * One category in one edition: its UAP (FRN → item) and the structure of each item. Instances are immutable
 * and shared by all decoders.
 */
public final class AsterixCategory {

    private final int number;
    private final String edition;
    private final String[] itemNames;
    private final String[] keys;
    final Variation[] items;      // read directly by the decoder's hot loop
    final int[] fixedBytes;

    /**
     * @param itemNames UAP order, index = FRN - 1; {@code null} marks a spare FRN
     * @param items     the structure of each item, same indexing
     */
    AsterixCategory(int number, String edition, String[] itemNames, Variation[] items) {
        if (itemNames.length != items.length) {
            throw new IllegalArgumentException("UAP names and items differ in length");
        }
        this.number = number;
        this.edition = edition;
        this.itemNames = itemNames.clone();
        this.items = items.clone();
        this.keys = new String[items.length];
        this.fixedBytes = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (itemNames[i] != null) {
                keys[i] = String.format("I%03d/%s", number, itemNames[i]);
                int bits = items[i].bitSize();
                fixedBytes[i] = bits > 0 ? bits >>> 3 : 0;
            }
        }
    }

    public int number() {
        return number;
    }

    public String edition() {
        return edition;
    }

    /** Number of FRNs in the UAP. */
    public int uapSize() {
        return items.length;
    }

    /** Item name (e.g. {@code "040"}, {@code "SP"}) of FRN {@code frn} (1-based), or null for a spare FRN. */
    public String itemName(int frn) {
        return itemNames[frn - 1];
    }

    /** Index (FRN - 1) of the item named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < itemNames.length; i++) {
            if (name.equals(itemNames[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Key in the JSON dump, e.g. {@code I048/040}. */
    String key(int index) {
        return keys[index];
    }

    Variation item(int index) {
        return items[index];
    }

    /** Byte size of a fixed-size item, 0 for variable-size and spare ones. */
    int fixedBytes(int index) {
        return fixedBytes[index];
    }

    @Override
    public String toString() {
        return "CAT" + String.format("%03d", number) + " ed. " + edition;
    }
}
