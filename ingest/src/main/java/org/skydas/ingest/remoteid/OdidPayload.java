package org.skydas.ingest.remoteid;

/**
 * The Open Drone ID bytes found in one frame: a single message (Bluetooth legacy) or a message pack,
 * with the message counter that precedes it.
 *
 * @param transport {@code wifi-beacon-IE}, {@code wifi-nan-SDF} or {@code ble-service-data}
 * @param crcOk     the link-layer CRC verdict where the capture has one (Bluetooth via the sniffer
 *                  header), null where it has none (Wi-Fi frames arrive without FCS)
 * @param payload   the Open Drone ID bytes, taken over without a copy (one record per frame: the caller hands a
 *                  fresh array over and keeps no reference); {@link #payload()} returns a copy
 */
public record OdidPayload(String transport, Boolean crcOk, int counter, byte[] payload) {

    /** A copy of the Open Drone ID bytes. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public static final String WIFI_BEACON = "wifi-beacon-IE";
    public static final String WIFI_NAN = "wifi-nan-SDF";
    public static final String BLE = "ble-service-data";
}
