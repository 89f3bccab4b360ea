package org.skydas.ingest.cot;

/** {@code <__group name="Yellow" role="HQ"/>}: team colour and role; either may be null. */
public record CotGroup(String name, String role) {
}
