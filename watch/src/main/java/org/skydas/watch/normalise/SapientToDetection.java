package org.skydas.watch.normalise;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;
import org.skydas.geo.Lks94;
import org.skydas.ingest.sapient.SapientNode;
import org.skydas.ingest.sapient.SapientReport;
import org.skydas.model.TargetKind;
import org.skydas.track.Detection;
import org.skydas.track.Dimension;

import uk.gov.dstl.sapientmsg.bsiflex335v2.DetectionReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;

/**
 * A SAPIENT {@code DetectionReport} as a tracker detection.
 * <ul>
 * <li>Time: the envelope's {@code timestamp} (a detection report has no other; Apex checks it as detection time).
 * <li>Position: a {@code Location} in latitude/longitude degrees or radians (x = longitude, y = latitude) or UTM
 * metres ({@code utm_zone} such as {@code 35U}: a latitude band N-X is north, C-M south), or a {@code RangeBearing}
 * from the node's position in its latest status report (azimuth from true or grid north in degrees or radians,
 * range in m or km, the ground range shortened by the elevation). Magnetic and platform-relative bearings are
 * refused: the declination or platform heading is not known here. {@code x_error}/{@code y_error} (metres, or
 * degrees/radians converted) are taken as one sigma; a range-bearing's sigma comes from range and azimuth errors.
 * <li>Velocity: {@code enu_velocity} east/north, in m/s or, when the registration declares it, km/h.
 * <li>Class: the most specific recognised name among the classification's type and its sub-classes, by
 * {@link #classOf} (documented table); its confidence is the one reported (0.5 when absent). Air vehicles are
 * stated as air.
 * <li>Identity: {@code sapient:<node>:<object_id>}, so a tracking node's object keeps one track.
 * </ul>
 */
public final class SapientToDetection {

    /** One sigma when the node states no error, m. */
    static final double DEFAULT_SIGMA_M = 25;
    static final double MIN_SIGMA_M = 2;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Why a report cannot be placed; the message is the counted reason. */
    public static final class Unlocatable extends Exception {
        Unlocatable(String reason) {
            super(reason);
        }
    }

    /**
     * The class table: SAPIENT taxonomy names (any case, spaces or underscores) to Skydas classes. Names not
     * listed give no class hint (animals, equipment, unknown).
     */
    static final Map<String, TargetKind> CLASSES = Map.ofEntries(
            Map.entry("human", TargetKind.PERSON), Map.entry("person", TargetKind.PERSON),
            Map.entry("people", TargetKind.PERSON), Map.entry("pedestrian", TargetKind.PERSON),
            Map.entry("male", TargetKind.PERSON), Map.entry("female", TargetKind.PERSON),
            Map.entry("vehicle", TargetKind.VEHICLE), Map.entry("land vehicle", TargetKind.VEHICLE),
            Map.entry("car", TargetKind.VEHICLE), Map.entry("truck", TargetKind.VEHICLE),
            Map.entry("van", TargetKind.VEHICLE), Map.entry("motorcycle", TargetKind.VEHICLE),
            Map.entry("air vehicle", TargetKind.DRONE), Map.entry("uav", TargetKind.DRONE),
            Map.entry("uas", TargetKind.DRONE), Map.entry("drone", TargetKind.DRONE),
            Map.entry("rotary wing", TargetKind.DRONE), Map.entry("fixed wing", TargetKind.DRONE),
            Map.entry("multirotor", TargetKind.DRONE), Map.entry("multi rotor", TargetKind.DRONE),
            Map.entry("quadcopter", TargetKind.DRONE), Map.entry("uav rotary wing", TargetKind.DRONE),
            Map.entry("uav fixed wing", TargetKind.DRONE));

    private static final Map<String, CoordinateTransform> UTM = new HashMap<>();

    private SapientToDetection() {
    }

