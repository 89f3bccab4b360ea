package org.skydas.siting.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.AssetType;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.Site;
import org.skydas.model.TargetClass;
import org.skydas.model.Zone;
import org.skydas.model.ZoneKind;
import org.skydas.siting.SitingInstance;
import org.skydas.terrain.DemGrid;
import org.skydas.terrain.GeoTransform;
import org.skydas.terrain.coverage.SensorFootprint;
import org.skydas.terrain.scenario.CellMask;
import org.skydas.terrain.scenario.ScenarioCoverage;
import org.skydas.terrain.scenario.ScenarioSensors;

/**
 * A scenario as a siting instance for one target class and one sensor type.
 *
 * <p>Demand: the cells of the coverage grid ({@link ScenarioCoverage#terrain()}, its resolution) whose centre lies in
 * the scenario's buffer zones (the border strip zones when it has none), weight 1 each, each in the sector nearest to
 * it. Candidates: a square grid at {@code spacing} metres (multiples of the spacing in LKS-94) inside the belt, the
 * scenario's sites, or the sites given; each carries the sensor type's parameters and capex from the scenario's first
 * asset of that type (the template), its cost is that capex plus the site's build cost (existing scenario sites: the
 * capex only). A candidate covers the demand cells where it alone detects the class with Pd ≥ the threshold, on the
 * terrain (DEM, land cover) of the coverage model. Operational sensors of any type stand as existing sites.
 */
public final class ScenarioSiting {

    /** A place a sensor could go, in LKS-94; {@code siteId} names the scenario site it stands on, if any. */
    public record Candidate(String id, double x, double y, double costEur, double siteCostEur, boolean existing,
                            String siteId, String assetId) {
    }

    /** Called after each candidate's coverage: (done, total). */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final Scenario scenario;
    private final ScenarioCoverage coverage;
    private final TargetClass target;
    private final Asset template;
    private final int[] demandCells;
    private final int[] demandSector;
    private final List<Candidate> candidates;
    private final int[][] covers;

    private ScenarioSiting(Scenario scenario, ScenarioCoverage coverage, TargetClass target, Asset template,
                           int[] demandCells, int[] demandSector, List<Candidate> candidates, int[][] covers) {
        this.scenario = scenario;
        this.coverage = coverage;
        this.target = target;
        this.template = template;
        this.demandCells = demandCells;
        this.demandSector = demandSector;
        this.candidates = candidates;
        this.covers = covers;
    }

