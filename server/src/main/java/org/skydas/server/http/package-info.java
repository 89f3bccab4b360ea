/**
 * What every route's answers share: the error body ({@link org.skydas.server.http.ApiError}). Below the route
 * packages ({@code server}, {@code server.coverage}, {@code server.corridor}, {@code server.siting}), which all use it.
 */
package org.skydas.server.http;