    public static Detection convert(SapientReport r) throws Unlocatable {
        DetectionReport dr = r.message().getDetectionReport();
        double t = r.message().getTimestamp().getSeconds() + r.message().getTimestamp().getNanos() / 1e9;
        double[] xyS = dr.hasLocation() ? locate(dr.getLocation()) : fromRangeBearing(dr.getRangeBearing(), r.node());
        double v = xyS[2] * xyS[2];
        double vx = Double.NaN;
        double vy = Double.NaN;
        if (dr.hasEnuVelocity()) {
            double k = kilometresPerHour(r.node().registration()) ? 1 / 3.6 : 1;
            vx = dr.getEnuVelocity().getEastRate() * k;
            vy = dr.getEnuVelocity().getNorthRate() * k;
        }
        Detection d = new Detection(t, 0, xyS[0], xyS[1], Double.NaN, Double.NaN, v, 0, v, vx, vy, null, Double.NaN,
                "sapient:" + r.node().nodeId() + ":" + dr.getObjectId(), Double.NaN);
        if (dr.hasLocation() && dr.getLocation().hasZ()) {
            Location l = dr.getLocation();
            d = d.withHeight(l.getZ(), l.hasZError() && l.getZError() > 0 ? l.getZError() : DEFAULT_SIGMA_M);
        }
        TargetKind best = null;
        double confidence = 0.5;
        for (DetectionReport.DetectionReportClassification c : dr.getClassificationList()) {
            TargetKind top = classOf(c.getType());
            TargetKind sub = subClass(c.getSubClassList());
            TargetKind k = sub != null ? sub : top;
            if (k != null && (best == null || c.getConfidence() > confidence)) {
                best = k;
                confidence = c.hasConfidence() && c.getConfidence() > 0 ? Math.min(1, c.getConfidence()) : 0.5;
            }
        }
        if (best != null) {
            d = d.withClassHint(best, confidence);
            if (best == TargetKind.DRONE) {
                d = d.withDimension(Dimension.AIR);
            }
        }
        return d;
    }

