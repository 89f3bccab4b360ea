/**
 * The siting performance goals as a harness ({@code bench/run siting}): seeded border-belt instances
 * ({@code BeltInstances}) solved to the goal's gap and time limits, single and multi-period.
 */
package org.skydas.bench.siting;
