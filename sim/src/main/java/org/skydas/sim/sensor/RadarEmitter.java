package org.skydas.sim.sensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.sim.Channel;
import org.skydas.sim.encode.Cat034Encoder;
import org.skydas.sim.encode.Cat048Encoder;
import org.skydas.sim.encode.RadarPlot;
import org.skydas.sim.script.ObjectKind;

/**
 * A ground surveillance radar: per antenna turn a CAT034 north marker, then the turn's plots as CAT048 data
 * blocks. Plots carry the slant range and true azimuth from the antenna (ground at the ellipsoid, antenna at mast
 * height) and a track number stable per object; drones also carry their measured height (I048/110). All plots of
 * a turn are stamped with the turn's time (a simplification: a real radar stamps each at its azimuth).
 */
public final class RadarEmitter extends SensorEmitter {

    private final Cat048Encoder cat048;
    private final Cat034Encoder cat034;
    private final double siteLat;
    private final double siteLon;
    private final Map<String, Integer> trackNumbers = new HashMap<>();
    private int nextTrack = 1;

    public RadarEmitter(Asset asset, SplittableRandom random, Visibility visibility, List<double[]> clutter,
                        int sac, int sic) {
        super(asset, random, visibility, clutter);
        cat048 = new Cat048Encoder(sac, sic);
        cat034 = new Cat034Encoder(sac, sic);
        Coordinate w = Lks94.toWgs84(x, y);
        siteLon = w.x;
        siteLat = w.y;
    }

    public double siteLatDeg() {
        return siteLat;
    }

    public double siteLonDeg() {
        return siteLon;
    }

    /** Antenna height above the ellipsoid (bare-ellipsoid terrain: the mast height). */
    public double siteHeightM() {
        return sensor.mastHeightM();
    }

    @Override
    protected void report(double t, List<Hit> hits, EmitContext ctx) {
        double tod = ctx.timeOfDayS(t);
        ctx.send(t, asset.id(), Channel.ASTERIX, cat034.northMarker(tod, periodS(), siteLat, siteLon, siteHeightM()));
        List<RadarPlot> plots = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            Coordinate w = Lks94.toWgs84(h.x(), h.y());
            double[] ra = Geodesy.rangeAzimuth(siteLat, siteLon, siteHeightM(), w.y, w.x, h.heightM());
            int tn;
            if (h.object() == null) {
                tn = nextTrack();
            } else {
                tn = trackNumbers.computeIfAbsent(h.object().id(), k -> nextTrack());
            }
            boolean drone = h.object() != null && h.object().kind() == ObjectKind.DRONE;
            plots.add(new RadarPlot(tod, ra[0], ra[1], tn, drone ? h.heightM() : Double.NaN));
        }
        for (byte[] block : cat048.encode(plots)) {
            ctx.send(t, asset.id(), Channel.ASTERIX, block);
        }
    }

    private int nextTrack() {
        int tn = nextTrack;
        nextTrack = nextTrack % 4095 + 1;
        return tn;
    }
}
