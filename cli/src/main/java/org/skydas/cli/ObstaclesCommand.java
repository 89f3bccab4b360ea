package org.skydas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.locationtech.jts.geom.Geometry;
import org.skydas.geo.GeoJsonFeature;
import org.skydas.geo.GeoJsonReader;
import org.skydas.geo.GeoJsonWriter;
import org.skydas.geo.Lks94;
import org.skydas.model.Scenario;
import org.skydas.obstacles.CivilianProximity;
import org.skydas.obstacles.HandOver;
import org.skydas.obstacles.LifeCycle;
import org.skydas.obstacles.MarkingPlan;
import org.skydas.obstacles.ObstacleException;
import org.skydas.obstacles.ObstacleField;
import org.skydas.obstacles.ObstacleJson;
import org.skydas.obstacles.ObstacleValidator;
import org.skydas.store.ObstacleLayer;
import org.skydas.store.ScenarioStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas obstacles validate|import|export|marking-plan}: the obstacle register of a scenario
 * GeoPackage (layer {@code obstacle_fields}) and the GeoJSON files exchanged with QGIS. Records, marks
 * and clears only.
 */
@Command(name = "obstacles", mixinStandardHelpOptions = true,
        description = "The obstacle register (minefield and barrier records): validate, import, export, marking plan.",
        subcommands = {ObstaclesCommand.Validate.class, ObstaclesCommand.Import.class, ObstaclesCommand.Export.class,
            ObstaclesCommand.Marking.class})
public final class ObstaclesCommand implements Runnable {

    /** Nested record fields that a GIS may have saved as JSON text: parsed back on import. */
    private static final List<String> NESTED = List.of("reference_points", "devices", "rows", "delay_s", "history",
            "sectors");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<ObstacleField> readLayer(Path scenario) throws Exception {
        return ObstacleLayer.read(scenario);
    }

