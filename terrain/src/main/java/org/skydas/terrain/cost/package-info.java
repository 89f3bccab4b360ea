/**
 * Cumulative cost distance with the semantics of GRASS {@code r.cost} and {@code r.walk}, hand-written for speed
 * and memory (ADR 0001): Dijkstra over primitive arrays with a banded front ({@code BandQueue}) or a radix heap, and the
 * {@code skydas cost-distance} run around it.
 */
package org.skydas.terrain.cost;
