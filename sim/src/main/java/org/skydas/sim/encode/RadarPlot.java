package org.skydas.sim.encode;

/**
 * One monoradar plot to encode in CAT048.
 *
 * @param timeOfDayS  seconds since UTC midnight
 * @param slantRangeM straight-line distance antenna → target
 * @param azimuthDeg  clockwise from true north at the antenna
 * @param trackNumber 0..4095 (I048/161)
 * @param heightM     target height above the ellipsoid for I048/110, or NaN to leave the item out
 */
public record RadarPlot(double timeOfDayS, double slantRangeM, double azimuthDeg, int trackNumber, double heightM) {
}
