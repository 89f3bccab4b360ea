package org.skydas.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {

    static List<GeoJsonFeature> read(String json) throws Exception {
        return new GeoJsonReader().readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void roundTripsEveryGeometryTypeAndProperties() throws Exception {
        WKTReader wkt = new WKTReader(Lks94.WGS84);
        String[] shapes = {"POINT (25.1 54.2)", "LINESTRING (25 54, 25.5 54.5)",
            "POLYGON ((25 54, 26 54, 26 55, 25 55, 25 54), (25.2 54.2, 25.4 54.2, 25.4 54.4, 25.2 54.2))",
            "MULTIPOINT ((25 54), (26 55))", "MULTILINESTRING ((25 54, 26 55), (24 53, 24.5 53.5))",
            "MULTIPOLYGON (((25 54, 26 54, 26 55, 25 54)), ((20 50, 21 50, 21 51, 20 50)))",
            "GEOMETRYCOLLECTION (POINT (25 54), LINESTRING (25 54, 26 55))"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (int i = 0; i < shapes.length; i++) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("n", i);
                props.put("name", "ä \"quoted\"");
                props.put("nested", Map.of("a", List.of(1, 2)));
                props.put("nothing", null);
                w.write(new GeoJsonFeature("f" + i, wkt.read(shapes[i]), props));
            }
        }
        List<GeoJsonFeature> back = read(out.toString(StandardCharsets.UTF_8));
        assertThat(back).hasSize(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            GeoJsonFeature f = back.get(i);
            assertThat(f.id()).isEqualTo("f" + i);
            assertThat(f.geometry().equalsExact(wkt.read(shapes[i]), 1e-9)).as(shapes[i]).isTrue();
            assertThat(f.geometry().getSRID()).isEqualTo(4326);
            assertThat(f.properties()).containsEntry("n", i).containsEntry("name", "ä \"quoted\"")
                    .containsEntry("nothing", null).containsEntry("nested", Map.of("a", List.of(1, 2)));
        }
    }

    @Test
    void roundsCoordinatesToTheRequestedDecimals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter w = new GeoJsonWriter(out, 3)) {
            w.write(new GeoJsonFeature(null, Lks94.WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(
                    25.123456, 54.000001)), Map.of()));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[25.123,54]");
    }

    @Test
    void readsALoneFeatureWithMembersInAnyOrder() throws Exception {
        List<GeoJsonFeature> f = read("{\"properties\":{\"a\":1},\"geometry\":{\"coordinates\":[25,54],"
                + "\"type\":\"Point\"},\"type\":\"Feature\",\"id\":7}");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo("7");
            assertThat(x.properties()).containsEntry("a", 1);
        });
    }

    @Test
    void rejectsAnotherCrsByMemberOrByRange() {
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::3346\"}},\"features\":[]}"))
                .isInstanceOf(GeoJsonException.class).hasMessageContaining("EPSG::3346");
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"id\":\"t1\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[582510,6061948]}}]}"))
                .isInstanceOf(GeoJsonException.class).hasMessageContaining("feature 't1'")
                .hasMessageContaining("another CRS");
    }

    @Test
    void rejectsBrokenStructureWithAReason() {
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[25,54],[26,54],[26,55]]]}}]}"))
                .hasMessageContaining("feature #1").hasMessageContaining("at least 4 positions");
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[25,54],[26,54],[26,55],[25,55]]]}}]}"))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"))
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"type\":\"Topology\"}")).hasMessageContaining("Topology");
    }

    @Test
    void projectsGeometriesToTheGridAndBack() throws Exception {
        Geometry wgs = new WKTReader(Lks94.WGS84).read("LINESTRING (23.5 54.2, 25.3 54.7)");
        Geometry grid = Lks94.toGrid(wgs);
        assertThat(grid.getSRID()).isEqualTo(3346);
        // Lazdijai to Vilnius is about 135 km.
        assertThat(grid.getLength()).isBetween(125_000.0, 140_000.0);
        assertThat(Lks94.toWgs84(grid).equalsExact(wgs, 1e-9)).isTrue();
    }
}
