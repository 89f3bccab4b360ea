package org.skydas.ingest.cot;

/** {@code <contact callsign=".." endpoint="ip:port:proto"/>}; either may be null. */
public record CotContact(String callsign, String endpoint) {
}
