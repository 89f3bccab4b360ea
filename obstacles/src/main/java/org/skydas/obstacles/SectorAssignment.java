package org.skydas.obstacles;

import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.skydas.model.Sector;

/** The border sectors a field belongs to when its record names none: those within 5 km, else the nearest. */
public final class SectorAssignment {

    public static final double DEFAULT_DISTANCE_M = 5_000;

    private SectorAssignment() {
    }

    public static List<String> near(List<Sector> sectors, Geometry field, double distanceM) {
        List<Sector> within = sectors.stream().filter(s -> s.geometry().isWithinDistance(field, distanceM))
                .sorted(Comparator.comparingDouble(s -> s.geometry().distance(field))).toList();
        if (!within.isEmpty()) {
            return within.stream().map(Sector::id).toList();
        }
        return sectors.stream().min(Comparator.comparingDouble(s -> s.geometry().distance(field)))
                .map(s -> List.of(s.id())).orElse(List.of());
    }

    /** The record with sectors filled in when it has none. */
    public static ObstacleField fill(ObstacleField f, List<Sector> sectors) {
        return f.sectors().isEmpty() ? f.withSectors(near(sectors, f.geometry(), DEFAULT_DISTANCE_M)) : f;
    }
}
