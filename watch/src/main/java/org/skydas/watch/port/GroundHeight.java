package org.skydas.watch.port;

/**
 * The ground below a target, for class hints from a measured height (a radar plot well above the ground is airborne).
 * The server adapts the DEMs of {@code terrain.HeightAboveGround} to it; without a ground model every answer is NaN.
 */
public interface GroundHeight {

    /** No ground model: no height above ground is known, and no class hint is drawn from one. */
    GroundHeight NONE = new GroundHeight() {
        @Override
        public double fromMslHeight(double lonDeg, double latDeg, double mslM) {
            return Double.NaN;
        }

        @Override
        public double fromPressureAltitude(double lonDeg, double latDeg, double pressureAltitudeM) {
            return Double.NaN;
        }
    };

    /**
     * A ground model from its two parts: {@code msl} answers {@link #fromMslHeight}, and a pressure altitude is first
     * taken to a height above mean sea level by {@code standardAtmosphere} (m → m).
     */
    static GroundHeight of(MslToGround msl, java.util.function.DoubleUnaryOperator standardAtmosphere) {
        return new GroundHeight() {
            @Override
            public double fromMslHeight(double lonDeg, double latDeg, double mslM) {
                return msl.fromMslHeight(lonDeg, latDeg, mslM);
            }

            @Override
            public double fromPressureAltitude(double lonDeg, double latDeg, double pressureAltitudeM) {
                return msl.fromMslHeight(lonDeg, latDeg, standardAtmosphere.applyAsDouble(pressureAltitudeM));
            }
        };
    }

    /** Height above the ground of a height above mean sea level, m, or NaN. */
    @FunctionalInterface
    interface MslToGround {
        double fromMslHeight(double lonDeg, double latDeg, double mslM);
    }

    /** Height above the ground of a height above mean sea level at (lon, lat), m, or NaN (no ground model there). */
    double fromMslHeight(double lonDeg, double latDeg, double mslM);

    /** Height above the ground of a pressure altitude (ICAO standard atmosphere), m, or NaN. */
    double fromPressureAltitude(double lonDeg, double latDeg, double pressureAltitudeM);
}
