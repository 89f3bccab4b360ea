package org.skydas.terrain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.proj4j.ProjCoordinate;
import org.skydas.geodata.Egm96;
import org.skydas.terrain.io.DemReader;
import org.skydas.terrain.warp.CrsTransform;

/**
 * Height of a reported target above the ground below it, from DEMs of orthometric heights (SRTM, DTED: metres
 * above the EGM96 geoid, i.e. mean sea level) and the EGM96 undulation N:
 * <ul>
 * <li>a height above the WGS84 ellipsoid h (CoT {@code hae}, Remote ID geodetic altitude): h − (ground + N);</li>
 * <li>a height above mean sea level H (ASTERIX I048/110): H − ground;</li>
 * <li>a flight level (ASTERIX I048/090, pressure altitude): the ICAO standard atmosphere's geometric height of
 *     that pressure altitude − ground. Without the local QNH this is off by about 8 m per hPa the day's
 *     pressure differs from 1013.25 hPa.</li>
 * </ul>
 * Without a DEM (or outside it, or over a void) every answer is NaN: Skydas then draws no conclusion from height.
 * Ground is bilinear between the four cells around the point (the nearest cell where a neighbour is void).
 * Thread-safe.
 */
public final class HeightAboveGround {

    /** No DEM: every height above ground is unknown. */
    public static final HeightAboveGround NONE = new HeightAboveGround(List.of());

    /** Earth radius of the ICAO standard atmosphere for geopotential ⇄ geometric height, m. */
    static final double ISA_EARTH_RADIUS_M = 6_356_766;
    static final double FT = 0.3048;

    private record Dem(DemGrid grid, CrsTransform fromWgs84) {
    }

    private final List<Dem> dems;

    private HeightAboveGround(List<Dem> dems) {
        this.dems = dems;
    }

    /** Over these DEMs (first match wins where they overlap). */
    public static HeightAboveGround of(List<DemGrid> grids) {
        List<Dem> list = new ArrayList<>();
        for (DemGrid g : grids) {
            if (g.epsg() <= 0) {
                throw new IllegalArgumentException("a DEM for heights above ground needs a CRS with an EPSG code: " + g);
            }
            list.add(new Dem(g, CrsTransform.between(4326, g.epsg())));
        }
        return new HeightAboveGround(List.copyOf(list));
    }

    /** Reads the DEM files (GeoTIFF or SRTM .hgt); none = {@link #NONE}. */
    public static HeightAboveGround read(List<Path> files) throws DemFormatException {
        List<DemGrid> grids = new ArrayList<>();
        for (Path f : files) {
            grids.add(DemReader.read(f));
        }
        return grids.isEmpty() ? NONE : of(grids);
    }

    /** True when at least one DEM is loaded. */
    public boolean hasDem() {
        return !dems.isEmpty();
    }

    /** Ground height above mean sea level (EGM96) at a WGS84 point, m, or NaN. */
    public synchronized double ground(double lonDeg, double latDeg) {
        ProjCoordinate p = new ProjCoordinate();
        for (Dem d : dems) {
            d.fromWgs84().apply(lonDeg, latDeg, p);
            double h = sample(d.grid(), p.x, p.y);
            if (!Double.isNaN(h)) {
                return h;
            }
        }
        return Double.NaN;
    }

    /** Height above ground of a height above the WGS84 ellipsoid, m, or NaN. */
    public double fromEllipsoidHeight(double lonDeg, double latDeg, double hae) {
        double g = ground(lonDeg, latDeg);
        return Double.isNaN(g) ? Double.NaN : hae - (g + Egm96.undulation(latDeg, lonDeg));
    }

    /** Height above ground of a height above mean sea level, m, or NaN. */
    public double fromMslHeight(double lonDeg, double latDeg, double msl) {
        double g = ground(lonDeg, latDeg);
        return Double.isNaN(g) ? Double.NaN : msl - g;
    }

    /** Height above ground of a flight level (hundreds of feet of pressure altitude), m, or NaN. */
    public double fromFlightLevel(double lonDeg, double latDeg, double flightLevel) {
        return fromMslHeight(lonDeg, latDeg, standardAtmosphereHeight(flightLevel * 100 * FT));
    }

    /**
     * Geometric height above mean sea level of a pressure altitude in the ICAO standard atmosphere: the
     * pressure altitude is a geopotential height H, and z = R·H / (R − H).
     */
    public static double standardAtmosphereHeight(double pressureAltitudeM) {
        return ISA_EARTH_RADIUS_M * pressureAltitudeM / (ISA_EARTH_RADIUS_M - pressureAltitudeM);
    }

    private static double sample(DemGrid g, double x, double y) {
        GeoTransform t = g.transform();
        double fc = t.col(x, y) - 0.5;
        double fr = t.row(x, y) - 0.5;
        if (!(fc > -0.5 && fr > -0.5 && fc < g.width() - 0.5 && fr < g.height() - 0.5)) {
            return Double.NaN;
        }
        int c0 = (int) Math.floor(fc);
        int r0 = (int) Math.floor(fr);
        int c1 = Math.min(c0 + 1, g.width() - 1);
        int r1 = Math.min(r0 + 1, g.height() - 1);
        c0 = Math.max(c0, 0);
        r0 = Math.max(r0, 0);
        if (g.isVoid(c0, r0) || g.isVoid(c1, r0) || g.isVoid(c0, r1) || g.isVoid(c1, r1)) {
            int c = (int) Math.round(fc);
            int r = (int) Math.round(fr);
            c = Math.max(0, Math.min(g.width() - 1, c));
            r = Math.max(0, Math.min(g.height() - 1, r));
            return g.isVoid(c, r) ? Double.NaN : g.height(c, r);
        }
        double ac = Math.max(0, Math.min(1, fc - c0));
        double ar = Math.max(0, Math.min(1, fr - r0));
        double top = g.height(c0, r0) * (1 - ac) + g.height(c1, r0) * ac;
        double bottom = g.height(c0, r1) * (1 - ac) + g.height(c1, r1) * ac;
        return top * (1 - ar) + bottom * ar;
    }
}
