package org.skydas.ingest.remoteid;

import java.time.Duration;
import java.time.Instant;

/**
 * Location/Vector (type 1). Degrees, metres and m/s; NaN for the wire's "unknown" values (altitude
 * raw 0, horizontal speed 255 with multiplier, vertical speed 63 m/s, direction > 360, lat/lon 0/0).
 *
 * <p>{@code status}: 0 undeclared, 1 ground, 2 airborne, 3 emergency, 4 remote ID system failure.
 * {@code heightType}: 0 above take-off, 1 above ground. The accuracies are the wire's enum codes; see
 * the {@code …M} methods for metres. The timestamp is tenths of a second <em>past the current UTC
 * hour</em> ({@code −1} when unknown): resolve it with a receive time ({@link #resolveTime}).
 */
public record OdidLocation(int protocolVersion, int status, int heightType, double directionDeg,
                           double speedHorizontalMps, double speedVerticalMps, double latDeg, double lonDeg,
                           double altitudeBaroM, double altitudeGeoM, double heightM,
                           int horizontalAccuracy, int verticalAccuracy, int baroAccuracy, int speedAccuracy,
                           int timestampTenths, double timestampAccuracyS) implements OdidMessage {

    private static final double[] HORIZONTAL_M = {Double.NaN, 18_520, 7_408, 3_704, 1_852, 926, 555.6, 185.2, 92.6, 30, 10, 3, 1};
    private static final double[] VERTICAL_M = {Double.NaN, 150, 45, 25, 10, 3, 1};
    private static final double[] SPEED_MPS = {Double.NaN, 10, 3, 1, 0.3};

    @Override
    public int messageType() {
        return TYPE_LOCATION;
    }

    public boolean hasPosition() {
        return !Double.isNaN(latDeg) && !Double.isNaN(lonDeg);
    }

    /** Upper bound of the 95 % horizontal position error in metres, NaN when unknown. */
    public double horizontalAccuracyM() {
        return horizontalAccuracy < HORIZONTAL_M.length ? HORIZONTAL_M[horizontalAccuracy] : Double.NaN;
    }

    /** Upper bound of the 95 % geodetic altitude error in metres, NaN when unknown (also for baro accuracy codes). */
    public double verticalAccuracyM() {
        return verticalAccuracy < VERTICAL_M.length ? VERTICAL_M[verticalAccuracy] : Double.NaN;
    }

    public double baroAccuracyM() {
        return baroAccuracy < VERTICAL_M.length ? VERTICAL_M[baroAccuracy] : Double.NaN;
    }

    /** Upper bound of the 95 % horizontal speed error in m/s, NaN when unknown. */
    public double speedAccuracyMps() {
        return speedAccuracy < SPEED_MPS.length ? SPEED_MPS[speedAccuracy] : Double.NaN;
    }

    /** Seconds past the hour, NaN when unknown. */
    public double secondsPastHour() {
        return timestampTenths < 0 ? Double.NaN : timestampTenths / 10.0;
    }

    /**
     * The absolute time of the report: the instant with this many tenths past an hour that is closest
     * to {@code received} (so a report sent at xx:59:59.9 and received at yy:00:00.2 lands in the
     * earlier hour). Null when the timestamp is unknown.
     */
    public Instant resolveTime(Instant received) {
        if (timestampTenths < 0) {
            return null;
        }
        long hourStart = Math.floorDiv(received.getEpochSecond(), 3600L) * 3600L;
        Instant best = null;
        long bestGap = Long.MAX_VALUE;
        for (long h = hourStart - 3600; h <= hourStart + 3600; h += 3600) {
            Instant t = Instant.ofEpochSecond(h).plusMillis(timestampTenths * 100L);
            long gap = Math.abs(Duration.between(t, received).toMillis());
            if (gap < bestGap) {
                bestGap = gap;
                best = t;
            }
        }
        return best;
    }
}
