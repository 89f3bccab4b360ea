/**
 * The scenario GeoPackage 1.3 (SQLite): our own writer and reader of the layers in LKS-94 with R-tree indexes
 * ({@code ScenarioStore}, {@code GpkgGeometry}, {@code RtreeIndex}), versioned migrations, the {@code obstacle_fields}
 * exchange layer, and GeoJSON import/export that validates every feature before rewriting the file atomically
 * ({@code LayerExchange}). Why not mil.nga {@code geopackage}: docs/adr/0021-geopackage-own-writer.md.
 */
package org.skydas.store;
