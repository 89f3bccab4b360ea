package org.skydas.ingest.cot;

/** {@code <status battery="100"/>}: battery in percent. */
public record CotStatus(int battery) {
}
