package org.skydas.ingest.asterix;

/**
 * One CAT048 target report located on the WGS84 ellipsoid: what a tracker needs from a monoradar plot.
 *
 * @param sac            System Area Code of the radar (I048/010)
 * @param sic            System Identification Code of the radar (I048/010)
 * @param timeOfDayS     seconds since UTC midnight (I048/140), or NaN when absent
 * @param position       WGS84 position (see {@link PolarPlotLocator} for the slant-range treatment)
 * @param rangeM         slant range, m (I048/040 RHO)
 * @param azimuthDeg     azimuth from the radar, degrees clockwise from north (I048/040 THETA)
 * @param height         where {@code position}'s altitude came from: I048/110 (metres above mean sea level), a
 *                       valid I048/090 (flight level × 100 ft), or none (the antenna's height)
 * @param trackNumber    the radar's own track number (I048/161), or -1
 */
public record PlotReport(int sac, int sic, double timeOfDayS, GeoPosition position, double rangeM, double azimuthDeg,
                         PlotHeight height, int trackNumber) {

    /** True when the height came from the radar (I048/110 or a valid I048/090). */
    public boolean measuredHeight() {
        return height != PlotHeight.NONE;
    }

    /** "SAC/SIC", the radar's name on the wire. */
    public String radar() {
        return sac + "/" + sic;
    }
}
