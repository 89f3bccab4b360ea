package org.skydas.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model of the border: what PLAN computes over and WATCH watches. All geometries are in the
 * LKS-94 grid (EPSG:3346).
 *
 * @param metadata free key/value facts about the scenario (name, sources, attribution, terrain)
 */
public record Scenario(Map<String, String> metadata, List<BorderLine> border, List<Sector> sectors,
                       List<Zone> zones, List<Site> sites, List<Asset> assets, Programme programme) {

    public Scenario {
        metadata = Map.copyOf(metadata);
        border = List.copyOf(border);
        sectors = List.copyOf(sectors);
        zones = List.copyOf(zones);
        sites = List.copyOf(sites);
        assets = List.copyOf(assets);
        Objects.requireNonNull(programme, "programme");
    }

    public String name() {
        return metadata.getOrDefault("name", "scenario");
    }

    public Scenario withAssets(List<Asset> newAssets) {
        return new Scenario(metadata, border, sectors, zones, sites, newAssets, programme);
    }
}
