package org.skydas.siting.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.Scenario;
import org.skydas.model.Site;

/**
 * {@code --apply}: the plan's new sites and sensors added to the scenario, nothing else changed. Each new sensor is a
 * {@code proposed} (planned) asset of the template's type and parameters, in the year the plan builds it, with capex
 * = the sensor's capex plus the site works (so that the programme roll-up counts what the plan spends) and the site
 * works also in {@code params.site_cost_eur}; a grid candidate becomes a new (not existing) site
 * {@code site-<candidate>} with that build cost. Ids already in the scenario are an error: apply a plan once.
 */
public final class PlanApply {
    private PlanApply() {}

    public static Scenario apply(Scenario s, ScenarioSiting siting, List<PlanOutputs.NewSite> sites) {
        Asset t = siting.template();
        String type = ScenarioSiting.name(t.type());
        Set<String> siteIds = new HashSet<>();
        s.sites().forEach(x -> siteIds.add(x.id()));
        Set<String> assetIds = new HashSet<>();
        s.assets().forEach(x -> assetIds.add(x.id()));
        List<Site> newSites = new ArrayList<>(s.sites());
        List<Asset> newAssets = new ArrayList<>(s.assets());
        for (PlanOutputs.NewSite n : sites) {
            ScenarioSiting.Candidate c = n.candidate();
            String siteId = c.siteId();
            if (siteId == null) {
                siteId = "site-" + c.id();
                if (!siteIds.add(siteId)) {
                    throw new IllegalArgumentException("site '" + siteId + "' is already in the scenario (plan applied before?)");
                }
                newSites.add(new Site(siteId, "Planned site " + c.id() + " (skydas siting plan)",
                        Lks94.GRID.createPoint(new Coordinate(c.x(), c.y())), false, null, null, c.siteCostEur()));
            }
            String assetId = "plan-" + type + "-" + c.id();
            if (!assetIds.add(assetId)) {
                throw new IllegalArgumentException("asset '" + assetId + "' is already in the scenario (plan applied before?)");
            }
            newAssets.add(new Asset(assetId, "Planned " + type + " at " + siteId + " (skydas siting plan)", t.type(),
                    Lks94.GRID.createPoint(new Coordinate(c.x(), c.y())), AssetStatus.PROPOSED, c.costEur(),
                    t.opexEurPerYear(), t.category(), n.year(), t.sensor(),
                    Map.of("site", siteId, "site_cost_eur", c.siteCostEur(), "planned_by", "skydas siting plan")));
        }
        return new Scenario(s.metadata(), s.border(), s.sectors(), s.zones(), newSites, newAssets, s.programme());
    }
}
