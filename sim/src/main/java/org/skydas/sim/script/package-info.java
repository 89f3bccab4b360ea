/**
 * The simulation script ({@code SimScript}, YAML): targets with routes in WGS84, patrols, false-alarm sources and
 * background traffic, read strictly (unknown keys refused, every problem named) by {@code SimScriptIo}; the demo's
 * built-in script.
 */
package org.skydas.sim.script;
