/**
 * The Lithuania demo scenario ({@code DemoScenario}): real OpenStreetMap borders, 10 km sectors, border strip and
 * buffer zones, example sites, assets and programme, all marked as examples.
 */
package org.skydas.model.demo;
