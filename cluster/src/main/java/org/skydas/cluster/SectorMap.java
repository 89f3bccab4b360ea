package org.skydas.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;

/**
 * Which border sector owns a position, which other sectors see it as halo, and which Kafka partition carries a
 * sector: the partitioning of the sector topic (see docs/adr/0024-kafka-scale-out.md).
 *
 * <p><b>Owner.</b> A scenario's sectors are pieces of the border line (LKS-94 metres). A position p is owned by the
 * sector whose line is nearest to p (its distance {@code d_s(p)}); on an exact tie the sector listed first in the
 * scenario wins. The ownership regions are thus the Voronoi cells of the sector lines: they cover the whole plane,
 * both sides of the border and deep inland, so every position has exactly one owner.
 *
 * <p><b>Halo.</b> With halo width H, a detection also goes, marked as halo, to every other sector s with
 * {@code d_s(p) − d_owner(p) ≤ 2H}. Distance to a line is 1-Lipschitz, so a point δ metres from s's region has
 * {@code d_s − d_owner ≤ 2δ}: the rule includes every sector whose region lies within H metres of p (a target about
 * to cross into s is already seen by s's owner) and may include a few more near corners, never one farther than
 * 2H from p's owner boundary. The halo is listed nearest first.
 *
 * <p><b>Partition.</b> Sectors keep the scenario's order (border line by border line, sector by sector along each
 * line), and with P partitions and N sectors the sector of ordinal k goes to partition {@code floor(k·P/N)}: contiguous
 * blocks of neighbouring sectors, so a target walking along the border stays on one tracker node for as long as
 * possible and halo copies mostly stay within a partition. The mapping is a pure function of (the scenario's sector
 * ids in order, P): every ingest and tracker node must use the same scenario and partition count (the tracker node
 * counts records whose key is a sector it would put elsewhere: {@code misrouted}).
 *
 * <p>Immutable in what it answers and thread-safe; a lookup is an R-tree search over the border's segments within
 * reach of the position, bounded by the distance to the nearest line from the centre of its 500 m cell (cached).
 */
public final class SectorMap {

    /** The sectors a position goes to: its owner and, nearest first, the sectors that see it as halo. */
    public record Routing(String owner, List<String> halo) {
        public Routing {
            Objects.requireNonNull(owner, "owner");
            halo = List.copyOf(halo);
        }

        /** The owner and then the halo sectors. */
        public List<String> all() {
            List<String> all = new ArrayList<>(1 + halo.size());
            all.add(owner);
            all.addAll(halo);
            return all;
        }
    }

    private record Segment(int sector, LineSegment line) {
    }

    /** Side of the cells whose centre's nearest-line distance is cached, m. */
    static final double CELL_M = 500;
    static final double CELL_HALF_DIAGONAL_M = CELL_M * Math.sqrt(0.5);
    /** At most this many cells are cached (~10 000 km² at 500 m: the whole border belt), then lookups go uncached. */
    static final int MAX_CELLS = 40_000;

    private final List<String> ids;
    private final Map<String, Integer> ordinal = new HashMap<>();
    private final int partitions;
    private final double haloM;
    private final STRtree index = new STRtree();
    private final java.util.concurrent.ConcurrentHashMap<Long, Double> cellNearest = new java.util.concurrent.ConcurrentHashMap<>();

