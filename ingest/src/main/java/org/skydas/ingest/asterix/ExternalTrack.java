package org.skydas.ingest.asterix;

/**
 * A system track received from another surveillance system (CAT062), in SI units, for fusion with our own
 * tracks. Absent values are {@code NaN}, {@code -1} or {@code null}, as noted.
 *
 * @param sac                  I062/010 system area code of the sender
 * @param sic                  I062/010 system identification code
 * @param trackNumber          I062/040
 * @param timeOfDaySeconds     I062/070, seconds since UTC midnight (the date comes from the receive time)
 * @param latitudeDeg          I062/105 WGS84
 * @param longitudeDeg         I062/105 WGS84
 * @param velocityEastMs       I062/185 Vx in m/s, NaN when absent
 * @param velocityNorthMs      I062/185 Vy in m/s, NaN when absent
 * @param geometricAltitudeM   I062/130 in metres, NaN when absent
 * @param flightLevel          I062/136 measured flight level, NaN when absent
 * @param mode3a               I062/060 as 4 octal digits, null when absent
 * @param aircraftAddress      I062/380 ADR (24-bit ICAO address), -1 when absent
 * @param callsign             I062/380 ID with trailing spaces removed, null when absent
 */
public record ExternalTrack(int sac, int sic, int trackNumber, double timeOfDaySeconds, double latitudeDeg,
                            double longitudeDeg, double velocityEastMs, double velocityNorthMs,
                            double geometricAltitudeM, double flightLevel, String mode3a, int aircraftAddress,
                            String callsign) {
}
