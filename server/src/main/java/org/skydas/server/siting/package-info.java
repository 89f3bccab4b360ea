/**
 * Budgeted siting plans as background jobs: a planner's request validated field by field ({@code PlanRequest}), one
 * job at a time on a low-priority thread with the solver's progress, incumbent and bound, the last jobs kept in
 * memory ({@code SitingJobs}), the routes that start, read and apply them ({@code SitingApi}); applying a finished
 * plan writes it into the served scenario file with an admin-log entry ({@code PlanApplier}) and reloads the server's
 * plan views through the scenario they share ({@code ServedScenario}).
 */
package org.skydas.server.siting;
