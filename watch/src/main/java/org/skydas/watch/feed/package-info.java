/**
 * Glue between ingest listeners and the pipeline: ASTERIX (CAT034 teaches radar sites, CAT048 plots located, CAT062
 * system tracks), SAPIENT nodes, STANAG 4607 GMTI and ONVIF cameras, each with its own counters.
 */
package org.skydas.watch.feed;
