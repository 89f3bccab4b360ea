package org.skydas.ingest.stanag4607;

import java.time.LocalDate;
import java.util.List;

/**
 * Decoded STANAG 4607 (GMTI) content, values in plain units: degrees (longitudes as sent, 0..360), metres, m/s,
 * seconds. An optional field that was not sent is null.
 */
public final class Gmti {

    private Gmti() {
    }

    /** Packet header P1-P10. */
    public record Header(String version, long packetSize, String nationality, int classification,
                         String classificationSystem, int securityCode, int exerciseIndicator, String platformId,
                         long missionId, long jobId) {
    }

    /** One packet: header, its segments, and the reference date its dwell times count from (null when unknown). */
    public record Packet(Header header, List<Segment> segments, LocalDate referenceDate) {
    }

    /** A segment of a packet. */
    public sealed interface Segment permits Mission, Dwell, JobDefinition, PlatformLocation, Skipped {
        /** The segment type, S1. */
        int type();
    }

    /** Mission segment (type 1): M1-M7; the date is the reference of every dwell time that follows. */
    public record Mission(String missionPlan, String flightPlan, int platformType, String platformConfiguration,
                          int year, int month, int day) implements Segment {
        public int type() {
            return 1;
        }
    }

    /** Dwell segment (type 2): D2-D31 and its target reports D32. */
    public record Dwell(long existenceMask, int revisitIndex, int dwellIndex, int lastDwellOfRevisit,
                        int targetReportCount, long dwellTimeMs, double sensorLatDeg, double sensorLonDeg,
                        double sensorAltitudeM, Double latScaleFactorDeg, Double lonScaleFactorDeg,
                        Double sensorUncertaintyAlongTrackM, Double sensorUncertaintyCrossTrackM,
                        Double sensorUncertaintyAltitudeM, Double sensorTrackDeg, Double sensorSpeedMps,
                        Double sensorVerticalVelocityMps, Integer sensorTrackUncertaintyDeg,
                        Double sensorSpeedUncertaintyMps, Double sensorVerticalVelocityUncertaintyMps,
                        Double platformHeadingDeg, Double platformPitchDeg, Double platformRollDeg,
                        double dwellCentreLatDeg, double dwellCentreLonDeg, double rangeHalfExtentKm,
                        double dwellAngleHalfExtentDeg, Double sensorHeadingDeg, Double sensorPitchDeg,
                        Double sensorRollDeg, Double minimumDetectableVelocityMps, List<Target> targets)
            implements Segment {
        public int type() {
            return 2;
        }
    }

    /**
     * Target report D32: position from the high-resolution pair (D32.2/3) or the delta pair (D32.4/5) scaled by the
     * dwell's D10/D11, resolved here into {@code latDeg}/{@code lonDeg} (null when neither pair was sent).
     * {@code classification} is D32.10 as sent (+128 = simulated target).
     */
    public record Target(Integer reportIndex, Double latDeg, Double lonDeg, Integer deltaLat, Integer deltaLon,
                         Integer geodeticHeightM, Double radialVelocityMps, Double wrapVelocityMps, Integer snrDb,
                         Integer classification, Integer classProbabilityPct, Double slantRangeUncertaintyM,
                         Double crossRangeUncertaintyM, Integer heightUncertaintyM, Double radialVelocityUncertaintyMps,
                         Integer truthTagApplication, Long truthTagEntity, Integer rcsHalfDbsm) {
    }

    /** Job definition segment (type 5): J1-J28 (the fields a tracker may want; the rest kept raw). */
    public record JobDefinition(long jobId, int sensorType, String sensorModel, int targetFiltering, int priority,
                                double[] boundingAreaLatLon, int radarMode, int nominalRevisitIntervalDs,
                                int alongTrackUncertaintyM, int crossTrackUncertaintyM, int altitudeUncertaintyM,
                                int trackHeadingUncertaintyDeg, int sensorSpeedUncertaintyMmps,
                                int slantRangeStdDevCm, double crossRangeStdDevDeg, int velocityLosStdDevCmps,
                                int minimumDetectableVelocityDmps, int detectionProbabilityPct,
                                int falseAlarmDensity, int terrainElevationModel, int geoidModel) implements Segment {

        public JobDefinition {
            boundingAreaLatLon = boundingAreaLatLon.clone();
        }

        /** A copy of the bounding area's four corners, lat and lon in degrees: {lat A, lon A, ..., lat D, lon D}. */
        @Override
        public double[] boundingAreaLatLon() {
            return boundingAreaLatLon.clone();
        }

        public int type() {
            return 5;
        }
    }

    /** Platform location segment (type 13): L1-L7. */
    public record PlatformLocation(long timeMs, double latDeg, double lonDeg, double altitudeM, double trackDeg,
                                   double speedMps, double verticalVelocityMps) implements Segment {
        public int type() {
            return 13;
        }
    }

    /** A segment skipped by its size (free text, HRR, test and status, ...): counted, not decoded. */
    public record Skipped(int type, String name, long size) implements Segment {
    }

    /** The name of a segment type (S1). */
    public static String segmentName(int type) {
        return switch (type) {
            case 1 -> "mission";
            case 2 -> "dwell";
            case 3 -> "hrr";
            case 5 -> "job definition";
            case 6 -> "free text";
            case 7 -> "low reflectivity index";
            case 8 -> "group";
            case 9 -> "attached target";
            case 10 -> "test and status";
            case 11 -> "system-specific";
            case 12 -> "processing history";
            case 13 -> "platform location";
            case 101 -> "job request";
            case 102 -> "job acknowledge";
            default -> "type " + type;
        };
    }

    /** Longitude in (-180, 180] from a 0..360 binary angle. */
    public static double signedLon(double lon) {
        return lon > 180 ? lon - 360 : lon;
    }
}