    /**
     * @param given     candidate sites (LKS-94) with their site cost ({@code siteCostEur}; the sensor's capex is added
     *                  here), or null for the grid plus the scenario's sites
     * @param spacingM  grid spacing when {@code given} is null
     * @param siteCostEur build cost of a grid site (mast, power, access)
     * @throws IllegalArgumentException (one line) when the scenario has no belt, no asset of the type, ...
     */
    public static ScenarioSiting prepare(Scenario scenario, ScenarioCoverage coverage, TargetClass target,
                                         AssetType sensorType, List<Candidate> given, double spacingM,
                                         double siteCostEur, Progress progress) {
        if (!sensorType.isSensor()) {
            throw new IllegalArgumentException("--sensor-type " + name(sensorType) + " is not a sensor");
        }
        Asset template = scenario.assets().stream()
                .filter(a -> a.type() == sensorType && a.status() != AssetStatus.DECOMMISSIONED && a.sensor() != null)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the scenario has no " + name(sensorType)
                        + " asset to take the sensor's parameters and cost from"));
        if (ScenarioSensors.footprint(template, target) == null) {
            throw new IllegalArgumentException("a " + name(sensorType) + " (" + template.id() + ") cannot detect "
                    + name(target));
        }
        Geometry belt = belt(scenario);
        DemGrid grid = coverage.terrain();
        GeoTransform gt = grid.transform();
        int w = grid.width();
        boolean[] mask = CellMask.of(belt, w, grid.height(), gt);
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException("the border belt has no cell on the coverage grid");
        }
        int[] cells = new int[n];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                cells[k++] = i;
            }
        }
        int[] sectorOf = nearestSector(scenario.sectors(), cells, w, gt);

        List<Candidate> cands = new ArrayList<>();
        List<SensorFootprint> footprints = new ArrayList<>();
        for (Asset a : scenario.assets()) {
            if (a.type().isSensor() && a.status() == AssetStatus.OPERATIONAL && a.sensor() != null) {
                SensorFootprint f = ScenarioSensors.footprint(a, target);
                if (f != null) {
                    cands.add(new Candidate(a.id(), f.x(), f.y(), 0, 0, true, null, a.id()));
                    footprints.add(f);
                }
            }
        }
        List<Candidate> options = new ArrayList<>();
        if (given != null) {
            for (Candidate c : given) {
                options.add(new Candidate(c.id(), c.x(), c.y(), template.capexEur() + c.siteCostEur(), c.siteCostEur(),
                        false, c.siteId(), null));
            }
        } else {
            for (Site s : scenario.sites()) {
                double siteCost = s.existing() ? 0 : s.buildCostEur();
                options.add(new Candidate("site:" + s.id(), s.geometry().getX(), s.geometry().getY(),
                        template.capexEur() + siteCost, siteCost, false, s.id(), null));
            }
            options.addAll(grid(belt, spacingM, template.capexEur(), siteCostEur));
        }
        for (Candidate c : options) {
            Asset probe = new Asset(c.id(), null, sensorType, Lks94.GRID.createPoint(new Coordinate(c.x(), c.y())),
                    AssetStatus.PROPOSED, template.capexEur(), template.opexEurPerYear(), null, template.year(),
                    template.sensor(), null);
            cands.add(c);
            footprints.add(ScenarioSensors.footprint(probe, target));
        }
        int[] demandIndex = new int[mask.length];
        Arrays.fill(demandIndex, -1);
        for (int i = 0; i < cells.length; i++) {
            demandIndex[cells[i]] = i;
        }
        int[][] cov = new int[cands.size()][];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream.range(0, cands.size()).parallel().forEach(j -> {
            int[] hit = coverage.sensorCells(footprints.get(j), target, coverage.options().threshold());
            cov[j] = Arrays.stream(hit).map(i -> demandIndex[i]).filter(i -> i >= 0).toArray();
            progress.update(done.incrementAndGet(), cands.size());
        });
        return new ScenarioSiting(scenario, coverage, target, template, cells, sectorOf, List.copyOf(cands), cov);
    }

    /**
     * The scenario to build the coverage grid from ({@link ScenarioCoverage#prepare}): the same, with the belt as its
     * only border strip zone, so that the grid spans the whole belt and not just the strip's extent.
     */
    public static Scenario coverageScenario(Scenario s) {
        Zone belt = new Zone("siting-belt", "siting demand belt", ZoneKind.BORDER_STRIP, belt(s), java.util.Map.of());
        return new Scenario(s.metadata(), s.border(), s.sectors(), List.of(belt), s.sites(), s.assets(), s.programme());
    }

    /** The buffer zones (the border strip zones when there are none), as one geometry. */
    public static Geometry belt(Scenario s) {
        List<Geometry> parts = new ArrayList<>();
        for (ZoneKind kind : List.of(ZoneKind.BUFFER, ZoneKind.BORDER_STRIP)) {
            for (Zone z : s.zones()) {
                if (z.kind() == kind) {
                    parts.add(z.geometry());
                }
            }
            if (!parts.isEmpty()) {
                return UnaryUnionOp.union(parts);
            }
        }
        throw new IllegalArgumentException("the scenario has no buffer zone and no border strip zone");
    }

    private static List<Candidate> grid(Geometry belt, double spacing, double capex, double siteCost) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(belt);
        Envelope e = belt.getEnvelopeInternal();
        List<Candidate> out = new ArrayList<>();
        // cell centres of a grid aligned on multiples of the spacing: (k + 1/2) * spacing
        for (double y = (Math.floor(e.getMinY() / spacing) + 0.5) * spacing; y <= e.getMaxY(); y += spacing) {
            for (double x = (Math.floor(e.getMinX() / spacing) + 0.5) * spacing; x <= e.getMaxX(); x += spacing) {
                Point p = Lks94.GRID.createPoint(new Coordinate(x, y));
                if (inside.intersects(p)) {
                    out.add(new Candidate(String.format(Locale.ROOT, "grid-%.0f-%.0f", x, y), x, y, capex + siteCost,
                            siteCost, false, null, null));
                }
            }
        }
        return out;
    }

    private static int[] nearestSector(List<Sector> sectors, int[] cells, int w, GeoTransform gt) {
        int[] out = new int[cells.length];
        Arrays.fill(out, -1);
        if (sectors.isEmpty()) {
            return out;
        }
        STRtree tree = new STRtree();
        for (int s = 0; s < sectors.size(); s++) {
            tree.insert(sectors.get(s).geometry().getEnvelopeInternal(), s);
        }
        tree.build();
        java.util.stream.IntStream.range(0, cells.length).parallel().forEach(k -> {
            int i = cells[k];
            Point p = Lks94.GRID.createPoint(new Coordinate(gt.x(i % w + 0.5, i / w + 0.5), gt.y(i % w + 0.5, i / w + 0.5)));
            Object best = tree.nearestNeighbour(p.getEnvelopeInternal(), -1,
                    (a, b) -> {
                        Object ia = a.getItem();
                        Object ib = b.getItem();
                        int s = (Integer) ia >= 0 ? (Integer) ia : (Integer) ib;
                        return sectors.get(s).geometry().distance(p);
                    });
            out[k] = (Integer) best;
        });
        return out;
    }

    /** The instance for these periods (single: one period, year = the plan's year); demand weight 1 per cell. */
    public SitingInstance instance(List<SitingInstance.Period> periods, boolean multi) {
        return instance(periods, multi, null);
    }

    /** As {@link #instance(List, boolean)} with a weight per demand cell (in {@link #demandCells()} order), or null = 1. */
    public SitingInstance instance(List<SitingInstance.Period> periods, boolean multi, double[] weights) {
        if (weights != null && weights.length != demandCells.length) {
            throw new IllegalArgumentException("weights: " + weights.length + " for " + demandCells.length + " cells");
        }
        List<SitingInstance.Demand> demand = new ArrayList<>(demandCells.length);
        for (int i = 0; i < demandCells.length; i++) {
            demand.add(new SitingInstance.Demand("c" + demandCells[i], weights == null ? 1.0 : weights[i]));
        }
        List<SitingInstance.Candidate> list = new ArrayList<>(candidates.size());
        for (int j = 0; j < candidates.size(); j++) {
            Candidate c = candidates.get(j);
            list.add(new SitingInstance.Candidate(c.id(), (long) Math.ceil(c.costEur() * 100 - 1e-6), covers[j],
                    c.existing()));
        }
        return new SitingInstance(demand, list, periods, multi);
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    public Scenario scenario() {
        return scenario;
    }

    public ScenarioCoverage coverage() {
        return coverage;
    }

    public TargetClass target() {
        return target;
    }

    public Asset template() {
        return template;
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    /** Grid indices of the demand cells. */
    int[] demandCells() {
        return demandCells;
    }

    /** Per demand cell, the index of its nearest sector in the scenario's list, or -1. */
    int[] demandSector() {
        return demandSector;
    }

    int[] covers(int candidate) {
        return covers[candidate];
    }
}
