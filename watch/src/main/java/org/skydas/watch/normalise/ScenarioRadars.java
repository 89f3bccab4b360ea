package org.skydas.watch.normalise;

import java.util.HashMap;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.skydas.geo.Lks94;
import org.skydas.ingest.asterix.RadarSite;
import org.skydas.ingest.asterix.RadarSites;
import org.skydas.model.Asset;
import org.skydas.model.AssetType;
import org.skydas.model.AsterixIdentity;
import org.skydas.model.Scenario;

/**
 * The scenario's radars as an ASTERIX feed knows them: a radar asset with an {@link AsterixIdentity} is configured at its point, the antenna at mast height above the ground
 * (the bare ellipsoid while the server has no DEM), with its position noise as the range sigma. Radars that
 * are not in the scenario can still be used when they announce their site in CAT034 (see {@link RadarSites}).
 */
public final class ScenarioRadars {

    private final RadarSites sites = new RadarSites();
    private final Map<Integer, Double> rangeSigma = new HashMap<>();

    private ScenarioRadars() {
    }

    public static ScenarioRadars of(Scenario scenario) {
        ScenarioRadars r = new ScenarioRadars();
        for (Asset a : scenario.assets()) {
            AsterixIdentity id = AsterixIdentity.of(a).orElse(null);
            if (a.type() != AssetType.RADAR || id == null || a.sensor() == null || !(a.geometry() instanceof Point p)) {
                continue;
            }
            Coordinate w = Lks94.toWgs84(p.getX(), p.getY());
            r.sites.configure(id.sac(), id.sic(), new RadarSite(w.y, w.x, a.sensor().mastHeightM()));
            r.rangeSigma.put(id.sac() << 8 | id.sic(), a.sensor().positionNoiseM());
        }
        return r;
    }

    public RadarSites sites() {
        return sites;
    }

    /** The radar's range sigma in metres, or NaN when the scenario does not know it. */
    public double rangeSigmaM(int sac, int sic) {
        Double v = rangeSigma.get(sac << 8 | sic);
        return v == null ? Double.NaN : v;
    }
}
