package org.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.geo.Lks94;
import org.skydas.obstacles.ObstacleField;
import org.skydas.store.ObstacleLayer;
import org.skydas.testkit.ExternalTool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code skydas obstacles …} as an engineer exchanging files with QGIS meets it. */
class ObstaclesCommandTest extends ConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Coordinate CENTRE = Lks94.toGrid(24.0, 54.1);

    @TempDir
    Path dir;

    private static String ll(double dx, double dy) {
        Coordinate p = Lks94.toWgs84(CENTRE.x + dx, CENTRE.y + dy);
        return String.format(Locale.ROOT, "[%.9f, %.9f]", p.x, p.y);
    }

    private static String ref(double dx, double dy) {
        Coordinate p = Lks94.toWgs84(CENTRE.x + dx, CENTRE.y + dy);
        return String.format(Locale.ROOT, "{\"lon\": %.9f, \"lat\": %.9f, \"description\": \"post\", \"ground_marked\": true}",
                p.x, p.y);
    }

    /** A FeatureCollection as QGIS would save it: geometry plus the record's fields as properties. */
    static String records(boolean twoReferencePoints) {
        String refs = twoReferencePoints ? ref(-300, -150) + ", " + ref(300, -150) : ref(-300, -150);
        return "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", "
                + "\"coordinates\": [[" + ll(-200, -50) + ", " + ll(200, -50) + ", " + ll(200, 50) + ", " + ll(-200, 50)
                + ", " + ll(-200, -50) + "]]}, \"properties\": {\"kind\": \"minefield\", \"name\": \"Field A\", "
                + "\"reference_points\": [" + refs + "], \"devices\": [{\"type\": \"generic AT mine\", \"count\": 80, "
                + "\"fuze\": \"pressure\", \"self_destruct\": false, \"anti_handling\": false}], "
                + "\"emplacement\": \"surface\", \"laying_unit\": \"unit\", \"order_ref\": \"O-7\", "
                + "\"custody\": \"HQ\", \"cost_eur\": 500000, \"budget_line\": \"counter_mobility\"}}, "
                + "{\"type\": \"Feature\", \"id\": \"ditch-1\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": ["
                + ll(-500, 1000) + ", " + ll(500, 1000) + "]}, \"properties\": {\"kind\": \"ditch\", \"name\": \"Ditch\", "
                + "\"length_m\": 1000, \"width_m\": 6, \"depth_m\": 3, \"effect\": \"block\", "
                + "\"delay_s\": \"{\\\"vehicle\\\": 1800}\", \"cost_eur\": 250000, \"budget_line\": \"counter_mobility\", "
                + "\"year\": 2027}}]}";
    }

    @Test
    void importValidateExportAndReimportRoundTrip() throws Exception {
        Path s = CliTest.smallScenario(dir);
        Path in = dir.resolve("records.geojson");
        Files.writeString(in, records(true));
        assertThat(Main.execute("obstacles", "import", "--scenario", s.toString(), "--geojson", in.toString(),
                "--actor", "eng1")).as(stderr()).isZero();
        assertThat(stdout()).contains("imported into obstacle_fields: 2 added, 0 replaced");
        List<ObstacleField> layer = ObstacleLayer.read(s);
        assertThat(layer).extracting(ObstacleField::id).containsExactly("OF-00001", "ditch-1");
        assertThat(layer.get(0).history().get(0).actor()).isEqualTo("eng1");
        // the delay saved by a GIS as JSON text came back as an object
        assertThat(layer.get(1).barrier().delayS()).containsEntry("vehicle", 1800.0);

        assertThat(Main.execute("obstacles", "validate", "--scenario", s.toString())).isZero();
        assertThat(stdout()).contains("ok: 2 records valid (1 explosive fields, 1 obstacles), 0 warnings");

        Path records = dir.resolve("export.geojson");
        assertThat(Main.execute("obstacles", "export", "--scenario", s.toString(), "--out", records.toString())).isZero();
        assertThat(Main.execute("obstacles", "import", "--scenario", s.toString(), "--geojson", records.toString()))
                .isZero();
        assertThat(stdout()).contains("0 added, 2 replaced");
        assertThat(ObstacleLayer.read(s)).extracting(ObstacleField::version).containsExactly(2, 2);
        assertThat(ObstacleLayer.read(s).get(0).explosive()).isEqualTo(layer.get(0).explosive());
    }

    @Test
    void badInputIsOneLineNamingTheFeatureAndFieldExitTwoAndChangesNothing() throws Exception {
        Path s = CliTest.smallScenario(dir);
        Path in = dir.resolve("bad.geojson");
        Files.writeString(in, records(false));
        assertThat(Main.execute("obstacles", "import", "--scenario", s.toString(), "--geojson", in.toString()))
                .isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("skydas: " + in + ": feature #1: reference_points: at least 2 required");
        assertThat(ObstacleLayer.read(s)).isEmpty();
        assertThat(Main.execute("obstacles", "validate", "--scenario", s.toString(), "--geojson", in.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("reference_points: at least 2 required");
    }

    @Test
    void handOverExportsAndTheMarkingPlan() throws Exception {
        Path s = CliTest.smallScenario(dir);
        Path in = dir.resolve("records.geojson");
        Files.writeString(in, records(true));
        assertThat(Main.execute("obstacles", "import", "--scenario", s.toString(), "--geojson", in.toString())).isZero();

        Path csv = dir.resolve("handover.csv");
        assertThat(Main.execute("obstacles", "export", "--scenario", s.toString(), "--format", "csv", "--out",
                csv.toString())).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("hazard_id,hazard_name,hazard_type,field_kind,status,device_category");
        assertThat(lines.get(1)).startsWith("OF-00001,Field A,CHA,minefield,planned,unspecified,generic AT mine x80,80,");

        Path plan = dir.resolve("plan.geojson");
        Path png = dir.resolve("plan.png");
        assertThat(Main.execute("obstacles", "marking-plan", "--scenario", s.toString(), "--id", "OF-00001",
                "--out", plan.toString(), "--png", png.toString())).isZero();
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(1600);
        assertThat(stdout()).contains("20 signs over 1000 m");
        JsonNode p = JSON.readTree(plan.toFile());
        assertThat(p.get("features")).hasSize(20);
        assertThat(Main.execute("obstacles", "marking-plan", "--scenario", s.toString(), "--id", "OF-00001",
                "--spacing", "1000", "--out", plan.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--spacing: must be between 5 and 200 m");

        Path gj = dir.resolve("handover.geojson");
        assertThat(Main.execute("obstacles", "export", "--scenario", s.toString(), "--format", "geojson", "--id",
                "OF-00001", "--out", gj.toString())).isZero();
        ExternalTool.require("ogrinfo");
        ExternalTool.Result r = ExternalTool.run(List.of("ogrinfo", "-ro", "-al", "-so", gj.toString()), null, 60);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        // the perimeter and its two reference points
        assertThat(r.stdout()).contains("Feature Count: 3", "hazard_id: String", "turning_points: String");
        ExternalTool.Result c = ExternalTool.run(List.of("ogrinfo", "-ro", "-al", "-so", csv.toString()), null, 60);
        assertThat(c.stdout()).contains("Feature Count: 2");

        // The hand-over's WGS84 turning points (proj4j) against GDAL/PROJ reprojecting the LKS-94 layer.
        ExternalTool.require("ogr2ogr");
        Path gdal = dir.resolve("gdal.geojson");
        ExternalTool.Result o = ExternalTool.run(List.of("ogr2ogr", "-f", "GeoJSON", gdal.toString(), s.toString(),
                "obstacle_fields", "-t_srs", "EPSG:4326", "-lco", "COORDINATE_PRECISION=9"), null, 60);
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        JsonNode ring = JSON.readTree(gdal.toFile()).get("features").get(0).get("geometry").get("coordinates").get(0);
        String turning = lines.get(1).replaceAll(".*?,\"?((?:[0-9.]+ [0-9.]+;){4}[0-9.]+ [0-9.]+)\"?,.*", "$1");
        String[] pts = turning.split(";");
        assertThat(pts).hasSize(ring.size());
        for (int i = 0; i < pts.length; i++) {
            String[] ll = pts[i].split(" ");
            double dx = (Double.parseDouble(ll[0]) - ring.get(i).get(0).asDouble()) * 111_320 * Math.cos(Math.toRadians(54.1));
            double dy = (Double.parseDouble(ll[1]) - ring.get(i).get(1).asDouble()) * 110_540;
            assertThat(Math.hypot(dx, dy)).as("turning point %d", i).isLessThan(0.02);
        }
    }
}
