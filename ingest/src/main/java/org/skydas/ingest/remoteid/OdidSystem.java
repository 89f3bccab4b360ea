package org.skydas.ingest.remoteid;

import java.time.Instant;

/**
 * System (type 4): where the operator is and the operating area. {@code classificationType} 0
 * undeclared, 1 EU (then {@code uaCategory} 1 open / 2 specific / 3 certified and {@code uaClass}
 * 1..7 = C0..C6). {@code operatorLocationType} 0 take-off, 1 live GNSS, 2 fixed. Unknown altitudes
 * are NaN; {@code timestamp} (seconds since 2019-01-01 on the wire) is null when 0.
 */
public record OdidSystem(int protocolVersion, int classificationType, int operatorLocationType,
                         double operatorLatDeg, double operatorLonDeg, int areaCount, double areaRadiusM,
                         double areaCeilingM, double areaFloorM, int uaCategory, int uaClass,
                         double operatorAltitudeGeoM, Instant timestamp) implements OdidMessage {

    @Override
    public int messageType() {
        return TYPE_SYSTEM;
    }
}
