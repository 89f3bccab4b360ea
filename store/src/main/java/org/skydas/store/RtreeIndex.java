package org.skydas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.Function;

/**
 * The GeoPackage R-tree spatial index extension ({@code gpkg_rtree_index}): a virtual rtree table per
 * geometry column kept current by triggers. The triggers call the ST_* SQL functions that every
 * GeoPackage-aware SQLite connection must provide; {@link #registerFunctions} adds them to ours.
 */
final class RtreeIndex {

    private RtreeIndex() {
    }

    static void create(Statement st, String table, String geom, String id) throws SQLException {
        String rtree = "rtree_" + table + "_" + geom;
        st.execute("CREATE VIRTUAL TABLE \"" + rtree + "\" USING rtree(id, minx, maxx, miny, maxy)");
        String values = "VALUES (NEW." + id + ", ST_MinX(NEW." + geom + "), ST_MaxX(NEW." + geom + "), ST_MinY(NEW."
                + geom + "), ST_MaxY(NEW." + geom + "))";
        st.execute("CREATE TRIGGER \"" + rtree + "_insert\" AFTER INSERT ON \"" + table + "\" WHEN (new." + geom
                + " NOT NULL AND NOT ST_IsEmpty(NEW." + geom + ")) BEGIN INSERT OR REPLACE INTO \"" + rtree + "\" "
                + values + "; END");
        st.execute("CREATE TRIGGER \"" + rtree + "_update1\" AFTER UPDATE OF " + geom + " ON \"" + table
                + "\" WHEN OLD." + id + " = NEW." + id + " AND (NEW." + geom + " NOTNULL AND NOT ST_IsEmpty(NEW." + geom
                + ")) BEGIN INSERT OR REPLACE INTO \"" + rtree + "\" " + values + "; END");
        st.execute("CREATE TRIGGER \"" + rtree + "_update2\" AFTER UPDATE OF " + geom + " ON \"" + table
                + "\" WHEN OLD." + id + " = NEW." + id + " AND (NEW." + geom + " ISNULL OR ST_IsEmpty(NEW." + geom
                + ")) BEGIN DELETE FROM \"" + rtree + "\" WHERE id = OLD." + id + "; END");
        st.execute("CREATE TRIGGER \"" + rtree + "_update3\" AFTER UPDATE ON \"" + table + "\" WHEN OLD." + id
                + " != NEW." + id + " AND (NEW." + geom + " NOTNULL AND NOT ST_IsEmpty(NEW." + geom
                + ")) BEGIN DELETE FROM \"" + rtree + "\" WHERE id = OLD." + id + "; INSERT OR REPLACE INTO \"" + rtree
                + "\" " + values + "; END");
        st.execute("CREATE TRIGGER \"" + rtree + "_update4\" AFTER UPDATE ON \"" + table + "\" WHEN OLD." + id
                + " != NEW." + id + " AND (NEW." + geom + " ISNULL OR ST_IsEmpty(NEW." + geom
                + ")) BEGIN DELETE FROM \"" + rtree + "\" WHERE id IN (OLD." + id + ", NEW." + id + "); END");
        st.execute("CREATE TRIGGER \"" + rtree + "_delete\" AFTER DELETE ON \"" + table + "\" WHEN old." + geom
                + " NOT NULL BEGIN DELETE FROM \"" + rtree + "\" WHERE id = OLD." + id + "; END");
        st.execute("INSERT INTO gpkg_extensions VALUES ('" + table + "', '" + geom + "', 'gpkg_rtree_index', "
                + "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
    }

    /** Registers ST_MinX/MaxX/MinY/MaxY and ST_IsEmpty on a connection (needed by the triggers). */
    static void registerFunctions(Connection c) throws SQLException {
        Function.create(c, "ST_IsEmpty", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                result(blob == null || GpkgGeometry.isEmpty(blob) ? 1 : 0);
            }
        });
        String[] names = {"ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"};
        for (int i = 0; i < names.length; i++) {
            final int which = i;
            Function.create(c, names[i], new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    double[] e = GpkgGeometry.envelope(value_blob(0));
                    if (e == null) {
                        result();
                    } else {
                        result(e[which]);
                    }
                }
            });
        }
    }
}
