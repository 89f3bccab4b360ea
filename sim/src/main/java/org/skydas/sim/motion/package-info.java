/**
 * How simulated objects move: piecewise-linear trajectories in LKS-94 as pure functions of time, and the
 * {@code WorldBuilder} that turns a script into objects, drawing random routes once from the seed.
 */
package org.skydas.sim.motion;
