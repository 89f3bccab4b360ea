/**
 * Coordinates and geodata files at the edges: {@code Lks94} converts between WGS84 and LKS-94 / Lithuania TM
 * (EPSG:3346, the frame every other module computes in; ADR 0002); {@code GeoJsonReader} and {@code GeoJsonWriter}
 * stream RFC 7946 GeoJSON, refusing other CRSs with a reason; {@code AtomicFile} writes every output whole and renames
 * it over its target.
 */
package org.skydas.geo;
