package org.skydas.ingest.sapient;

import java.util.List;

import uk.gov.dstl.sapientmsg.bsiflex335v2.ENUVelocityUnits;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SpeedUnits;

/**
 * A complete, valid v2.0 {@code Registration} for a simple sensor node that reports detections in WGS84 degrees with
 * ENU velocity in m/s, classifies air vehicles (rotary and fixed wing UAVs) and accepts look-at, mode-change and
 * detection-threshold tasks: what the simulator's nodes send, and what tests register with when they need a node of
 * a given type.
 */
public final class SapientRegistrations {

    private SapientRegistrations() {
    }

    /**
     * @param type  the node's type (a radar, a passive RF detector…)
     * @param modes its modes; the first is its default
     */
    public static Registration sensor(String name, String shortName, Registration.NodeType type, String manufacturer,
                                      String model, List<String> modes) {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("a node has at least one mode");
        }
        Registration.LocationType wgs84 = Registration.LocationType.newBuilder()
                .setLocationUnits(LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                .setLocationDatum(LocationDatum.LOCATION_DATUM_WGS84_E).build();
        Registration.Duration oneSecond = Registration.Duration.newBuilder()
                .setUnits(Registration.TimeUnits.TIME_UNITS_SECONDS).setValue(1).build();
        Registration.TaskDefinition.Builder task = Registration.TaskDefinition.newBuilder().setConcurrentTasks(1)
                .setRegionDefinition(Registration.RegionDefinition.newBuilder()
                        .addRegionType(Registration.RegionType.REGION_TYPE_AREA_OF_INTEREST).addRegionArea(wgs84));
        for (Registration.CommandType c : List.of(Registration.CommandType.COMMAND_TYPE_LOOK_AT,
                Registration.CommandType.COMMAND_TYPE_MODE_CHANGE, Registration.CommandType.COMMAND_TYPE_DETECTION_THRESHOLD)) {
            task.addCommand(Registration.Command.newBuilder().setType(c).setUnits(
                    c == Registration.CommandType.COMMAND_TYPE_MODE_CHANGE ? String.join(", ", modes)
                            : c == Registration.CommandType.COMMAND_TYPE_LOOK_AT ? "LAT_LNG_DEG_M" : "Low, Medium, High")
                    .setCompletionTime(oneSecond));
        }
        Registration.DetectionDefinition detection = Registration.DetectionDefinition.newBuilder()
                .setLocationType(wgs84)
                .setVelocityType(Registration.VelocityType.newBuilder()
                        .setEnuVelocityUnits(ENUVelocityUnits.newBuilder().setEastNorthRateUnits(SpeedUnits.SPEED_UNITS_MS))
                        .setLocationDatum(LocationDatum.LOCATION_DATUM_WGS84_E))
                .addDetectionClassDefinition(Registration.DetectionClassDefinition.newBuilder()
                        .setConfidenceDefinition(Registration.ConfidenceDefinition.CONFIDENCE_DEFINITION_SINGLE_CLASS)
                        .addClassDefinition(Registration.ClassDefinition.newBuilder().setType("Air Vehicle").setUnits("0-1")
                                .addSubClass(Registration.SubClass.newBuilder().setType("UAV Rotary Wing").setLevel(1))
                                .addSubClass(Registration.SubClass.newBuilder().setType("UAV Fixed Wing").setLevel(1))))
                .build();
        Registration.Builder r = Registration.newBuilder()
                .addNodeDefinition(Registration.NodeDefinition.newBuilder().setNodeType(type))
                .setIcdVersion(SapientCodec.ICD_V2).setName(name).setShortName(shortName)
                .addCapabilities(Registration.Capability.newBuilder().setCategory("Sensor").setType("Detection"))
                .setStatusDefinition(Registration.StatusDefinition.newBuilder()
                        .setStatusInterval(Registration.Duration.newBuilder()
                                .setUnits(Registration.TimeUnits.TIME_UNITS_SECONDS).setValue(5))
                        .setLocationDefinition(wgs84).setFieldOfViewDefinition(Registration.LocationType.newBuilder()
                                .setRangeBearingUnits(uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingCoordinateSystem
                                        .RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_M)
                                .setRangeBearingDatum(uk.gov.dstl.sapientmsg.bsiflex335v2.RangeBearingDatum.RANGE_BEARING_DATUM_TRUE)))
                .addConfigData(Registration.ConfigurationData.newBuilder().setManufacturer(manufacturer).setModel(model));
        for (int i = 0; i < modes.size(); i++) {
            r.addModeDefinition(Registration.ModeDefinition.newBuilder().setModeName(modes.get(i))
                    .setModeType(i == 0 ? Registration.ModeType.MODE_TYPE_DEFAULT : Registration.ModeType.MODE_TYPE_PERMANENT)
                    .setSettleTime(oneSecond).setScanType(Registration.ScanType.SCAN_TYPE_SCANNING)
                    .setTrackingType(Registration.TrackingType.TRACKING_TYPE_TRACK)
                    .addDetectionDefinition(detection).setTask(task));
        }
        return r.build();
    }
}