    /** Records from a GeoJSON file (WGS84 features whose properties are the record's fields). */
    static List<ObstacleField> readRecords(Path in) {
        List<GeoJsonFeature> features;
        try (InputStream s = Files.newInputStream(in)) {
            features = new GeoJsonReader().readAll(s);
        } catch (IOException e) {
            throw new UserError(in + ": " + e.getMessage());
        } catch (org.skydas.geo.GeoJsonException e) {
            throw new UserError(in + ": " + e.getMessage());
        }
        List<ObstacleField> out = new ArrayList<>();
        int i = 0;
        for (GeoJsonFeature f : features) {
            String where = f.id() != null ? "feature '" + f.id() + "'" : "feature #" + (i + 1);
            i++;
            try {
                ObjectNode n = ObstacleJson.MAPPER.valueToTree(f.properties());
                for (String key : NESTED) {
                    JsonNode v = n.get(key);
                    if (v != null && v.isTextual() && !v.asText().isBlank()) {
                        try {
                            n.set(key, ObstacleJson.MAPPER.readTree(v.asText()));
                        } catch (JsonProcessingException e) {
                            throw new ObstacleException(key, "not valid JSON text");
                        }
                    }
                }
                if (f.id() != null && !n.hasNonNull("id")) {
                    n.put("id", f.id());
                }
                if (f.geometry() != null) {
                    n.set("geometry", ObstacleJson.MAPPER.readTree(GeoJsonWriter.geometryJson(f.geometry(), 9)));
                }
                out.add(ObstacleJson.read(n));
            } catch (ObstacleException | JsonProcessingException e) {
                throw new UserError(in + ": " + where + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** Validates every record; the first fault stops with one line naming the feature and the field. */
    static List<String> validate(Path source, Scenario s, List<ObstacleField> fields, CivilianProximity proximity) {
        ObstacleValidator v = ObstacleValidator.forScenario(s);
        List<String> warnings = new ArrayList<>();
        int i = 0;
        for (ObstacleField f : fields) {
            String where = f.id() != null ? "feature '" + f.id() + "'" : "feature #" + (i + 1);
            i++;
            try {
                v.validate(f);
                LifeCycle.checkHistory(f);
            } catch (ObstacleException e) {
                throw new UserError(source + ": " + where + ": " + e.getMessage());
            }
            for (CivilianProximity.Warning w : proximity.warnings(f.geometry())) {
                warnings.add(where + ": warning: " + w.message());
            }
        }
        return warnings;
    }

    static List<CivilianProximity.Road> roads(Path file) {
        if (file == null) {
            return List.of();
        }
        List<CivilianProximity.Road> out = new ArrayList<>();
        try (InputStream s = Files.newInputStream(file)) {
            for (GeoJsonFeature f : new GeoJsonReader().readAll(s)) {
                if (f.geometry() == null) {
                    continue;
                }
                Object name = f.properties().getOrDefault("name", f.properties().getOrDefault("ref", f.id()));
                out.add(new CivilianProximity.Road(name == null ? "road" : name.toString(), Lks94.toGrid(f.geometry())));
            }
        } catch (IOException | org.skydas.geo.GeoJsonException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        return out;
    }

    abstract static class ScenarioOption {
        @Option(names = "--scenario", required = true, paramLabel = "S.gpkg", description = "Scenario GeoPackage.")
        Path scenario;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check every record of the scenario's register (or of --geojson) against the Protocol II "
                    + "record rules and the map; warn of civilians nearby. Exit 2 at the first fault.")
    static final class Validate extends ScenarioOption implements Callable<Integer> {
        @Option(names = "--geojson", paramLabel = "IN", description = "Records to check instead of the scenario's.")
        Path in;

        @Option(names = "--roads", paramLabel = "ROADS.geojson", description = "A road layer (WGS84 lines) for the "
                + "civilian-proximity warnings.")
        Path roads;

        @Option(names = "--proximity", defaultValue = "500", paramLabel = "METRES",
                description = "Warn when a field is this close to a settlement, road or the border (default ${DEFAULT-VALUE} m).")
        double proximity;

        @Override
        public Integer call() throws Exception {
            Scenario s = ScenarioStore.read(scenario);
            List<ObstacleField> fields = in != null ? readRecords(in) : readLayer(scenario);
            List<String> warnings = validate(in != null ? in : scenario, s, fields,
                    CivilianProximity.of(s, roads(roads), proximity));
            warnings.forEach(System.out::println);
            long explosive = fields.stream().filter(f -> f.kind().explosive()).count();
            System.out.printf(Locale.ROOT, "ok: %d records valid (%d explosive fields, %d obstacles), %d warnings%n",
                    fields.size(), explosive, fields.size() - explosive, warnings.size());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import records from GeoJSON (WGS84; e.g. edited in QGIS) into the scenario's register: a "
                    + "record with a known id becomes its next version, a new one is added. All or nothing.")
    static final class Import extends ScenarioOption implements Callable<Integer> {
        @Option(names = "--geojson", required = true, paramLabel = "IN", description = "Records to import.")
        Path in;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who imports (default: $USER).")
        String actor;

        @Override
        public Integer call() throws Exception {
            Scenario s = ScenarioStore.read(scenario);
            List<ObstacleField> incoming = readRecords(in);
            String who = actor != null ? actor : System.getProperty("user.name", "cli");
            Instant now = Instant.now();
            Map<String, ObstacleField> register = new LinkedHashMap<>();
            for (ObstacleField f : readLayer(scenario)) {
                register.put(f.id(), f);
            }
            int added = 0;
            int replaced = 0;
            List<ObstacleField> merged = new ArrayList<>();
            for (ObstacleField f : incoming) {
                ObstacleField old = f.id() == null ? null : register.get(f.id());
                if (old != null) {
                    if (f.status() != old.status()) {
                        throw new UserError(in + ": feature '" + f.id() + "': status: " + f.status().wire()
                                + " differs from the register's " + old.status().wire()
                                + "; the status changes only by a transition");
                    }
                    merged.add(f.withIdentity(old.id(), old.version() + 1, old.status(), old.history()));
                    replaced++;
                } else {
                    String id = f.id() != null ? f.id() : nextId(register);
                    ObstacleField n = f.history().isEmpty()
                            ? LifeCycle.recorded(f.withIdentity(id, 1, f.status(), List.of()), who, "admin", now,
                                    "imported from " + in.getFileName())
                            : f.withIdentity(id, Math.max(1, f.version()), f.status(), f.history());
                    merged.add(n);
                    register.put(id, n);
                    added++;
                }
            }
            validate(in, s, merged, CivilianProximity.of(s, List.of(), CivilianProximity.DEFAULT_DISTANCE_M))
                    .forEach(System.out::println);
            for (ObstacleField f : merged) {
                register.put(f.id(), f);
            }
            ObstacleLayer.write(scenario, new ArrayList<>(register.values()));
            System.out.println("imported into obstacle_fields: " + added + " added, " + replaced + " replaced");
            return 0;
        }

        private static String nextId(Map<String, ObstacleField> register) {
            int n = register.size();
            String id;
            do {
                id = String.format("OF-%05d", ++n);
            } while (register.containsKey(id));
            return id;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the register: full records as GeoJSON (re-importable, for QGIS) or the hand-over "
                    + "for clearance organisations (GeoJSON or CSV with the IMSMA hazard fields).")
    static final class Export extends ScenarioOption implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "records", paramLabel = "records|geojson|csv",
                description = "records (default), geojson (hand-over) or csv (hand-over).")
        String format;

        @Option(names = "--id", paramLabel = "ID", description = "One field only.")
        String id;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "File to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<ObstacleField> fields = readLayer(scenario);
            if (id != null) {
                fields = fields.stream().filter(f -> f.id().equals(id)).toList();
                if (fields.isEmpty()) {
                    throw new UserError(scenario + ": no obstacle field '" + id + "'");
                }
            }
            List<ObstacleField> chosen = fields;
            switch (format.toLowerCase(Locale.ROOT)) {
                case "records" -> writeAtomically(out, o -> writeRecords(chosen, o));
                case "geojson" -> writeAtomically(out, o -> HandOver.geojson(chosen, o));
                case "csv" -> writeAtomically(out, o -> {
                    Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
                    HandOver.csv(chosen, w);
                    w.flush();
                });
                default -> throw new UserError("--format: unknown '" + format + "' (one of records, geojson, csv)");
            }
            System.out.println("exported " + fields.size() + " records (" + format + ") to " + out);
            return 0;
        }
    }

    @Command(name = "marking-plan", mixinStandardHelpOptions = true,
            description = "Sign positions along a field's perimeter (Technical Annex paragraph 4) as GeoJSON points.")
    static final class Marking extends ScenarioOption implements Callable<Integer> {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "The field.")
        String id;

        @Option(names = "--spacing", defaultValue = "50", paramLabel = "METRES",
                description = "Largest distance between neighbouring signs (default ${DEFAULT-VALUE} m).")
        double spacing;

        @Option(names = "--out", required = true, paramLabel = "OUT.geojson", description = "File to write.")
        Path out;

        @Option(names = "--png", paramLabel = "MAP.png", description = "Also a printable map of the plan.")
        Path png;

        @Override
        public Integer call() throws Exception {
            ObstacleField f = readLayer(scenario).stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new UserError(scenario + ": no obstacle field '" + id + "'"));
            ObjectNode plan;
            try {
                plan = MarkingPlan.geojson(f, spacing);
            } catch (ObstacleException e) {
                throw new UserError("--" + e.getMessage());
            }
            writeAtomically(out, o -> ObstacleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(o, plan));
            if (png != null) {
                byte[] map = org.skydas.obstacles.MarkingPlanMap.png(f, spacing, 1600);
                writeAtomically(png, o -> o.write(map));
            }
            System.out.println("marking plan of " + id + ": " + plan.get("sign_count").asInt() + " signs over "
                    + plan.get("perimeter_m").asLong() + " m, written to " + out);
            return 0;
        }
    }

    /** Full records: the geometry as GeoJSON geometry, every other field as a property. */
    static void writeRecords(List<ObstacleField> fields, OutputStream o) throws IOException {
        try (GeoJsonWriter w = new GeoJsonWriter(o, 9)) {
            for (ObstacleField f : fields) {
                ObjectNode n = ObstacleJson.write(f);
                n.remove("geometry");
                Map<String, Object> props = ObstacleJson.MAPPER.convertValue(n,
                        new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
                Geometry g = Lks94.toWgs84(f.geometry());
                w.write(new GeoJsonFeature(f.id(), g, props));
            }
        }
    }

    @FunctionalInterface
    interface Body {
        void write(OutputStream o) throws IOException;
    }

    /** Writes to a temporary file beside the target, then renames it over the target. */
    static void writeAtomically(Path out, Body body) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                body.write(o);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
