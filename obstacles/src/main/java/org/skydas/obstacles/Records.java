package org.skydas.obstacles;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.skydas.model.Wire;

/** The parts of a register entry. */
public final class Records {

    private Records() {
    }

    /** How explosive devices were emplaced (Technical Annex 1(a)(iii): "emplacing method"). */
    public enum Emplacement {
        SURFACE, BURIED, REMOTELY_DELIVERED;

        public String wire() {
            return Wire.name(this);
        }
    }

    /** What a non-explosive obstacle is meant to do to a mover (doctrinal obstacle effects). */
    public enum Effect {
        DISRUPT, FIX, TURN, BLOCK;

        public String wire() {
            return Wire.name(this);
        }
    }

    /**
     * A reference point of a field (Technical Annex 1(a)(i), 1(b)): WGS84 coordinates, a description a
     * clearance team can find on the ground, and whether it is marked there.
     */
    public record ReferencePoint(double lon, double lat, String description, boolean groundMarked) {
    }

    /**
     * One type of device laid in a field with its count, fuze, self-destruct / self-deactivation and
     * active life, and anti-handling devices (Technical Annex 1(a)(iii), 1(b)).
     *
     * @param category device category for the hand-over (e.g. {@code anti_tank}, {@code anti_vehicle}); free text
     */
    public record Device(String type, String category, int count, String fuze, boolean selfDestruct,
                         Boolean selfDeactivation, Integer activeLifeDays, boolean antiHandling,
                         String antiHandlingType) {
    }

    /** A row of a row minefield: where the row runs is recorded instead of every device (Annex 1(a)(iii)). */
    public record MineRow(String id, double startLon, double startLat, double endLon, double endLat, int count,
                          String deviceType) {
    }

    /** The Protocol II record of an explosive field. {@code laidAt} is null while the field is only planned. */
    public record Explosive(List<ReferencePoint> referencePoints, List<Device> devices, List<MineRow> rows,
                            Emplacement emplacement, Instant laidAt, String layingUnit, String orderRef,
                            String custody) {
        public Explosive {
            referencePoints = List.copyOf(referencePoints);
            devices = List.copyOf(devices);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        public int deviceCount() {
            return devices.stream().mapToInt(Device::count).sum();
        }
    }

    /**
     * A non-explosive obstacle's dimensions, intended effect and crossing delay per mover (seconds a mover
     * loses crossing it; the corridors analysis reads these).
     */
    public record Barrier(double lengthM, double widthM, Double depthM, Effect effect, Map<String, Double> delayS) {
        public Barrier {
            delayS = Map.copyOf(delayS);
        }
    }

    /** The quality-management check of a clearance (IMAS-style QA/QC: who checked, when, result). */
    public record QualityCheck(String by, Instant at, boolean passed, String reference) {
    }

    /** What a clearance did: required for the transition to {@code cleared}. */
    public record Clearance(String organisation, String method, Instant startedAt, Instant completedAt,
                            double areaClearedM2, int devicesFound, QualityCheck qualityCheck) {
    }

    /** One step of the life cycle, as the record and the audit keep it. */
    public record StatusChange(FieldStatus from, FieldStatus to, Instant at, String actor, String role, String note,
                               Clearance clearance) {
    }
}
