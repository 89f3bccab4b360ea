/**
 * Data association on sparse gated problems: optimal linear assignment (Jonker–Volgenant shortest augmenting
 * paths), splitting into independent clusters, global nearest neighbour per cluster, and JPDA marginals.
 */
package org.skydas.track.assign;
