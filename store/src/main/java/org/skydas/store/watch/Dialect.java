package org.skydas.store.watch;

/** The two databases the watch store runs on, and the few words of SQL they spell differently. */
public enum Dialect {
    /** Embedded default: one file under the data directory, WAL journal. */
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL", "INTEGER"),
    /** Server mode: PostgreSQL with PostGIS. */
    POSTGRESQL("BIGSERIAL PRIMARY KEY", "DOUBLE PRECISION", "BOOLEAN");

    final String autoId;
    final String real;
    final String bool;

    Dialect(String autoId, String real, String bool) {
        this.autoId = autoId;
        this.real = real;
        this.bool = bool;
    }

    /** DDL with {ID}, {REAL} and {BOOL} replaced by this dialect's types. */
    String ddl(String template) {
        return template.replace("{ID}", autoId).replace("{REAL}", real).replace("{BOOL}", bool);
    }
}
