package org.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.skydas.model.BorderLine;
import org.skydas.model.Scenario;
import org.skydas.model.Sector;
import org.skydas.model.demo.DemoScenario;
import org.skydas.model.layer.Layer;
import org.skydas.store.LayerExchange;
import org.skydas.store.ScenarioStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skydas scenario init|info|export|import}. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Create, inspect, export and import scenario GeoPackages.",
        subcommands = {ScenarioCommand.Init.class, ScenarioCommand.Info.class, ScenarioCommand.Export.class,
            ScenarioCommand.Import.class})
public final class ScenarioCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the demo scenario and writes it; shared with {@code serve} and {@code demo}. */
    static Scenario writeDemo(Path out, double sectorLengthM) throws Exception {
        Progress progress = new Progress("scenario", 3);
        progress.step("deriving borders, sectors and zones from OpenStreetMap polygons");
        Scenario s = new DemoScenario(sectorLengthM).build();
        progress.step("writing " + out);
        ScenarioStore.write(s, out);
        // Example register entries (flagged and named "Example ..."), so the obstacle views have something to show.
        org.skydas.store.ObstacleLayer.write(out, org.skydas.obstacles.DemoObstacles.build(s));
        progress.step("done");
        return s;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a scenario GeoPackage.")
    static final class Init implements Callable<Integer> {
        @Option(names = "--demo", required = true, description = "The Lithuania demo scenario (the only kind for now).")
        boolean demo;

        @Option(names = "--out", required = true, paramLabel = "FILE.gpkg", description = "Where to write it.")
        Path out;

        @Option(names = "--sector-length", defaultValue = "10000", paramLabel = "METRES",
                description = "Nominal sector length (default ${DEFAULT-VALUE} m).")
        double sectorLength;

        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out) && !force) {
                throw new UserError(out + " exists (use --force to overwrite)");
            }
            if (!(sectorLength >= 100)) {
                throw new UserError("--sector-length must be at least 100 m, is " + sectorLength);
            }
            Scenario s = writeDemo(out, sectorLength);
            System.out.printf(Locale.ROOT, "wrote %s: %d border lines, %d sectors, %d zones, %d sites, %d assets%n",
                    out, s.border().size(), s.sectors().size(), s.zones().size(), s.sites().size(), s.assets().size());
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Layers, counts, border length per neighbour and sectors of a scenario.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Scenario GeoPackage.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Scenario s = ScenarioStore.read(file);
            System.out.println("scenario: " + s.name() + " (" + file + ")");
            s.metadata().entrySet().stream().filter(e -> !e.getKey().equals("name")).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()));
            System.out.println("layers:");
            System.out.printf("  %-8s %6d%n", "border", s.border().size());
            System.out.printf("  %-8s %6d%n", "sectors", s.sectors().size());
            System.out.printf("  %-8s %6d%n", "zones", s.zones().size());
            System.out.printf("  %-8s %6d%n", "sites", s.sites().size());
            System.out.printf("  %-8s %6d%n", "assets", s.assets().size());
            System.out.println("border by neighbour:");
            for (BorderLine b : s.border()) {
                List<Sector> sectors = s.sectors().stream().filter(x -> x.neighbour() == b.neighbour())
                        .sorted(Comparator.comparingInt(Sector::index)).toList();
                System.out.printf(Locale.ROOT, "  %s %-28s %8.1f km  %3d sectors  %s%n", b.neighbour().code(),
                        b.neighbour().displayName(), b.lengthM() / 1000, sectors.size(), range(sectors));
            }
            Map<String, Long> types = s.assets().stream().collect(Collectors.groupingBy(
                    a -> org.skydas.model.Wire.name(a.type()), java.util.TreeMap::new, Collectors.counting()));
            System.out.println("assets by type: " + types);
            return 0;
        }

        private static String range(List<Sector> sectors) {
            if (sectors.isEmpty()) {
                return "";
            }
            double min = sectors.stream().mapToDouble(Sector::lengthM).min().orElse(0) / 1000;
            double max = sectors.stream().mapToDouble(Sector::lengthM).max().orElse(0) / 1000;
            return String.format(Locale.ROOT, "%s..%s (%.1f-%.1f km)", sectors.get(0).id(),
                    sectors.get(sectors.size() - 1).id(), min, max);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a layer as GeoJSON (WGS84).")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Scenario GeoPackage.")
        Path file;

        @Option(names = "--layer", required = true, description = "border, sectors, zones, sites or assets.")
        String layer;

        @Option(names = "--geojson", required = true, paramLabel = "OUT", description = "GeoJSON file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            int n = LayerExchange.exportLayer(file, layer(layer), out);
            System.out.println("exported " + n + " features of " + layer + " to " + out);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import GeoJSON (WGS84) features into a layer; a feature with an existing id replaces it.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Scenario GeoPackage.")
        Path file;

        @Option(names = "--layer", required = true, description = "border, sectors, zones, sites or assets.")
        String layer;

        @Option(names = "--geojson", required = true, paramLabel = "IN", description = "GeoJSON file to read.")
        Path in;

        @Override
        public Integer call() throws Exception {
            LayerExchange.ImportResult r = LayerExchange.importLayer(file, layer(layer), in);
            System.out.println("imported into " + layer + ": " + r.added() + " added, " + r.replaced() + " replaced");
            return 0;
        }
    }

    static Layer layer(String name) {
        try {
            return Layer.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

}
