/**
 * {@code OspaGospa}: the OSPA and GOSPA distances between true and estimated positions at one time, the
 * tracking benchmark's measures.
 */
package org.skydas.track.metric;
