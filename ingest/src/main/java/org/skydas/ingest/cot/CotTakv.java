package org.skydas.ingest.cot;

/** {@code <takv device=".." platform=".." os=".." version=".."/>}: the sending TAK client; fields may be null. */
public record CotTakv(String device, String platform, String os, String version) {
}
