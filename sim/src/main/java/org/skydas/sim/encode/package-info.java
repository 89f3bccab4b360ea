/**
 * Writers of the wire formats the simulated sensors send: ASTERIX CAT034 north markers and CAT048 plots, Skydas
 * JSON detections, Open Drone ID messages and packs, and CoT self reports of friendly patrols.
 */
package org.skydas.sim.encode;
