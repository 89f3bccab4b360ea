package org.skydas.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.model.ProgrammeReport;
import org.skydas.model.Scenario;
import org.skydas.model.Wire;
import org.skydas.model.layer.Layer;
import org.skydas.model.layer.LayerCodec;
import org.skydas.store.LayerExchange;

/**
 * The scenario as the API serves it: each layer's GeoJSON (WGS84) rendered once, the programme
 * report as a JSON-ready map. Immutable; a new scenario means a new view.
 */
public final class ScenarioView {

    private final Scenario scenario;
    private final Map<Layer, byte[]> layers = new EnumMap<>(Layer.class);

    public ScenarioView(Scenario scenario) {
        this.scenario = scenario;
        for (Layer layer : Layer.values()) {
            layers.put(layer, render(LayerCodec.encode(scenario, layer)));
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public byte[] layerGeoJson(Layer layer) {
        return layers.get(layer);
    }

    private static byte[] render(List<GeoJsonFeature> features) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (GeoJsonFeature f : features) {
                w.write(LayerExchange.toWgs84(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The programme report: rows by category and year, totals by category, grand total. */
    public Map<String, Object> programme() {
        ProgrammeReport r = ProgrammeReport.of(scenario.programme(), scenario.assets());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", scenario.programme().name());
        out.put("currency", "EUR");
        out.put("rows", r.rows().stream().map(ScenarioView::row).toList());
        out.put("by_category", r.byCategory().stream().map(ScenarioView::row).toList());
        out.put("total", row(r.total()));
        out.put("opex_eur_per_year", ProgrammeReport.opexPerYear(scenario.assets()));
        out.put("definitions", Map.of(
                "planned", "capex of every asset",
                "committed", "capex of assets contracted, installed, operational or decommissioned",
                "spent", "capex of assets installed, operational or decommissioned"));
        return out;
    }

    private static Map<String, Object> row(ProgrammeReport.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.category() != null) {
            m.put("category", Wire.name(r.category()));
        }
        if (r.year() != 0) {
            m.put("year", r.year());
        }
        m.put("envelope_eur", r.envelopeEur());
        m.put("planned_eur", r.plannedEur());
        m.put("committed_eur", r.committedEur());
        m.put("spent_eur", r.spentEur());
        return m;
    }
}
