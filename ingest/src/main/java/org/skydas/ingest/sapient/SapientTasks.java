package org.skydas.ingest.sapient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.Location;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationCoordinateSystem;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationDatum;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationList;
import uk.gov.dstl.sapientmsg.bsiflex335v2.LocationOrRangeBearing;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Registration;
import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.Task;

/**
 * The tasks an operator may send a SAPIENT sensor node, and the one rule that no request can bend: a node that
 * registered as an effector (kinetic, jammer, cyber, laser or RF directed energy) is never tasked (ADR 0003). Skydas
 * builds a task only for an operator's explicit request; nothing here is called automatically.
 *
 * <p>Pure: builds and checks messages, sends nothing.
 */
public final class SapientTasks {

    /** Node types that act on a target rather than sense it: never tasked by Skydas. */
    public static final Set<Registration.NodeType> EFFECTORS = EnumSet.of(Registration.NodeType.NODE_TYPE_KINETIC,
            Registration.NodeType.NODE_TYPE_JAMMER, Registration.NodeType.NODE_TYPE_CYBER,
            Registration.NodeType.NODE_TYPE_LDEW, Registration.NodeType.NODE_TYPE_RFDEW);

    /** What an operator asks a sensor node to do. */
    public sealed interface Command {
        /** The wire name ({@code look_at}, {@code mode_change}, {@code detection_threshold}). */
        String kind();

        /** A short human summary for the audit log and the console. */
        String summary();
    }

    /** Point the sensor at a place (WGS84 degrees, height in metres above the ellipsoid). */
    public record LookAt(double lon, double lat, double heightM) implements Command {
        public LookAt {
            if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180) || !Double.isFinite(heightM)) {
                throw new IllegalArgumentException("look_at needs lat in [-90, 90], lon in [-180, 180] and a finite height");
            }
        }

        @Override
        public String kind() {
            return "look_at";
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "look at %.6f, %.6f, %.0f m", lat, lon, heightM);
        }
    }

    /** Switch to one of the modes the node declared in its registration. */
    public record ModeChange(String mode) implements Command {
        public ModeChange {
            if (mode == null || mode.isBlank() || mode.length() > 200) {
                throw new IllegalArgumentException("mode_change needs a mode name (1 … 200 characters)");
            }
        }

        @Override
        public String kind() {
            return "mode_change";
        }

        @Override
        public String summary() {
            return "mode " + mode;
        }
    }

    /** The sensitivity the node should detect with. */
    public record DetectionThreshold(Level level) implements Command {
        public DetectionThreshold {
            if (level == null) {
                throw new IllegalArgumentException("detection_threshold needs a level: low, medium or high");
            }
        }

        @Override
        public String kind() {
            return "detection_threshold";
        }

        @Override
        public String summary() {
            return "detection threshold " + level.name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Level {
        LOW, MEDIUM, HIGH;

        public static Level parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("level must be low, medium or high");
            }
        }

        Task.DiscreteThreshold wire() {
            return switch (this) {
                case LOW -> Task.DiscreteThreshold.DISCRETE_THRESHOLD_LOW;
                case MEDIUM -> Task.DiscreteThreshold.DISCRETE_THRESHOLD_MEDIUM;
                case HIGH -> Task.DiscreteThreshold.DISCRETE_THRESHOLD_HIGH;
            };
        }
    }

    private SapientTasks() {
    }

    /** The effector types among a registration's node definitions (empty: a sensor node Skydas may task). */
    public static List<String> effectorTypes(Registration r) {
        List<String> out = new ArrayList<>();
        for (Registration.NodeDefinition d : r.getNodeDefinitionList()) {
            if (EFFECTORS.contains(d.getNodeType())) {
                out.add(d.getNodeType().name());
            }
        }
        return out;
    }

    /** The mode names a node declared. */
    public static List<String> modes(Registration r) {
        return r.getModeDefinitionList().stream().map(Registration.ModeDefinition::getModeName).toList();
    }

    /**
     * Why {@code command} may not go to a node with {@code registration}, or null when it may: an effector is never
     * tasked, and a mode change names one of the node's declared modes.
     */
    public static String refusal(Registration registration, Command command) {
        List<String> effector = effectorTypes(registration);
        if (!effector.isEmpty()) {
            return "the node registered as an effector (" + String.join(", ", effector)
                    + "): Skydas never tasks an effector";
        }
        if (command instanceof ModeChange m && !modes(registration).contains(m.mode())) {
            return "the node declared no mode '" + m.mode() + "' (its modes: " + String.join(", ", modes(registration)) + ")";
        }
        return null;
    }

    /**
     * The {@code Task} message (control START) from the fusion node {@code fusionNodeId} to {@code nodeId}, with id
     * {@code taskId}, sent at {@code now}; {@code description} says who asked and why (the node may show it).
     */
    public static SapientMessage task(String fusionNodeId, String nodeId, String taskId, Instant now, Command command,
                                      String description) {
        Task.Command.Builder c = Task.Command.newBuilder();
        switch (command) {
            case LookAt l -> c.setLookAt(LocationOrRangeBearing.newBuilder().setLocationList(LocationList.newBuilder()
                    .addLocations(Location.newBuilder().setX(l.lon()).setY(l.lat()).setZ(l.heightM())
                            .setCoordinateSystem(LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                            .setDatum(LocationDatum.LOCATION_DATUM_WGS84_E))));
            case ModeChange m -> c.setModeChange(m.mode());
            case DetectionThreshold d -> c.setDetectionThreshold(d.level().wire());
        }
        Task.Builder t = Task.newBuilder().setTaskId(taskId).setTaskName("skydas " + command.kind())
                .setControl(Task.Control.CONTROL_START).setCommand(c);
        if (description != null && !description.isBlank()) {
            t.setTaskDescription(description.length() > 500 ? description.substring(0, 500) : description);
        }
        return SapientMessage.newBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setNodeId(fusionNodeId).setDestinationId(nodeId).setTask(t).build();
    }
}
