/**
 * Budgeted siting plans as background jobs: a planner's request validated field by field ({@code PlanRequest}), one
 * job at a time on a low-priority thread with the solver's progress, incumbent and bound, the last jobs kept in
 * memory ({@code SitingJobs}), and the routes that start and read them ({@code SitingApi}). A plan is never applied
 * to the scenario from here: that is the CLI's {@code siting plan --apply}.
 */
package org.skydas.server.siting;
