package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.skydas.geo.Lks94;
import org.skydas.model.BorderLine;
import org.skydas.model.Neighbour;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.SectorCutter;
import org.skydas.model.demo.DemoScenario;
import org.skydas.model.demo.StraightBorder;

/**
 * The sector partitioning against brute force over the real Lithuanian border of the demo scenario (its 10 km
 * sectors) and over random zig-zag borders: the owner is the nearest sector line, the halo is exactly the 2H rule and
 * so holds every sector a move of up to H metres can lead into, the partitions are contiguous non-empty blocks.
 */
class SectorMapProperties {

    private static final double HALO_M = 1_000;
    private static Scenario demo;
    private static SectorMap demoMap;

    private static synchronized Scenario demo() {
        if (demo == null) {
            demo = new DemoScenario().build();
        }
        return demo;
    }

    private static synchronized SectorMap demoMap() {
        if (demoMap == null) {
            demoMap = SectorMap.of(demo(), 8, HALO_M);
        }
        return demoMap;
    }

    /** Positions within 30 km of the demo border's envelope: both sides, inland, near every corner. */
    @Provide
    Arbitrary<Coordinate> nearDemoBorder() {
        Envelope e = new Envelope();
        demo().sectors().forEach(s -> e.expandToInclude(s.geometry().getEnvelopeInternal()));
        e.expandBy(30_000);
        // Half the positions near a random sector (within 3 km of a vertex), where owners and halos change.
        Arbitrary<Coordinate> anywhere = Combinators.combine(
                Arbitraries.doubles().between(Math.floor(e.getMinX()), Math.ceil(e.getMaxX())),
                Arbitraries.doubles().between(Math.floor(e.getMinY()), Math.ceil(e.getMaxY()))).as(Coordinate::new);
        Arbitrary<Coordinate> nearBorder = Combinators.combine(
                Arbitraries.integers().between(0, demo().sectors().size() - 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(-3_000, 3_000),
                Arbitraries.doubles().between(-3_000, 3_000)).as((k, f, dx, dy) -> {
                    Coordinate[] c = demo().sectors().get(k).geometry().getCoordinates();
                    Coordinate v = c[(int) (f * (c.length - 1))];
                    return new Coordinate(v.x + dx, v.y + dy);
                });
        return Arbitraries.oneOf(anywhere, nearBorder);
    }

    @Property(tries = 300)
    void theOwnerIsTheNearestSectorLine(@ForAll("nearDemoBorder") Coordinate c) {
        SectorMap map = demoMap();
        SectorMap.Routing r = map.route(c.x, c.y);
        double[] d = distances(demo().sectors(), c);
        double min = java.util.Arrays.stream(d).min().orElseThrow();
        assertThat(d[indexOf(demo().sectors(), r.owner())]).isCloseTo(min, org.assertj.core.data.Offset.offset(1e-6));
        // The owner-only search (what tracker nodes ask per track update) names the same sector and partition.
        assertThat(map.owner(c.x, c.y)).isEqualTo(r.owner());
        assertThat(map.ownerPartition(c.x, c.y)).isEqualTo(map.partitionOf(r.owner()));
    }

    @Property(tries = 300)
    void theHaloIsEverySectorWithinTwiceTheHaloOfTheOwnersDistance(@ForAll("nearDemoBorder") Coordinate c) {
        SectorMap.Routing r = demoMap().route(c.x, c.y);
        double[] d = distances(demo().sectors(), c);
        double owner = d[indexOf(demo().sectors(), r.owner())];
        Set<String> expected = new HashSet<>();
        Set<String> borderline = new HashSet<>();
        for (int k = 0; k < d.length; k++) {
            String id = demo().sectors().get(k).id();
            if (id.equals(r.owner())) continue;
            double excess = d[k] - owner - 2 * HALO_M;
            if (Math.abs(excess) < 1e-6) borderline.add(id);    // rounding decides: either answer is right
            else if (excess < 0) expected.add(id);
        }
        Set<String> got = new HashSet<>(r.halo());
        got.removeAll(borderline);
        assertThat(got).isEqualTo(expected);
        assertThat(r.halo()).doesNotContain(r.owner()).doesNotHaveDuplicates();
        for (int i = 1; i < r.halo().size(); i++) {
            assertThat(d[indexOf(demo().sectors(), r.halo().get(i))])
                    .isGreaterThanOrEqualTo(d[indexOf(demo().sectors(), r.halo().get(i - 1))]);
        }
    }

    /** The point of the halo: wherever the target goes next within H metres, that sector's owner has seen it. */
    @Property(tries = 1000)
    void aMoveOfAtMostTheHaloNeverLeadsIntoASectorThatDidNotSeeTheDetection(
            @ForAll("nearDemoBorder") Coordinate c, @ForAll @DoubleRange(min = 0, max = 1) double f,
            @ForAll @DoubleRange(min = 0, max = 360) double bearingDeg) {
        SectorMap map = demoMap();
        SectorMap.Routing here = map.route(c.x, c.y);
        double step = f * HALO_M;
        double bearing = Math.toRadians(bearingDeg);
        SectorMap.Routing there = map.route(c.x + step * Math.sin(bearing), c.y + step * Math.cos(bearing));
        assertThat(here.all()).contains(there.owner());
    }

    /** Random zig-zag borders, cut into sectors: the same rules where sectors meet at every angle. */
    @Property(tries = 200)
    void onRandomBordersOwnersAndHalosFollowTheRules(@ForAll("zigzag") List<Coordinate> vertices,
                                                      @ForAll @DoubleRange(min = -0.2, max = 1.2) double fx,
                                                      @ForAll @DoubleRange(min = -0.5, max = 0.5) double fy,
                                                      @ForAll @DoubleRange(min = 0, max = 3_000) double halo) {
        LineString line = Lks94.GRID.createLineString(vertices.toArray(Coordinate[]::new));
        List<Sector> sectors = new SectorCutter(4_000).cut(new BorderLine("b", Neighbour.BY,
                Lks94.GRID.createMultiLineString(new LineString[] {line})));
        SectorMap map = SectorMap.of(sectors, Math.min(3, sectors.size()), halo);
        Envelope e = line.getEnvelopeInternal();
        Coordinate c = new Coordinate(e.getMinX() + fx * e.getWidth(), e.centre().y + fy * Math.max(e.getHeight(), 20_000));
        SectorMap.Routing r = map.route(c.x, c.y);
        double[] d = distances(sectors, c);
        double min = java.util.Arrays.stream(d).min().orElseThrow();
        double owner = d[indexOf(sectors, r.owner())];
        assertThat(owner).isCloseTo(min, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(map.owner(c.x, c.y)).isEqualTo(r.owner());
        for (int k = 0; k < d.length; k++) {
            String id = sectors.get(k).id();
            if (id.equals(r.owner()) || Math.abs(d[k] - owner - 2 * halo) < 1e-6) continue;
            assertThat(r.halo().contains(id)).as("sector %s at %.1f m, owner at %.1f m", id, d[k], owner)
                    .isEqualTo(d[k] - owner < 2 * halo);
        }
    }

    @Provide
    Arbitrary<List<Coordinate>> zigzag() {
        return Arbitraries.doubles().between(-3_000, 3_000).list().ofMinSize(2).ofMaxSize(12).map(offsets -> {
            List<Coordinate> c = new ArrayList<>();
            for (int i = 0; i < offsets.size(); i++) {
                c.add(new Coordinate(500_000 + i * 2_500, 6_100_000 + offsets.get(i)));
            }
            return c;
        });
    }

    @Property(tries = 50)
    void partitionsAreContiguousNonEmptyBlocksOfSectors(@ForAll @IntRange(min = 1, max = 400) int p) {
        List<Sector> sectors = demo().sectors();
        int partitions = Math.min(p, sectors.size());
        SectorMap map = SectorMap.of(sectors, partitions, 0);
        List<String> again = new ArrayList<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int q = 0; q < partitions; q++) {
            List<String> of = map.sectorsOf(q);
            assertThat(of).isNotEmpty();
            of.forEach(s -> assertThat(map.partitionOf(s)).isEqualTo(partitionFor(map, s)));
            again.addAll(of);
            smallest = Math.min(smallest, of.size());
            largest = Math.max(largest, of.size());
        }
        // Every sector once, in scenario order (contiguous blocks), and the blocks as even as they can be.
        assertThat(again).isEqualTo(sectors.stream().map(Sector::id).toList());
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
    }

    private static int partitionFor(SectorMap map, String sector) {
        for (int q = 0; q < map.partitions(); q++) {
            if (map.sectorsOf(q).contains(sector)) return q;
        }
        throw new AssertionError(sector);
    }

    @Example
    void aDetectionOnAStraightBorderGoesToItsSectorAndNearTheJointToBoth() {
        Scenario s = StraightBorder.scenario(500_000, 6_100_000, 20_000, List.of());
        SectorMap map = SectorMap.of(s, 2, 500);
        assertThat(map.sectorIds()).containsExactly("BY-001", "BY-002");
        assertThat(map.route(503_000, 6_101_000)).isEqualTo(new SectorMap.Routing("BY-001", List.of()));
        assertThat(map.route(517_000, 6_099_000)).isEqualTo(new SectorMap.Routing("BY-002", List.of()));
        // 300 m west of the joint: BY-001 owns it, BY-002 (300 m farther... within 2H) sees it as halo.
        assertThat(map.route(509_700, 6_100_200)).isEqualTo(new SectorMap.Routing("BY-001", List.of("BY-002")));
        assertThat(map.route(510_600, 6_100_000)).isEqualTo(new SectorMap.Routing("BY-002", List.of("BY-001")));
        assertThat(map.route(511_100, 6_100_000).halo()).isEmpty();
        assertThat(map.partitionOf("BY-001")).isZero();
        assertThat(map.partitionOf("BY-002")).isOne();
    }

    @Example
    void badArgumentsAreRefusedWithTheirReason() {
        Scenario s = StraightBorder.scenario(500_000, 6_100_000, 20_000, List.of());
        assertThatThrownBy(() -> SectorMap.of(s, 3, 0)).hasMessageContaining("partitions must be in 1..2");
        assertThatThrownBy(() -> SectorMap.of(s, 0, 0)).hasMessageContaining("partitions must be in 1..2");
        assertThatThrownBy(() -> SectorMap.of(s, 1, -1)).hasMessageContaining("halo");
        SectorMap map = SectorMap.of(s, 1, 0);
        assertThatThrownBy(() -> map.route(Double.NaN, 0)).hasMessageContaining("finite");
        assertThatThrownBy(() -> map.partitionOf("LV-001")).hasMessageContaining("unknown sector LV-001");
        assertThatThrownBy(() -> map.sectorsOf(1)).hasMessageContaining("partition must be in 0..0");
    }

    private static double[] distances(List<Sector> sectors, Coordinate c) {
        Point p = Lks94.GRID.createPoint(c);
        double[] d = new double[sectors.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = sectors.get(k).geometry().distance(p);
        }
        return d;
    }

    private static int indexOf(List<Sector> sectors, String id) {
        for (int k = 0; k < sectors.size(); k++) {
            if (sectors.get(k).id().equals(id)) return k;
        }
        throw new AssertionError("no sector " + id);
    }
}
