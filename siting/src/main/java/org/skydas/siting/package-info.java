/**
 * Budgeted maximal covering with a proven bound, single and multi-period: the strict JSON instance contract
 * ({@code SitingJson}), presolve, greedy and local search, the MIP for SCIP or CP-SAT through OR-Tools, and a
 * knapsack bound when the solver gives none ({@code SitingSolver}; ADR 0013). Knows nothing of maps.
 */
package org.skydas.siting;
