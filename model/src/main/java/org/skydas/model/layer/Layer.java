package org.skydas.model.layer;

import java.util.List;
import java.util.Locale;

/**
 * The scenario's feature layers, with their attribute columns, as stored in a GeoPackage and
 * exchanged as GeoJSON properties. Column order is the order files show.
 */
public enum Layer {
    BORDER("MULTILINESTRING", List.of(Column.text("neighbour"), Column.real("length_m"))),
    SECTORS("MULTILINESTRING", List.of(Column.text("neighbour"), Column.integer("index"), Column.real("length_m"))),
    ZONES("MULTIPOLYGON", List.of(Column.text("name"), Column.text("kind"), Column.json("params"))),
    SITES("POINT", List.of(Column.text("name"), Column.integer("existing"), Column.real("ground_elevation_m"),
            Column.text("access"), Column.real("build_cost_eur"))),
    ASSETS("GEOMETRY", List.of(Column.text("name"), Column.text("type"), Column.text("status"),
            Column.real("capex_eur"), Column.real("opex_eur_per_year"), Column.text("category"),
            Column.integer("year"), Column.json("sensor"), Column.json("params")));

    /** SQL-level type of an attribute column; JSON columns hold nested objects as text. */
    public enum ColumnType { TEXT, INTEGER, REAL, JSON }

    public record Column(String name, ColumnType type) {
        static Column text(String n) {
            return new Column(n, ColumnType.TEXT);
        }

        static Column integer(String n) {
            return new Column(n, ColumnType.INTEGER);
        }

        static Column real(String n) {
            return new Column(n, ColumnType.REAL);
        }

        static Column json(String n) {
            return new Column(n, ColumnType.JSON);
        }
    }

    private final String geometryType;
    private final List<Column> columns;

    Layer(String geometryType, List<Column> columns) {
        this.geometryType = geometryType;
        this.columns = columns;
    }

    /** Table and file name of the layer, e.g. {@code sectors}. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** GeoPackage geometry type name. */
    public String geometryType() {
        return geometryType;
    }

    public List<Column> columns() {
        return columns;
    }

    public static Layer fromName(String name) {
        for (Layer l : values()) {
            if (l.tableName().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown layer '" + name + "' (one of border, sectors, zones, sites, assets)");
    }
}
