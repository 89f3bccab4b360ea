package org.skydas.sim.encode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.skydas.ingest.sapient.SapientFrames;
import org.skydas.ingest.sapient.SapientRegistrations;
import org.skydas.ingest.sapient.Ulid;
import org.skydas.sim.script.SapientNodeSpec;

import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Alert;
import uk.gov.dstl.sapientmsg.bsiflex335v2.DetectionReport;
import uk.gov.dstl.sapientmsg.bsiflex335v2.ENUVelocity;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationOrRangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCone;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.StatusReport;

/**
 * The SAPIENT messages a simulated sensor node sends, each framed for TCP (4-byte little-endian length, then the
 * protobuf): its registration, status reports (position and field of view), detection reports of drones (WGS84
 * degrees, ENU velocity in m/s, "Air Vehicle" / "UAV Rotary Wing") and alerts. Ids are made from the node, the
 * object and the time, so that the same run writes the same bytes.
 */
public final class SapientEncoder {

    /** The modes a simulated node declares; the first is the one it runs in. */
    public static final List<String> MODES = List.of("Surveillance", "Track");

    private SapientEncoder() {
    }

    /** The node's UUID, the same on every run (a name-based UUID of its id). */
    public static String nodeUuid(String nodeId) {
        return UUID.nameUUIDFromBytes(("skydas-sim-sapient:" + nodeId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ULID of an object the node tracks: stable for the node and object. */
    public static String objectUlid(Instant start, String nodeId, String objectId) {
        return Ulid.of(start.toEpochMilli(), (nodeId.hashCode() & 0xFFFF), ((long) objectId.hashCode() << 16) ^ 0x5A17L);
    }

    /** The ULID of the node's {@code seq}-th report of some kind {@code kind} at {@code t}. */
    public static String reportUlid(Instant t, int kind, long seq) {
        return Ulid.of(t.toEpochMilli(), kind, seq);
    }

    public static byte[] registration(Instant t, SapientNodeSpec node) {
        Registration r = SapientRegistrations.sensor(node.name(), node.shortName(),
                node.kind() == SapientNodeSpec.Kind.RADAR ? Registration.NodeType.NODE_TYPE_RADAR
                        : Registration.NodeType.NODE_TYPE_PASSIVE_RF,
                "Skydas simulator", node.kind() == SapientNodeSpec.Kind.RADAR ? "counter-drone radar" : "RF detector",
                MODES);
        return frame(envelope(t, node).setRegistration(r));
    }

    /** A status report: OK, in its first mode, where it stands and what it sees. */
    public static byte[] status(Instant t, SapientNodeSpec node, long seq) {
        double width = ((node.azimuthToDeg() - node.azimuthFromDeg()) % 360 + 360) % 360;
        double centre = width == 0 ? 0 : node.azimuthFromDeg() + width / 2;
        StatusReport.Builder s = StatusReport.newBuilder().setReportId(reportUlid(t, 2, seq))
                .setSystem(StatusReport.System.SYSTEM_OK)
                .setInfo(seq == 0 ? StatusReport.Info.INFO_NEW : StatusReport.Info.INFO_UNCHANGED).setMode(MODES.get(0))
                .setNodeLocation(location(node.lon(), node.lat(), node.mastHeightM(), 0))
                .setFieldOfView(LocationOrRangeBearing.newBuilder().setRangeBearing(RangeBearingCone.newBuilder()
                        .setAzimuth(((centre % 360) + 360) % 360).setHorizontalExtent(width == 0 ? 360 : width)
                        .setRange(node.rangeM())
                        .setCoordinateSystem(RangeBearingCoordinateSystem.RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_M)
                        .setDatum(RangeBearingDatum.RANGE_BEARING_DATUM_TRUE)));
        return frame(envelope(t, node).setStatusReport(s));
    }

    /**
     * A detection of a drone at {@code lon, lat} (degrees), {@code heightM}, with one-sigma {@code sigmaM} and velocity
     * east/north (m/s; NaN: none).
     */
    public static byte[] detection(Instant t, SapientNodeSpec node, String objectUlid, long seq, double lon, double lat,
                                   double heightM, double sigmaM, double eastMps, double northMps, double confidence) {
        DetectionReport.Builder d = DetectionReport.newBuilder().setReportId(reportUlid(t, 3, seq)).setObjectId(objectUlid)
                .setLocation(location(lon, lat, heightM, sigmaM)).setDetectionConfidence((float) confidence)
                .addClassification(DetectionReport.DetectionReportClassification.newBuilder().setType("Air Vehicle")
                        .setConfidence((float) confidence).addSubClass(DetectionReport.SubClass.newBuilder()
                                .setType("UAV Rotary Wing").setLevel(1).setConfidence((float) (confidence * 0.9))));
        if (Double.isFinite(eastMps) && Double.isFinite(northMps)) {
            d.setEnuVelocity(ENUVelocity.newBuilder().setEastRate(eastMps).setNorthRate(northMps));
        }
        return frame(envelope(t, node).setDetectionReport(d));
    }

    /** An active warning alert of the node at {@code lon, lat}. */
    public static byte[] alert(Instant t, SapientNodeSpec node, long seq, String description, double lon, double lat) {
        return frame(envelope(t, node).setAlert(Alert.newBuilder().setAlertId(reportUlid(t, 4, seq))
                .setAlertType(Alert.AlertType.ALERT_TYPE_WARNING).setStatus(Alert.AlertStatus.ALERT_STATUS_ACTIVE)
                .setPriority(Alert.DiscretePriority.DISCRETE_PRIORITY_MEDIUM).setDescription(description)
                .setLocation(location(lon, lat, 0, 0))));
    }

    private static SapientMessage.Builder envelope(Instant t, SapientNodeSpec node) {
        return SapientMessage.newBuilder().setTimestamp(Timestamp.newBuilder().setSeconds(t.getEpochSecond())
                .setNanos(t.getNano())).setNodeId(nodeUuid(node.id()));
    }

    /** WGS84 degrees; a one-sigma error in metres given as degrees, as the coordinate system says. */
    private static Location location(double lon, double lat, double heightM, double sigmaM) {
        Location.Builder l = Location.newBuilder().setX(lon).setY(lat).setZ(heightM)
                .setCoordinateSystem(LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                .setDatum(LocationDatum.LOCATION_DATUM_WGS84_E);
        if (sigmaM > 0) {
            l.setXError(sigmaM / (111_320 * Math.cos(Math.toRadians(lat)))).setYError(sigmaM / 111_320);
        }
        return l.build();
    }

    private static byte[] frame(SapientMessage.Builder m) {
        return SapientFrames.frame(m.build().toByteArray());
    }
}