    private SectorMap(List<Sector> sectors, int partitions, double haloM) {
        if (sectors.isEmpty()) {
            throw new IllegalArgumentException("sector map: the scenario has no sectors");
        }
        if (partitions < 1 || partitions > sectors.size()) {
            throw new IllegalArgumentException("sector map: partitions must be in 1.." + sectors.size()
                    + " (one partition holds one or more whole sectors), is " + partitions);
        }
        if (!(haloM >= 0) || Double.isInfinite(haloM)) {
            throw new IllegalArgumentException("sector map: halo must be a finite width >= 0 m, is " + haloM);
        }
        this.partitions = partitions;
        this.haloM = haloM;
        List<String> names = new ArrayList<>(sectors.size());
        for (Sector s : sectors) {
            if (ordinal.putIfAbsent(s.id(), names.size()) != null) {
                throw new IllegalArgumentException("sector map: sector id " + s.id() + " appears twice");
            }
            int k = names.size();
            names.add(s.id());
            Geometry g = s.geometry();
            int segments = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Coordinate[] c = ((LineString) g.getGeometryN(i)).getCoordinates();
                for (int j = 0; j + 1 < c.length; j++) {
                    LineSegment seg = new LineSegment(c[j], c[j + 1]);
                    index.insert(new Envelope(c[j], c[j + 1]), new Segment(k, seg));
                    segments++;
                }
                if (c.length == 1) {
                    index.insert(new Envelope(c[0]), new Segment(k, new LineSegment(c[0], c[0])));
                    segments++;
                }
            }
            if (segments == 0) {
                throw new IllegalArgumentException("sector map: sector " + s.id() + " has an empty geometry");
            }
        }
        this.ids = Collections.unmodifiableList(names);
        index.build();
    }

    /** The map of {@code scenario}'s sectors over {@code partitions} partitions with a halo of {@code haloM} metres. */
    public static SectorMap of(Scenario scenario, int partitions, double haloM) {
        return of(scenario.sectors(), partitions, haloM);
    }

    /** The map of {@code sectors} (in their order) over {@code partitions} partitions with a halo of {@code haloM} m. */
    public static SectorMap of(List<Sector> sectors, int partitions, double haloM) {
        return new SectorMap(sectors, partitions, haloM);
    }

    /** The owner and halo sectors of the LKS-94 position (x east, y north, metres). */
    public Routing route(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("sector map: position must be finite, is (" + x + ", " + y + ")");
        }
        Coordinate p = new Coordinate(x, y);
        // The owner is at most (distance of the nearest line from the cell's centre + half the cell's diagonal) away;
        // every sector of the result is within that + 2H: the exact nearest distance per sector from its segments there.
        double reach = nearestFromCell(x, y) + CELL_HALF_DIAGONAL_M + 2 * haloM;
        Envelope search = new Envelope(p);
        search.expandBy(reach);
        double[] best = new double[ids.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        index.query(search, item -> {
            Segment s = (Segment) item;
            best[s.sector()] = Math.min(best[s.sector()], s.line().distance(p));
        });
        int owner = -1;
        for (int k = 0; k < best.length; k++) {
            if (owner < 0 || best[k] < best[owner]) {
                owner = k;
            }
        }
        double limit = best[owner] + 2 * haloM;
        List<Integer> halo = new ArrayList<>();
        for (int k = 0; k < best.length; k++) {
            if (k != owner && best[k] <= limit) {
                halo.add(k);
            }
        }
        halo.sort((a, b) -> best[a] != best[b] ? Double.compare(best[a], best[b]) : Integer.compare(a, b));
        List<String> haloIds = new ArrayList<>(halo.size());
        halo.forEach(k -> haloIds.add(ids.get(k)));
        return new Routing(ids.get(owner), haloIds);
    }

    /**
     * The owner sector of the LKS-94 position: the same sector as {@code route(x, y).owner()}, found without the halo,
     * so the search box is the owner's reach only (the nearest line's distance from the cell's centre plus half the
     * cell's diagonal) instead of that plus 2H. A tracker node asks this for every track update.
     */
    public String owner(double x, double y) {
        return ids.get(ownerOrdinal(x, y));
    }

    /** The partition of the sector that owns the LKS-94 position: {@code partitionOf(owner(x, y))}. */
    public int ownerPartition(double x, double y) {
        return partitionOfOrdinal(ownerOrdinal(x, y));
    }

    private int ownerOrdinal(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("sector map: position must be finite, is (" + x + ", " + y + ")");
        }
        Coordinate p = new Coordinate(x, y);
        Envelope search = new Envelope(p);
        search.expandBy(nearestFromCell(x, y) + CELL_HALF_DIAGONAL_M);
        // The nearest segment wins; ties go to the sector listed first, as in route.
        int[] owner = {-1};
        double[] bestD = {Double.POSITIVE_INFINITY};
        index.query(search, item -> {
            Segment s = (Segment) item;
            double d = s.line().distance(p);
            if (d < bestD[0] || (d == bestD[0] && s.sector() < owner[0])) {
                bestD[0] = d;
                owner[0] = s.sector();
            }
        });
        if (owner[0] < 0) {
            return ordinalOf(route(x, y).owner()); // cannot happen (the reach holds the nearest line); stay exact
        }
        return owner[0];
    }

    private int ordinalOf(String sectorId) {
        return ordinal.get(sectorId);
    }

    /** The distance from the centre of p's cell to the nearest sector line, cached per cell (a bounded cache). */
    private double nearestFromCell(double x, double y) {
        long i = (long) Math.floor(x / CELL_M);
        long j = (long) Math.floor(y / CELL_M);
        long key = (i << 32) ^ (j & 0xFFFF_FFFFL);
        Double known = cellNearest.get(key);
        if (known != null) {
            return known;
        }
        Coordinate c = new Coordinate((i + 0.5) * CELL_M, (j + 0.5) * CELL_M);
        Segment nearest = (Segment) index.nearestNeighbour(new Envelope(c), new Segment(-1, new LineSegment(c, c)),
                (a, b) -> ((Segment) a.getItem()).line().distance(((Segment) b.getItem()).line()));
        double d = nearest.line().distance(c);
        if (cellNearest.size() < MAX_CELLS) {
            cellNearest.put(key, d);
        }
        return d;
    }

    /** The partition that carries {@code sectorId}; an unknown id is an error (another scenario?). */
    public int partitionOf(String sectorId) {
        Integer k = ordinal.get(sectorId);
        if (k == null) {
            throw new IllegalArgumentException("sector map: unknown sector " + sectorId);
        }
        return partitionOfOrdinal(k);
    }

    /** True when {@code sectorId} is a sector of this map. */
    public boolean knows(String sectorId) {
        return ordinal.containsKey(sectorId);
    }

    /** The sectors partition {@code partition} carries, in scenario order (never empty). */
    public List<String> sectorsOf(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("sector map: partition must be in 0.." + (partitions - 1) + ", is "
                    + partition);
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            if (partitionOfOrdinal(k) == partition) {
                out.add(ids.get(k));
            }
        }
        return out;
    }

    private int partitionOfOrdinal(int k) {
        return (int) ((long) k * partitions / ids.size());
    }

    /** The sector ids in scenario order. */
    public List<String> sectorIds() {
        return ids;
    }

    public int partitions() {
        return partitions;
    }

    public double haloM() {
        return haloM;
    }
}
