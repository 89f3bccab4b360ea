package org.skydas.siting.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.model.Asset;
import org.skydas.model.AssetStatus;
import org.skydas.model.Scenario;
import org.skydas.model.Site;

/**
 * Applying a plan: the plan's new sites and sensors added to the scenario, nothing else changed; the one rule for
 * {@code skydas siting plan --apply} and {@code POST /api/siting/plan/{id}/apply} (which write the additions with
 * {@code ScenarioStore.append}). Each new sensor is a {@code proposed} (planned) asset of the template's type and
 * parameters, in the year the plan builds it, with capex = the sensor's capex plus the site works (so that the
 * programme roll-up counts what the plan spends) and the site works also in {@code params.site_cost_eur}; a grid
 * candidate becomes a new (not existing) site {@code site-<candidate>} with that build cost. Ids already in the
 * scenario are an error: apply a plan once.
 */
public final class PlanApply {
    private PlanApply() {}

    /** What a plan adds to a scenario. */
    public record Additions(List<Site> sites, List<Asset> assets) {

        public Additions {
            sites = List.copyOf(sites);
            assets = List.copyOf(assets);
        }

        /** The scenario with the additions, everything else as it was. */
        public Scenario applyTo(Scenario s) {
            List<Site> newSites = new ArrayList<>(s.sites());
            newSites.addAll(sites);
            List<Asset> newAssets = new ArrayList<>(s.assets());
            newAssets.addAll(assets);
            return new Scenario(s.metadata(), s.border(), s.sectors(), s.zones(), newSites, newAssets, s.programme());
        }

        /** Capex of the planned assets (site works included), EUR: what the programme roll-up gains as planned. */
        public double totalCostEur() {
            return assets.stream().mapToDouble(Asset::capexEur).sum();
        }

        /** Per year: {count of assets, their capex in EUR}, years in order. */
        public SortedMap<Integer, double[]> perYear() {
            SortedMap<Integer, double[]> out = new TreeMap<>();
            for (Asset a : assets) {
                double[] v = out.computeIfAbsent(a.year(), y -> new double[2]);
                v[0]++;
                v[1] += a.capexEur();
            }
            return out;
        }
    }

    /**
     * What {@code sites} of a plan made with {@code template} (the sensor type's parameters and capex) add to
     * {@code s}.
     *
     * @throws IllegalArgumentException (one line) a site or asset id is already in the scenario
     */
    public static Additions additions(Scenario s, Asset template, List<PlanOutputs.NewSite> sites) {
        String type = ScenarioSiting.name(template.type());
        Set<String> siteIds = new HashSet<>();
        s.sites().forEach(x -> siteIds.add(x.id()));
        Set<String> assetIds = new HashSet<>();
        s.assets().forEach(x -> assetIds.add(x.id()));
        List<Site> newSites = new ArrayList<>();
        List<Asset> newAssets = new ArrayList<>();
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
            newAssets.add(new Asset(assetId, "Planned " + type + " at " + siteId + " (skydas siting plan)",
                    template.type(), Lks94.GRID.createPoint(new Coordinate(c.x(), c.y())), AssetStatus.PROPOSED,
                    c.costEur(), template.opexEurPerYear(), template.category(), n.year(), template.sensor(),
                    Map.of("site", siteId, "site_cost_eur", c.siteCostEur(), "planned_by", "skydas siting plan")));
        }
        return new Additions(newSites, newAssets);
    }
}
