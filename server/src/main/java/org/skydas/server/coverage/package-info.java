/**
 * The scenario's sensor coverage inside a running server: computed in the background at a capped resolution
 * ({@code CoverageService}, {@code CoverageJob}), served as status, PNG tiles and gaps per sector ({@code CoverageApi}),
 * and looked up per point and class to mark each alert covered or gap ({@code CoverageAtPoint}).
 */
package org.skydas.server.coverage;
