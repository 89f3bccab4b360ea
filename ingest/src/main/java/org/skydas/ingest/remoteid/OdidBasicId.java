package org.skydas.ingest.remoteid;

/**
 * Basic ID (type 0). {@code idType}: 0 none, 1 serial number (ANSI/CTA-2063-A), 2 CAA registration,
 * 3 UTM (UUID), 4 specific session ID. {@code uaType}: 0 none, 1 aeroplane, 2 helicopter/multirotor,
 * 3 gyroplane, 4 hybrid lift, 5 ornithopter, 6 glider, 7 kite, 8 free balloon, 9 captive balloon,
 * 10 airship, 11 parachute, 12 rocket, 13 tethered powered aircraft, 14 ground obstacle, 15 other.
 */
public record OdidBasicId(int protocolVersion, int idType, int uaType, String uasId) implements OdidMessage {

    @Override
    public int messageType() {
        return TYPE_BASIC_ID;
    }
}
