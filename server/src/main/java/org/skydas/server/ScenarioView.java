package org.skydas.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

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
    public Programme programme() {
        ProgrammeReport r = ProgrammeReport.of(scenario.programme(), scenario.assets());
        return new Programme(scenario.programme().name(), "EUR", r.rows().stream().map(ScenarioView::row).toList(),
                r.byCategory().stream().map(ScenarioView::row).toList(), row(r.total()),
                ProgrammeReport.opexPerYear(scenario.assets()), Map.of(
                        "planned", "capex of every asset",
                        "committed", "capex of assets contracted, installed, operational or decommissioned",
                        "spent", "capex of assets installed, operational or decommissioned"));
    }

    /** {@code GET /api/programme} (OpenAPI schema {@code Programme}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Programme(String name, String currency, List<ProgrammeRow> rows, List<ProgrammeRow> byCategory,
                            ProgrammeRow total, double opexEurPerYear, Map<String, String> definitions) {
    }

    /** A programme line: by category, by year, both (rows) or neither (the grand total). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgrammeRow(String category, Integer year, double envelopeEur, double plannedEur,
                               double committedEur, double spentEur) {
    }

    private static ProgrammeRow row(ProgrammeReport.Row r) {
        return new ProgrammeRow(r.category() == null ? null : Wire.name(r.category()), r.year() != 0 ? r.year() : null,
                r.envelopeEur(), r.plannedEur(), r.committedEur(), r.spentEur());
    }
}
