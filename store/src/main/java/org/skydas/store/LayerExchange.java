package org.skydas.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.skydas.geo.GeoJsonException;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.model.layer.Layer;
import org.skydas.model.layer.LayerCodec;

/**
 * GeoJSON (WGS84) in and out of a scenario's layers. Import validates every feature before anything
 * is written and then rewrites the scenario atomically: a bad file changes nothing.
 */
public final class LayerExchange {

    private LayerExchange() {
    }

    /** Writes one layer as a GeoJSON FeatureCollection in WGS84. */
    public static int exportLayer(Path scenario, Layer layer, OutputStream out) throws StoreException, IOException {
        List<GeoJsonFeature> features = ScenarioStore.readLayer(scenario, layer);
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (GeoJsonFeature f : features) {
                w.write(toWgs84(f));
            }
        }
        return features.size();
    }

    public static int exportLayer(Path scenario, Layer layer, Path geojson) throws StoreException, IOException {
        Path tmp = geojson.resolveSibling("." + geojson.getFileName() + ".tmp");
        int n;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            n = exportLayer(scenario, layer, out);
        }
        Files.move(tmp, geojson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /** A grid feature as WGS84 for GeoJSON and the API. */
    public static GeoJsonFeature toWgs84(GeoJsonFeature f) {
        return new GeoJsonFeature(f.id(), f.geometry() == null ? null : Lks94.toWgs84(f.geometry()), f.properties());
    }

    /** What an import did. */
    public record ImportResult(int added, int replaced) {
    }

    /**
     * Adds the features of a GeoJSON file to a layer; a feature whose id exists replaces it. Every
     * feature is checked first; the first bad one fails the import with the file, feature and reason,
     * and the scenario file is left as it was.
     */
    public static ImportResult importLayer(Path scenarioFile, Layer layer, Path geojson) throws StoreException {
        List<GeoJsonFeature> incoming;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(geojson))) {
            incoming = new GeoJsonReader().readAll(in);
        } catch (GeoJsonException e) {
            throw new StoreException(geojson + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StoreException(geojson + ": cannot read: " + e.getMessage());
        }
        Scenario s = ScenarioStore.read(scenarioFile);
        Scenario updated = switch (layer) {
            case BORDER -> withLayer(s, layer, geojson, incoming, LayerCodec::border, s.border(), b -> b.id(),
                    l -> new Scenario(s.metadata(), l, s.sectors(), s.zones(), s.sites(), s.assets(), s.programme()));
            case SECTORS -> withLayer(s, layer, geojson, incoming, LayerCodec::sector, s.sectors(), x -> x.id(),
                    l -> new Scenario(s.metadata(), s.border(), l, s.zones(), s.sites(), s.assets(), s.programme()));
            case ZONES -> withLayer(s, layer, geojson, incoming, LayerCodec::zone, s.zones(), x -> x.id(),
                    l -> new Scenario(s.metadata(), s.border(), s.sectors(), l, s.sites(), s.assets(), s.programme()));
            case SITES -> withLayer(s, layer, geojson, incoming, LayerCodec::site, s.sites(), x -> x.id(),
                    l -> new Scenario(s.metadata(), s.border(), s.sectors(), s.zones(), l, s.assets(), s.programme()));
            case ASSETS -> withLayer(s, layer, geojson, incoming, LayerCodec::asset, s.assets(), x -> x.id(),
                    l -> new Scenario(s.metadata(), s.border(), s.sectors(), s.zones(), s.sites(), l, s.programme()));
        };
        int replaced = 0;
        List<String> existing = LayerCodec.encode(s, layer).stream().map(GeoJsonFeature::id).toList();
        for (GeoJsonFeature f : incoming) {
            if (existing.contains(idOf(f))) {
                replaced++;
            }
        }
        ScenarioStore.write(updated, scenarioFile);
        return new ImportResult(incoming.size() - replaced, replaced);
    }

    private static <T> Scenario withLayer(Scenario s, Layer layer, Path file, List<GeoJsonFeature> incoming,
                                          Function<GeoJsonFeature, T> codec, List<T> current,
                                          Function<T, String> idOf, Function<List<T>, Scenario> rebuild)
            throws StoreException {
        Map<String, T> merged = new LinkedHashMap<>();
        current.forEach(x -> merged.put(idOf.apply(x), x));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < incoming.size(); i++) {
            GeoJsonFeature raw = incoming.get(i);
            String id = idOf(raw);
            String name = id != null ? "feature '" + id + "'" : "feature #" + (i + 1);
            if (id != null && seen.contains(id)) {
                throw new StoreException(file + ": " + name + ": the id appears twice in the file");
            }
            seen.add(id);
            try {
                GeoJsonFeature grid = new GeoJsonFeature(id,
                        raw.geometry() == null ? null : Lks94.toGrid(raw.geometry()), withoutId(raw.properties()));
                T item = codec.apply(grid);
                merged.put(idOf.apply(item), item);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new StoreException(file + ": " + name + ": " + e.getMessage() + " (layer " + layer.tableName()
                        + "; nothing was imported)");
            }
        }
        return rebuild.apply(new ArrayList<>(merged.values()));
    }

    /** The feature's id, or an {@code id} property for files whose writer put it there. */
    private static String idOf(GeoJsonFeature f) {
        if (f.id() != null) {
            return f.id();
        }
        Object p = f.properties().get("id");
        return p == null ? null : p.toString();
    }

    private static Map<String, Object> withoutId(Map<String, Object> props) {
        Map<String, Object> copy = new LinkedHashMap<>(props);
        copy.remove("id");
        return copy;
    }
}