    /** The Skydas class a SAPIENT class or sub-class name stands for, or null. */
    static TargetKind classOf(String name) {
        return name == null ? null : CLASSES.get(name.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' '));
    }

    private static TargetKind subClass(java.util.List<DetectionReport.SubClass> subs) {
        for (DetectionReport.SubClass s : subs) {
            TargetKind deeper = subClass(s.getSubClassList());
            if (deeper != null) {
                return deeper;
            }
            TargetKind k = classOf(s.getType());
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /** Grid x, y and one sigma (m) of a location a node reported (a detection's, an alert's, its own). */
    public static double[] place(Location l) throws Unlocatable {
        return locate(l);
    }

    /** Grid x, y and one sigma (m) of a range-bearing from the node's position in its latest status report. */
    public static double[] place(RangeBearing rb, SapientNode node) throws Unlocatable {
        return fromRangeBearing(rb, node);
    }

    /** Grid x, y and one sigma (m) of a location. */
    static double[] locate(Location l) throws Unlocatable {
        double lon;
        double lat;
        double sigma = DEFAULT_SIGMA_M;
        LocationCoordinateSystem cs = l.getCoordinateSystem();
        switch (cs) {
            case LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M, LOCATION_COORDINATE_SYSTEM_LAT_LNG_RAD_M -> {
                boolean rad = cs == LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_RAD_M;
                lon = rad ? Math.toDegrees(l.getX()) : l.getX();
                lat = rad ? Math.toDegrees(l.getY()) : l.getY();
                double perUnit = (rad ? EARTH_RADIUS_M : Math.toRadians(1) * EARTH_RADIUS_M);
                if (l.hasXError() && l.hasYError()) {
                    sigma = Math.hypot(l.getXError() * perUnit * Math.cos(Math.toRadians(lat)), l.getYError() * perUnit)
                            / Math.sqrt(2);
                }
            }
            case LOCATION_COORDINATE_SYSTEM_UTM_M -> {
                double[] ll = utmToLonLat(l.getX(), l.getY(), l.getUtmZone());
                lon = ll[0];
                lat = ll[1];
                if (l.hasXError() && l.hasYError()) {
                    sigma = Math.hypot(l.getXError(), l.getYError()) / Math.sqrt(2);
                }
            }
            default -> throw new Unlocatable("location coordinate system " + cs + " not supported");
        }
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            throw new Unlocatable("location outside the globe");
        }
        Coordinate g = Lks94.toGrid(lon, lat);
        return new double[] {g.x, g.y, Math.max(MIN_SIGMA_M, Double.isFinite(sigma) ? sigma : DEFAULT_SIGMA_M)};
    }

    private static double[] fromRangeBearing(RangeBearing rb, SapientNode node) throws Unlocatable {
        if (node.lastStatus() == null || !node.lastStatus().hasNodeLocation()) {
            throw new Unlocatable("range-bearing before the node reported its location");
        }
        if (rb.getDatum() == RangeBearingDatum.RANGE_BEARING_DATUM_MAGNETIC
                || rb.getDatum() == RangeBearingDatum.RANGE_BEARING_DATUM_PLATFORM) {
            throw new Unlocatable("range-bearing from magnetic or platform north not supported");
        }
        if (!rb.hasAzimuth() || !rb.hasRange()) {
            throw new Unlocatable("range-bearing without azimuth or range");
        }
        boolean rad = switch (rb.getCoordinateSystem()) {
            case RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_M, RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_KM -> true;
            default -> false;
        };
        boolean km = switch (rb.getCoordinateSystem()) {
            case RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_KM, RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_KM -> true;
            default -> false;
        };
        double az = rad ? rb.getAzimuth() : Math.toRadians(rb.getAzimuth());
        double el = rb.hasElevation() ? (rad ? rb.getElevation() : Math.toRadians(rb.getElevation())) : 0;
        double range = rb.getRange() * (km ? 1000 : 1);
        double ground = range * Math.cos(el);
        if (!(ground >= 0 && ground < 1_000_000) || !Double.isFinite(az)) {
            throw new Unlocatable("range-bearing out of bounds");
        }
        double[] at = locate(node.lastStatus().getNodeLocation());
        double rangeSigma = rb.hasRangeError() ? rb.getRangeError() * (km ? 1000 : 1) : DEFAULT_SIGMA_M;
        double azSigma = rb.hasAzimuthError() ? (rad ? rb.getAzimuthError() : Math.toRadians(rb.getAzimuthError())) : 0;
        double sigma = Math.max(MIN_SIGMA_M, Math.max(rangeSigma, ground * azSigma));
        // The grid's north differs from true north by under 1.5 degrees across Lithuania: taken as equal.
        return new double[] {at[0] + ground * Math.sin(az), at[1] + ground * Math.cos(az), sigma};
    }

    private static boolean kilometresPerHour(Registration reg) {
        for (Registration.ModeDefinition m : reg.getModeDefinitionList()) {
            for (Registration.DetectionDefinition d : m.getDetectionDefinitionList()) {
                if (d.hasVelocityType() && d.getVelocityType().hasEnuVelocityUnits()
                        && d.getVelocityType().getEnuVelocityUnits().getEastNorthRateUnits().name().endsWith("KPH")) {
                    return true;
                }
            }
        }
        return false;
    }

    static synchronized double[] utmToLonLat(double easting, double northing, String zone) throws Unlocatable {
        String z = zone == null ? "" : zone.strip().toUpperCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})([C-X])?").matcher(z);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 60) {
            throw new Unlocatable("UTM location without a valid utm_zone");
        }
        boolean south = m.group(2) != null && m.group(2).charAt(0) < 'N';
        String key = m.group(1) + (south ? "S" : "N");
        CoordinateTransform tr = UTM.computeIfAbsent(key, k -> {
            CRSFactory f = new CRSFactory();
            return new BasicCoordinateTransform(
                    f.createFromParameters("utm", "+proj=utm +zone=" + m.group(1) + (south ? " +south" : "")
                            + " +datum=WGS84 +units=m +no_defs"),
                    f.createFromParameters("wgs84", "+proj=longlat +datum=WGS84 +no_defs"));
        });
        ProjCoordinate out = tr.transform(new ProjCoordinate(easting, northing), new ProjCoordinate());
        return new double[] {out.x, out.y};
    }
}
