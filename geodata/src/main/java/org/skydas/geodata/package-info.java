/**
 * Reference geodata shipped inside the jar, made at build time: {@code Countries}, the OpenStreetMap land polygons
 * of Lithuania and its neighbours (WGS84), and {@code Egm96}, the EGM96 geoid undulation from NGA's 15′ grid.
 */
package org.skydas.geodata;
